"""Deleting unsent answers never silently erases "Jag känner mig inte trygg": the case officer
must see it. The participant is told before they say yes."""

from sqlmodel import select

from app.checkins.models import CheckIn, CheckInAnswer
from app.meetings.brief import caseload
from app.models import StaffUser
from tests.conftest import page


def draft(client, db, make_participant, make_staff, make_meeting, login_participant, safe):
    officer = make_staff("case_officer")
    anna = make_participant("Anna", case_officer=officer)
    make_meeting(anna)
    login_participant(client, anna)
    check_in = page(client.get("/infor-motet/fraga/how_it_is")).select_one("input[name=check_in]")[
        "value"
    ]
    for key, choice in (("how_it_is", "good"), ("feels_safe", safe)):
        data = {"check_in": check_in, "choice": choice}
        assert client.post(f"/infor-motet/fraga/{key}", data=data).status_code == 303
    return officer, int(check_in)


def test_a_not_safe_answer_stays_when_the_draft_is_deleted(
    client, db, in_request, make_participant, make_staff, make_meeting, login_participant
):
    officer, check_in = draft(
        client, db, make_participant, make_staff, make_meeting, login_participant, "no"
    )
    asking = page(client.get(f"/mina-uppgifter/svar/{check_in}/ta-bort"))
    assert "Det svaret tas inte bort." in asking.select_one("#unsafe-stays").get_text()

    assert client.post(f"/mina-uppgifter/svar/{check_in}/ta-bort").status_code == 303
    db.expire_all()
    assert db.get(CheckIn, check_in) is not None
    kept = db.exec(select(CheckInAnswer.question_key, CheckInAnswer.choices)).all()
    assert [tuple(row) for row in kept] == [("feels_safe", ["no"])]
    with in_request():
        rows = caseload(db.get(StaffUser, officer.id))
    assert [row.unsafe for row in rows] == [True], "the case officer still sees the flag"


def test_other_drafts_go_entirely(
    client, db, make_participant, make_staff, make_meeting, login_participant
):
    _officer, check_in = draft(
        client, db, make_participant, make_staff, make_meeting, login_participant, "yes"
    )
    asking = page(client.get(f"/mina-uppgifter/svar/{check_in}/ta-bort"))
    assert not asking.select("#unsafe-stays")
    assert client.post(f"/mina-uppgifter/svar/{check_in}/ta-bort").status_code == 303
    db.expire_all()
    assert db.get(CheckIn, check_in) is None
    assert db.exec(select(CheckInAnswer)).all() == []
