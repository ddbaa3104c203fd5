"""Admins change a participant (unit, case officer, gender) and end them in the service."""

from sqlmodel import select

from app.models import AuditEvent, LoginCard, LoginSession, Participant
from tests.conftest import page


def form(person, **changes):
    return {
        "first_name": person.first_name,
        "language": person.language,
        "unit": person.unit_id,
        "case_officer": person.case_officer_id or 0,
        "gender": "",
        **changes,
    }


def test_moving_a_participant_moves_who_sees_them(
    app, client, db, make_unit, make_staff, make_participant, login_as
):
    cafe, garden = make_unit("Kaféet"), make_unit("Trädgården")
    karin, omar = make_staff("case_officer"), make_staff("case_officer")
    sara = make_staff("supervisor", units=[cafe])
    lena = make_staff("supervisor", units=[garden])
    anna = make_participant("Anna", unit=cafe, case_officer=karin)
    login_as(client, make_staff("admin"))

    soup = page(client.get(f"/admin/deltagare/{anna.id}"))
    assert soup.select_one("#unit option[selected]")["value"] == str(cafe.id)
    assert soup.select_one("input[name=gender][value='']").has_attr("checked")

    response = client.post(
        f"/admin/deltagare/{anna.id}",
        data=form(anna, unit=garden.id, case_officer=omar.id, gender="woman"),
    )
    assert response.status_code == 303
    db.expire_all()
    moved = db.get(Participant, anna.id)
    assert (moved.unit_id, moved.case_officer_id, moved.gender) == (garden.id, omar.id, "woman")
    actions = set(db.exec(select(AuditEvent.action).where(AuditEvent.participant_id == anna.id)))
    assert {"participant.move_unit", "participant.move_case_officer"} <= actions

    for staff, status in ((sara, 404), (karin, 404), (lena, 200), (omar, 200)):
        other = app.test_client()
        login_as(other, staff)
        assert other.get(f"/personal/deltagare/{anna.id}").status_code == status, staff.username


def test_bad_input_keeps_what_was_typed(client, db, make_staff, make_participant, login_as):
    anna = make_participant("Anna")
    login_as(client, make_staff("admin"))
    soup = page(
        client.post(f"/admin/deltagare/{anna.id}", data=form(anna, first_name="", gender="x")),
        status=422,
    )
    assert soup.title.string.startswith("Fel:")
    assert [a["href"] for a in soup.select(".error-summary a")] == ["#first_name", "#gender-0"]
    soup = page(
        client.post(f"/admin/deltagare/{anna.id}", data=form(anna, first_name="A" * 61)),
        status=422,
    )
    assert soup.select_one("#first_name")["value"] == "A" * 61
    db.expire_all()
    assert db.get(Participant, anna.id).first_name == "Anna"


def test_ending_a_participant_closes_card_and_logins_at_once(
    app, client, db, make_unit, make_staff, make_participant, login_participant, login_as
):
    unit = make_unit("Kaféet")
    sara = make_staff("supervisor", units=[unit])
    anna = make_participant("Anna", unit=unit)
    annas_phone = app.test_client()
    token = login_participant(annas_phone, anna)
    assert annas_phone.get("/mina-mal").status_code == 200
    admin = make_staff("admin")
    login_as(client, admin)

    soup = page(client.get(f"/admin/deltagare/{anna.id}/avsluta"))
    assert soup.select("input[name=reason]")
    assert client.post(f"/admin/deltagare/{anna.id}/avsluta", data={}).status_code == 422
    db.expire_all()
    assert db.get(Participant, anna.id).ended_at is None

    response = client.post(f"/admin/deltagare/{anna.id}/avsluta", data={"reason": "studies"})
    assert response.status_code == 303
    db.expire_all()
    ended = db.get(Participant, anna.id)
    assert (ended.end_reason, ended.ended_by_id) == ("studies", admin.id)
    assert ended.ended_at is not None
    assert all(c.revoked_at for c in db.exec(select(LoginCard)))
    assert (
        db.exec(
            select(LoginSession).where(
                LoginSession.participant_id == anna.id, LoginSession.ended_at.is_(None)
            )
        ).all()
        == []
    )
    assert annas_phone.get("/mina-mal").headers["Location"] == "/"
    assert annas_phone.post("/k", data={"token": token}).status_code != 303

    # The record stays; nobody can give her a new card or hand a device over.
    assert page(client.get(f"/personal/deltagare/{anna.id}")).select_one("h1").text == "Anna"
    again = client.post(f"/admin/deltagare/{anna.id}/avsluta", data={"reason": "work"})
    assert again.status_code == 200
    db.expire_all()
    assert db.get(Participant, anna.id).end_reason == "studies"
    supervisor = app.test_client()
    login_as(supervisor, sara)
    assert supervisor.post(f"/personal/deltagare/{anna.id}/lamna-over").status_code == 404
    assert supervisor.post(f"/personal/deltagare/{anna.id}/kort").status_code == 404
    assert "Anna" not in supervisor.get("/personal/").get_data(as_text=True)


def test_the_end_page_says_how_long_the_record_stays(
    app, client, make_staff, make_participant, login_as
):
    anna = make_participant("Anna")
    login_as(client, make_staff("admin"))
    text = page(client.get(f"/admin/deltagare/{anna.id}/avsluta")).get_text(" ", strip=True)
    assert "sparas i 5 år" in text
    app.config["RETENTION_DAYS"] = 30
    text = page(client.get(f"/admin/deltagare/{anna.id}/avsluta")).get_text(" ", strip=True)
    assert "sparas i 30 dagar" in text
