"""Case officers book meetings and read the brief; supervisors help in time."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from app.checkins.models import CheckIn, CheckInAnswer, QuestionSet
from app.meetings.models import FollowUp
from app.models import AuditEvent, utcnow
from tests.conftest import page


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    sara = make_staff("supervisor", units=[unit], username="sara")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    return {"unit": unit, "karin": karin, "sara": sara, "anna": anna}


def answered(db, meeting, answers, completed=True, helper=None):
    """A check-in with these answers, as if the participant had given them."""
    check_in = CheckIn(
        follow_up_id=meeting.id,
        participant_id=meeting.participant_id,
        question_set_id=db.exec(select(QuestionSet)).one().id,
        completed_at=utcnow() if completed else None,
    )
    db.add(check_in)
    db.commit()
    for key, choices in answers.items():
        text = ""
        if isinstance(choices, tuple):
            choices, text = choices
        db.add(
            CheckInAnswer(
                check_in_id=check_in.id,
                question_key=key,
                choices=choices,
                text=text,
                helper_id=helper.id if helper else None,
            )
        )
    db.commit()
    return check_in


def test_case_officer_books_a_meeting(client, db, people, login_as):
    login_as(client, people["karin"])
    day = date.today() + timedelta(days=10)
    response = client.post(
        f"/personal/deltagare/{people['anna'].id}/moten/nytt",
        data={"day": day.isoformat(), "time": "10:30", "place": "Kaféet"},
    )
    meeting = db.exec(select(FollowUp)).one()
    assert response.headers["Location"] == f"/personal/moten/{meeting.id}"
    assert meeting.created_by_id == people["karin"].id
    assert meeting.place == "Kaféet" and not meeting.remote
    local = meeting.starts_at.astimezone(ZoneInfo("Europe/Stockholm"))
    assert (local.date(), local.hour, local.minute) == (day, 10, 30)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"day": "2020-01-01", "time": "10:00", "place": "Kaféet"}, "day"),
        ({"day": "not a date", "time": "10:00", "place": "Kaféet"}, "day"),
        ({"day": "2099-01-01", "time": "25:99", "place": "Kaféet"}, "time"),
        ({"day": "2099-01-01", "time": "10:00", "place": ""}, "place"),
        ({"day": "2099-01-01", "time": "10:00", "place": "K" * 121}, "place"),
    ],
)
def test_bad_meeting_input_is_refused_kindly(client, db, people, login_as, data, field):
    login_as(client, people["karin"])
    soup = page(client.post(f"/personal/deltagare/{people['anna'].id}/moten/nytt", data=data), 422)
    assert soup.select_one(f"#{field}-error")
    assert soup.select_one("#place")["value"] == data["place"]
    assert db.exec(select(FollowUp)).all() == []


def test_a_remote_meeting_needs_no_place(client, db, people, login_as):
    login_as(client, people["karin"])
    response = client.post(
        f"/personal/deltagare/{people['anna'].id}/moten/nytt",
        data={"day": "2099-01-01", "time": "09:00", "place": "", "remote": "y"},
    )
    assert response.status_code == 303
    assert db.exec(select(FollowUp)).one().remote


def test_the_brief_shows_answers_helper_unsafe_flag_and_changes(
    client, db, people, make_meeting, login_as
):
    anna, sara = people["anna"], people["sara"]
    last_year = make_meeting(anna, days_ahead=-300)
    last_year.held_at = utcnow() - timedelta(days=299)
    db.add(last_year)
    answered(db, last_year, {"how_it_is": ["good"], "feels_safe": ["yes"]})
    meeting = make_meeting(anna)
    answered(
        db,
        meeting,
        {
            "how_it_is": ["so_so"],
            "feels_safe": ["no"],
            "try_new": ["internship", "dont_know"],
            "talk_about": (["money"], "Busskortet"),
            "who_helped": ["supervisor"],
            "how_helped": ["read_aloud", "showed"],
        },
        helper=sara,
    )
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/moten/{meeting.id}"))

    first = soup.select_one("article.brief").find(True)
    assert "flag-unsafe" in first["class"], "a no to feeling safe is at the very top"
    helped = soup.select_one(".helped").get_text(" ", strip=True)
    assert "Min handledare" in helped and "läste för mig, visade mig" in helped
    assert sara.display_name in helped
    assert soup.select_one(".flag-try").get_text(" ", strip=True) == "Praktik"
    assert soup.select_one(".own-words").get_text(strip=True) == "Busskortet"
    changed = soup.select_one("#answer-how_it_is")
    assert "changed" in changed["class"]
    assert changed.select("td")[1].get_text(" ", strip=True) == "Ändrat. Bra"
    assert "changed" not in (soup.select_one("#answer-try_new").get("class") or [])
    assert db.exec(select(AuditEvent.action).where(AuditEvent.participant_id == anna.id)).all() == [
        "brief.view"
    ]


def test_marking_a_meeting_held_closes_the_check_in_and_keeps_it_readable(
    client, db, people, make_meeting, login_as, make_card
):
    meeting = make_meeting(people["anna"])
    answered(db, meeting, {"how_it_is": ["good"]})
    login_as(client, people["karin"])
    soup = page(client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": ""}), 422)
    assert soup.select_one("#agreed-error")
    response = client.post(
        f"/personal/moten/{meeting.id}/hallet", data={"agreed": "Anna provar praktik i mars."}
    )
    assert response.status_code == 303
    db.refresh(meeting)
    assert meeting.held_at and meeting.held_by_id == people["karin"].id
    soup = page(client.get(f"/personal/moten/{meeting.id}"))
    assert "Anna provar praktik i mars." in soup.get_text()
    assert soup.select_one("#answer-how_it_is"), "the answers stay readable"
    assert soup.select_one(f"a[href='/personal/deltagare/{people['anna'].id}/moten/nytt']")
    # Held twice: refused, nothing changes.
    again = client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": "Annat"})
    assert page(again, 409).h1.get_text(strip=True) == "Mötet är redan avslutat"
    db.refresh(meeting)
    assert meeting.agreed == "Anna provar praktik i mars."
    # The participant's check-in is closed.
    phone = client.application.test_client()
    _card, token = make_card(people["anna"])
    phone.post("/k", data={"token": token})
    assert phone.get("/infor-motet").status_code == 404


def test_caseload_is_sorted_by_next_meeting_with_status_and_flags(
    client, db, people, make_participant, make_meeting, login_as
):
    karin = people["karin"]
    bo = make_participant("Bo", unit=people["unit"], case_officer=karin)
    make_participant("Cia", unit=people["unit"], case_officer=karin)
    answered(db, make_meeting(bo, days_ahead=20), {"try_new": ["job"]}, completed=False)
    answered(db, make_meeting(people["anna"], days_ahead=5), {"feels_safe": ["no"]})
    login_as(client, karin)
    rows = page(client.get("/personal/")).select("table.caseload tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["Anna", "Bo", "Cia"]
    assert [r.select("td")[1].get_text(strip=True) for r in rows] == [
        "Klar",
        "Påbörjad",
        "Inget möte bokat",
    ]
    assert rows[0].select_one(".flag-unsafe") and not rows[0].select_one(".flag-try")
    assert rows[1].select_one(".flag-try") and not rows[1].select_one(".flag-unsafe")


def test_supervisor_sees_who_may_need_help_and_helps(
    client, db, people, make_participant, make_meeting, login_as
):
    anna, sara = people["anna"], people["sara"]
    bo = make_participant("Bo", unit=people["unit"])
    make_meeting(anna, days_ahead=5)
    done = make_meeting(bo, days_ahead=5)
    answered(db, done, {"how_it_is": ["good"]}, completed=True)
    login_as(client, sara)
    waiting = page(client.get("/personal/")).select(".waiting li a")
    assert [a.get_text(strip=True) for a in waiting] == ["Anna"]

    soup = page(client.get(f"/personal/deltagare/{anna.id}"))
    assert soup.select_one("#checkin-heading")
    assert not soup.select_one("#meetings-heading"), "supervisors do not read the answers"
    response = client.post(f"/personal/deltagare/{anna.id}/lamna-over", data={"to": "checkin"})
    assert response.headers["Location"] == "/infor-motet/fortsatt"
    question = page(client.get("/infor-motet/fraga/how_it_is"))
    client.post(
        "/infor-motet/fraga/how_it_is",
        data={"check_in": question.select_one("input[name=check_in]")["value"], "choice": "good"},
    )
    answer = db.exec(
        select(CheckInAnswer)
        .join(CheckIn, CheckIn.id == CheckInAnswer.check_in_id)
        .where(CheckIn.participant_id == anna.id)
    ).one()
    assert answer.helper_id == sara.id, "the check-in records that the supervisor helped"


def test_only_the_own_case_officer_reads_the_brief(
    client, db, people, make_staff, make_meeting, login_as
):
    meeting = make_meeting(people["anna"])
    for other in [make_staff("case_officer"), people["sara"], make_staff("admin")]:
        c = client.application.test_client()
        login_as(c, other)
        assert c.get(f"/personal/moten/{meeting.id}").status_code in (403, 404)
        assert c.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": "x"}).status_code in (
            403,
            404,
        )
    db.refresh(meeting)
    assert meeting.held_at is None


def test_people_who_left_the_service_are_off_the_caseload(
    client, db, people, make_participant, login_as
):
    karin = people["karin"]
    bo = make_participant("Bo", unit=people["unit"], case_officer=karin)
    bo.ended_at, bo.end_reason = utcnow(), "work"
    db.add(bo)
    db.commit()
    login_as(client, karin)
    rows = page(client.get("/personal/")).select("table.caseload tbody tr")
    assert [r.th.get_text(strip=True) for r in rows] == ["Anna"]
