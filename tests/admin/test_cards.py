"""The administrator's card list: status filter, revoke, a new card, and unit print sheets."""

from datetime import timedelta

from sqlmodel import select

from app.models import LoginCard, LoginSession, utcnow
from tests.conftest import page


def statuses(soup):
    return {
        row.select_one("th").a.get_text(strip=True): row.select_one(".tag")["class"][1]
        for row in soup.select("table.card-table tbody tr")
    }


def test_the_list_shows_each_status_and_filters(
    client, db, make_unit, make_staff, make_participant, make_card, login_as
):
    unit = make_unit("Kaféet")
    people = {name: make_participant(name, unit=unit) for name in ("Anna", "Bo", "Cem", "Dan")}
    cards = {name: make_card(person)[0] for name, person in people.items()}
    cards["Bo"].expires_at = utcnow() + timedelta(days=10)
    cards["Cem"].expires_at = utcnow() - timedelta(days=1)
    cards["Dan"].revoked_at = utcnow()
    for card in cards.values():
        db.add(card)
    db.commit()
    login_as(client, make_staff("admin"))

    soup = page(client.get("/admin/kort"))
    assert statuses(soup) == {
        "Anna": "active",
        "Bo": "expiring",
        "Cem": "expired",
        "Dan": "revoked",
    }
    assert statuses(page(client.get("/admin/kort?status=expiring"))) == {"Bo": "expiring"}
    assert statuses(page(client.get("/admin/kort?status=nonsense"))).keys() == people.keys()
    other = make_unit("Trädgården")
    assert statuses(page(client.get(f"/admin/kort?enhet={other.id}"))) == {}
    # Only working cards can be revoked; every newest card can be replaced.
    revoke_forms = soup.select("form[action$='/sparra']")
    assert len(revoke_forms) == 2
    assert len(soup.select("form[action$='/nytt-kort']")) == 4


def test_revoking_from_the_list_ends_an_open_login(
    app, client, db, make_staff, make_participant, login_participant, login_as
):
    anna = make_participant("Anna")
    annas_phone = app.test_client()
    login_participant(annas_phone, anna)
    assert annas_phone.get("/mina-mal").status_code == 200
    card = db.exec(select(LoginCard)).one()
    login_as(client, make_staff("admin"))
    response = client.post(f"/admin/kort/{card.id}/sparra", data={"status": "active"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/admin/kort?status=active"
    db.expire_all()
    assert db.get(LoginCard, card.id).revoked_at is not None
    assert (
        db.exec(
            select(LoginSession).where(
                LoginSession.ended_at.is_(None), LoginSession.participant_id == anna.id
            )
        ).all()
        == []
    )
    assert annas_phone.get("/mina-mal").headers["Location"] == "/"


def test_a_new_card_replaces_the_old_and_a_repeat_is_noticed(
    client, db, make_staff, make_participant, make_card, login_as
):
    anna = make_participant("Anna")
    old, _token = make_card(anna)
    login_as(client, make_staff("admin"))
    soup = page(client.get("/admin/kort"))
    seen = soup.select_one("form[action$='/nytt-kort'] input[name=cards_seen]")["value"]
    printed = page(client.post(f"/admin/deltagare/{anna.id}/nytt-kort", data={"cards_seen": seen}))
    assert printed.select_one(".login-card .name").get_text(strip=True) == "Anna"
    db.expire_all()
    assert db.get(LoginCard, old.id).revoked_at is not None
    assert len(db.exec(select(LoginCard)).all()) == 2
    # The same form sent again (a reload) makes no third card.
    page(client.post(f"/admin/deltagare/{anna.id}/nytt-kort", data={"cards_seen": seen}), 409)
    assert len(db.exec(select(LoginCard)).all()) == 2


def test_a_unit_sheet_prints_the_ticked_participants(
    client, db, make_unit, make_staff, make_participant, login_as
):
    unit = make_unit("Kaféet")
    anna, bo = make_participant("Anna", unit=unit), make_participant("Bo", unit=unit)
    make_participant("Cem", unit=make_unit("Annan"))
    login_as(client, make_staff("admin"))
    soup = page(client.get(f"/admin/enheter/{unit.id}/kort"))
    assert [i["value"] for i in soup.select("input[name=participant]")] == [
        str(anna.id),
        str(bo.id),
    ]
    seen = soup.select_one("input[name=cards_seen]")["value"]
    soup = page(client.post(f"/admin/enheter/{unit.id}/kort", data={"cards_seen": seen}), 422)
    assert (
        soup.select_one(".error-message").get_text(strip=True).endswith("Välj minst en deltagare.")
    )
    assert db.exec(select(LoginCard)).all() == []
    sheet = page(
        client.post(
            f"/admin/enheter/{unit.id}/kort",
            data={"cards_seen": seen, "participant": [anna.id, bo.id]},
        )
    )
    assert [n.get_text(strip=True) for n in sheet.select(".login-card .name")] == ["Anna", "Bo"]
    assert len(db.exec(select(LoginCard)).all()) == 2
