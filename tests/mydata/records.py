"""A participant with something in every part of the app, for "Mina uppgifter" and deletion."""

from datetime import date, timedelta

from sqlmodel import select

from app.alternatives.models import InterestFollowUp
from app.checkins.models import CheckIn, CheckInAnswer, QuestionSet
from app.consent.models import ConsentEvent
from app.goals.models import StepChange
from app.models import AuditEvent, LoginSession, utcnow
from app.new_step.models import NewStep, StepAnswer, StepCheckIn
from app.wishes.models import Wish, WishCard, WishNote
from tests.alternatives.helpers import make_interest
from tests.goals.helpers import make_goal


def fill_record(db, make_meeting, make_card, person, case_officer) -> dict:
    """Fill every part of the app for `person`; returns the ids made."""
    card, token = make_card(person)
    db.add(LoginSession(token_hash=f"test-{token}", participant_id=person.id, card_id=card.id))
    meeting = make_meeting(person)
    check_in = CheckIn(
        follow_up_id=meeting.id,
        participant_id=person.id,
        question_set_id=db.exec(select(QuestionSet)).first().id,
    )
    db.add(check_in)
    db.commit()
    db.add(CheckInAnswer(check_in_id=check_in.id, question_key="how_it_is", choices=["good"]))
    db.add(
        CheckInAnswer(
            check_in_id=check_in.id,
            question_key="talk_about",
            choices=["something_else"],
            text="Bussen till jobbet",
        )
    )
    animals = db.exec(select(WishCard).where(WishCard.key == "djur")).one()
    db.add(Wish(participant_id=person.id, card_id=animals.id, pile="want_to_try"))
    db.add(WishNote(participant_id=person.id, text="Hästar och stall"))
    ids = make_goal(db, person.id, case_officer.id, easy_text="Jag vill baka bröd.")
    # The step as it was before its supervisor changed it: the plan's history.
    db.add(StepChange(step_id=ids["step"], action="edit", what="Baka bullar.", who="me"))
    interest = make_interest(db, person.id)
    db.add(
        InterestFollowUp(
            interest_id=interest, kind="talked", day=date(2026, 1, 2), staff_id=case_officer.id
        )
    )
    db.add(
        ConsentEvent(participant_id=person.id, unit_id=person.unit_id, area="wishes", given=True)
    )
    db.add(AuditEvent(action="participant.view", participant_id=person.id))
    # A step to work, with support and a short check-in, and the return to daily activity.
    began = utcnow() - timedelta(days=60)
    step = NewStep(
        participant_id=person.id,
        kind="work",
        started_at=began,
        support_until=began + timedelta(days=365),
        support_by_id=case_officer.id,
        checkin_days=[14],
        returned_at=utcnow() - timedelta(days=1),
        returned_by_id=case_officer.id,
    )
    db.add(step)
    db.flush()
    step_check_in = StepCheckIn(new_step_id=step.id, due_day=14)
    db.add(step_check_in)
    db.flush()
    db.add(StepAnswer(check_in_id=step_check_in.id, question_key="how_it_is", choice="good"))
    db.commit()
    return {**ids, "check_in": check_in.id, "meeting": meeting.id, "interest": interest}
