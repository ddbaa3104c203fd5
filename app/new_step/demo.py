"""Demo data: a participant five weeks into a job, with a support person; the check-in after
two weeks is answered, the one after a month is due."""

from datetime import timedelta

from ..consent.models import ConsentEvent
from ..db import get_session, save_changes
from ..models import Participant, StaffUser
from . import checkin, steps
from .models import StepKind

# The answers after two weeks: good, mostly safe, wants a little more support.
FIRST_ANSWERS = {
    "how_it_is": "good",
    "feels_safe": "sometimes",
    "gets_help": "yes",
    "more_support": "yes",
    "come_back": "no",
    "helped": "support_person",
}


def seed(person: Participant, case_officer: StaffUser, support_person: StaffUser) -> None:
    plan = steps.StepPlan(StepKind.work, steps.DEFAULT_MONTHS, support_person, steps.DEFAULT_RHYTHM)
    step = steps.start(person, plan, case_officer)
    db = get_session()
    step.started_at -= timedelta(days=35)
    step.support_until -= timedelta(days=35)
    db.add(step)
    db.add(
        ConsentEvent(
            participant_id=person.id,
            unit_id=person.unit_id,
            area="checkins",
            given=True,
            shared_with="support_person",
            support_person_id=support_person.id,
        )
    )
    save_changes()
    first = checkin.begin(step, 14)
    for key, choice in FIRST_ANSWERS.items():
        checkin.record(first, checkin.QUESTION_BY_KEY[key], choice)
    checkin.complete(first)
    first.created_at = first.completed_at = step.started_at + timedelta(days=15)
    db.add(first)
    save_changes()
