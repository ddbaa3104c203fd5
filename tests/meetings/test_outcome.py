"""The meeting's outcome told back to the participant: the case officer sees exactly that text
(with the line's LIX) before saving; the participant's home shows it until the next check-in."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.meetings.models import FollowUp
from app.models import utcnow
from tests.conftest import page
from tests.goals.helpers import make_goal

AGREED = "Du ska prova att jobba i köket en dag i veckan."


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    return {"karin": karin, "anna": anna}


def test_the_preview_shows_the_participants_text_and_its_lix_and_saves_nothing(
    client, db, people, make_meeting, login_as
):
    meeting = make_meeting(people["anna"])
    make_goal(db, people["anna"].id, people["karin"].id, easy_text="Jag vill jobba i köket.")
    login_as(client, people["karin"])
    soup = page(
        client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": AGREED, "preview": "1"})
    )
    preview = soup.select_one("#outcome-preview")
    assert preview.select_one(".outcome-agreed").get_text(strip=True) == AGREED
    assert [li.get_text(strip=True) for li in preview.select(".outcome-goals li")] == [
        "Jag vill jobba i köket."
    ]
    # 11 words in one sentence, none longer than six letters.
    assert "LIX för raden: 11, mycket lätt att läsa." in preview.select_one(".lix").text
    assert soup.select_one("#agreed")["value"] == AGREED
    db.expire_all()
    assert db.get(FollowUp, meeting.id).held_at is None

    hard = "Överenskommelse: deltagaren påbörjar arbetsträningsinsatser inom köksverksamheten."
    soup = page(
        client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": hard, "preview": "1"})
    )
    assert "svår att läsa" in soup.select_one(".lix-hard").text


def test_the_home_shows_what_was_decided_until_the_next_check_in_opens(
    client, db, people, make_meeting, login_as, login_participant
):
    meeting = make_meeting(people["anna"])
    login_as(client, people["karin"])
    client.post(f"/personal/moten/{meeting.id}/hallet", data={"agreed": AGREED})
    later = make_meeting(people["anna"], days_ahead=60)

    phone = client.application.test_client()
    login_participant(phone, people["anna"])
    soup = page(phone.get("/"))
    outcome = soup.select_one(".outcome")
    assert outcome.select_one("h2").get_text(strip=True) == "Det här bestämde ni på mötet"
    assert outcome.select_one(".outcome-agreed").get_text(strip=True) == AGREED
    assert outcome.select_one(".outcome-agreed").has_attr("data-say")
    assert "Nästa möte:" in outcome.select_one(".outcome-next").text

    # The next check-in opens: the meeting tile takes its place.
    later.starts_at = utcnow() + timedelta(days=3)
    db.add(later)
    db.commit()
    soup = page(phone.get("/"))
    assert soup.select_one(".outcome") is None
    assert soup.select_one(".meeting-tile")


def test_nothing_is_shown_before_any_meeting_is_held(client, db, people, login_participant):
    login_participant(client, people["anna"])
    assert page(client.get("/")).select_one(".outcome") is None
    assert db.exec(select(FollowUp)).first() is None
