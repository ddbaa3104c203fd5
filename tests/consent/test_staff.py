"""Staff pages enforce consent: a supervisor sees the participant's answers, wishes and how the
steps went only while the participant says yes, and is told plainly when something is hidden.
The case officer's view does not change."""

from sqlmodel import select

from app.goals.models import GoalStep
from app.models import AuditEvent, utcnow
from app.wishes.models import Wish, WishCard
from tests.conftest import page
from tests.goals.helpers import make_goal
from tests.meetings.test_brief import answered

HIDDEN = "Dolt. Anna har inte sagt ja till att du ser det."


def say(client, area, answer):
    assert client.post("/vem-far-se", data={"area": area, "answer": answer}).status_code == 303


def anna_has_said_things(db, people, make_meeting):
    """Anna answered a check-in, sorted a wish card and marked a step done with a face."""
    answered(db, make_meeting(people["anna"]), {"how_it_is": ["good"], "feels_safe": ["no"]})
    card = db.exec(select(WishCard).where(WishCard.key == "djur")).one()
    db.add(Wish(participant_id=people["anna"].id, card_id=card.id, pile="want_to_try"))
    ids = make_goal(db, people["anna"].id, people["karin"].id)
    step = db.get(GoalStep, ids["step"])
    step.done_at, step.feeling = utcnow(), "good"
    db.add(step)
    db.commit()


def shared_views(db, people):
    db.expire_all()
    return [
        e.action
        for e in db.exec(
            select(AuditEvent)
            .where(AuditEvent.actor_id == people["sara"].id, AuditEvent.action.like("%shared%"))
            .order_by(AuditEvent.id)
        )
    ]


def test_without_consent_the_supervisor_sees_that_answers_are_hidden(
    client, db, people, make_meeting, login_as
):
    anna_has_said_things(db, people, make_meeting)
    login_as(client, people["sara"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    section = soup.select_one("#shared")
    assert [p.get_text(strip=True) for p in section.select(".consent-hidden")] == [HIDDEN] * 3
    assert not soup.select("#shared-answer-how_it_is")
    assert not soup.select(".brief-piles")
    # The step shows it is done, but not the face Anna chose.
    row = soup.select_one(".step-waiting").get_text(" ", strip=True)
    assert "Deltagaren har gjort det" in row and "bra" not in row.lower()
    assert soup.select_one("#goals .consent-hidden")
    assert shared_views(db, people) == []


def test_with_consent_the_supervisor_sees_them_and_it_is_logged(
    client, app, db, people, make_meeting, login_as, login_participant
):
    anna_has_said_things(db, people, make_meeting)
    anna = app.test_client()
    login_participant(anna, people["anna"])
    for area in ("checkins", "wishes", "goal_comments"):
        say(anna, area, "ja")

    login_as(client, people["sara"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert not soup.select(".consent-hidden")
    answer = soup.select_one("#shared-answer-how_it_is")
    assert answer and answer.td.get_text(strip=True)
    assert soup.select_one("#shared-answer-feels_safe")
    assert "Djur" in soup.select_one("#shared .pile-want_to_try").get_text()
    assert "(" in soup.select_one(".step-waiting").get_text()
    assert shared_views(db, people) == [
        "checkins.shared_view",
        "wishes.shared_view",
        "goal_comments.shared_view",
    ]

    # Anna takes one back: that area is hidden again at once, the others stay.
    say(anna, "wishes", "nej")
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert [p.get_text(strip=True) for p in soup.select("#shared .consent-hidden")] == [HIDDEN]
    assert soup.select_one("#shared-answer-how_it_is")
    assert not soup.select("#shared .brief-piles")


def test_the_case_officer_sees_wishes_as_before_without_any_consent(
    client, db, people, make_meeting, login_as
):
    anna_has_said_things(db, people, make_meeting)
    login_as(client, people["karin"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert not soup.select("#shared"), "the consent section is for supervisors"
    assert not soup.select(".consent-hidden")
    assert "Djur" in soup.select_one("#wishes").get_text()
    assert "(" in soup.select_one(".step-waiting").get_text(), "the face is shown"


def test_consent_of_another_participant_does_not_open_annas(
    client, app, db, people, make_participant, make_meeting, login_as, login_participant
):
    anna_has_said_things(db, people, make_meeting)
    bea = make_participant("Bea", unit=people["unit"])
    other = app.test_client()
    login_participant(other, bea)
    say(other, "checkins", "ja")
    login_as(client, people["sara"])
    soup = page(client.get(f"/personal/deltagare/{people['anna'].id}"))
    assert len(soup.select("#shared .consent-hidden")) == 3


def test_a_supervisor_elsewhere_sees_nothing_even_with_consent(
    client, app, db, people, make_unit, make_staff, make_meeting, login_as, login_participant
):
    anna_has_said_things(db, people, make_meeting)
    anna = app.test_client()
    login_participant(anna, people["anna"])
    say(anna, "checkins", "ja")
    elsewhere = make_staff("supervisor", units=[make_unit("Tvätteriet")])
    login_as(client, elsewhere)
    assert client.get(f"/personal/deltagare/{people['anna'].id}").status_code == 404
