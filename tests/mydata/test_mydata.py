"""Mina uppgifter: the participant sees everything, staff view and export it (audit-logged),
and the participant may delete answers not yet sent."""

import json

from sqlmodel import SQLModel, select

from app.checkins.models import CheckIn, CheckInAnswer
from app.models import AuditEvent, utcnow
from tests.conftest import page


def test_the_participant_sees_everything_in_easy_words(
    client, db, make_staff, make_participant, login_participant, full_record
):
    karin = make_staff("case_officer", username="karin")
    anna = make_participant("Anna", case_officer=karin)
    full_record(anna, karin)
    login_participant(client, anna)

    home = page(client.get("/"))
    assert home.select_one("a.tile[href='/mina-uppgifter']")
    soup = page(client.get("/mina-uppgifter"))
    assert soup.h1.get_text(strip=True) == "Mina uppgifter"
    text = soup.select_one("main").get_text(" ", strip=True)
    for expected in (
        "Karin",  # the case officer
        "Hur har du det på din dagliga verksamhet?",
        "Bra",
        "Bussen till jobbet",
        "Djur",
        "Hästar och stall",
        "Jag vill baka bröd.",
        "IWork",
        "Vi har pratat",
        "Du sa ja.",
        "Kortet fungerar.",
    ):
        assert expected in text, expected
    # Every part has its picture, and the page can be printed.
    parts = soup.select("section.mydata-part")
    assert len(parts) >= 9 and all(part.select_one("h2 img") for part in parts)
    assert soup.select_one("button[data-print]")


def test_staff_view_and_export_are_audit_logged(
    app, client, db, make_unit, make_staff, make_participant, login_as, full_record
):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    full_record(anna, karin)
    login_as(client, karin)
    assert page(client.get(f"/personal/deltagare/{anna.id}")).select_one(
        f"a[href='/personal/deltagare/{anna.id}/uppgifter']"
    )
    soup = page(client.get(f"/personal/deltagare/{anna.id}/uppgifter"))
    assert "Bussen till jobbet" in soup.get_text()
    response = client.get(f"/personal/deltagare/{anna.id}/uppgifter.json")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert "Anna" not in response.headers["Content-Disposition"]
    actions = db.exec(
        select(AuditEvent.action).where(
            AuditEvent.actor_id == karin.id, AuditEvent.participant_id == anna.id
        )
    ).all()
    assert {"mydata.view", "mydata.export"} <= set(actions)

    # The supervisor sees only what Anna shares, so not this page.
    supervisor = app.test_client()
    login_as(supervisor, make_staff("supervisor", units=[unit]))
    assert supervisor.get(f"/personal/deltagare/{anna.id}/uppgifter").status_code == 403


def test_the_export_holds_every_row_of_every_table_and_no_secrets(
    client, db, make_staff, make_participant, login_participant, login_as, full_record
):
    karin = make_staff("case_officer")
    anna = make_participant("Anna", case_officer=karin)
    bea = make_participant("Bea", case_officer=karin)
    full_record(anna, karin)
    full_record(bea, karin)
    login_participant(client, anna)  # a login row too
    login_as(client, karin)
    data = json.loads(client.get(f"/personal/deltagare/{anna.id}/uppgifter.json").data)

    linked = {
        table.name
        for table in SQLModel.metadata.sorted_tables
        if any(key.column.table.name == "participant" for key in table.foreign_keys)
    }
    linked |= {"participant", "check_in_answer", "goal_version", "alternative_follow_up"}
    assert linked <= set(data["tables"]), linked - set(data["tables"])
    for name, rows in data["tables"].items():
        assert rows, f"{name} should hold Anna's rows"
        for row in rows:
            assert "token_hash" not in row and "password_hash" not in row
            if "participant_id" in row:
                assert row["participant_id"] == anna.id, name
    answers = [a["text"] for a in data["tables"]["check_in_answer"]]
    assert "Bussen till jobbet" in answers and len(answers) == 2


def test_unsent_answers_can_be_deleted_after_a_kind_question(
    client, db, make_staff, make_participant, login_participant, full_record
):
    karin = make_staff("case_officer")
    anna = make_participant("Anna", case_officer=karin)
    bea = make_participant("Bea", case_officer=karin)
    annas = full_record(anna, karin)
    beas = full_record(bea, karin)
    login_participant(client, anna)

    soup = page(client.get("/mina-uppgifter"))
    link = soup.select_one(f"a[href='/mina-uppgifter/svar/{annas['check_in']}/ta-bort']")
    assert link and "Ta bort svaren" in link.get_text()
    confirm = page(client.get(link["href"]))
    assert confirm.h1.get_text(strip=True) == "Ta bort svaren?"
    assert confirm.select_one("a[href='/mina-uppgifter']")  # "Nej, behåll dem"
    assert client.post(f"/mina-uppgifter/svar/{beas['check_in']}/ta-bort").status_code == 404

    response = client.post(link["href"])
    assert response.status_code == 303
    assert page(client.get(response.headers["Location"])).select_one(".notice[role=status]")
    assert db.get(CheckIn, annas["check_in"]) is None
    left = db.exec(select(CheckInAnswer.check_in_id)).all()
    assert set(left) == {beas["check_in"]}


def test_sent_answers_are_not_drafts(
    client, db, make_staff, make_participant, login_participant, full_record
):
    karin = make_staff("case_officer")
    anna = make_participant("Anna", case_officer=karin)
    ids = full_record(anna, karin)
    check_in = db.get(CheckIn, ids["check_in"])
    check_in.completed_at = utcnow()
    db.add(check_in)
    db.commit()
    login_participant(client, anna)
    soup = page(client.get("/mina-uppgifter"))
    assert not soup.select("a[href$='/ta-bort']")
    assert client.post(f"/mina-uppgifter/svar/{check_in.id}/ta-bort").status_code == 404
    assert len(db.exec(select(CheckInAnswer)).all()) == 2
