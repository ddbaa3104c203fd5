"""Demo data: a participant three weeks into a job, with a support person and a check-in due."""

from datetime import timedelta

from ..consent.models import ConsentEvent
from ..db import get_session
from ..models import Participant, StaffUser
from . import steps
from .models import StepKind


def seed(person: Participant, case_officer: StaffUser, support_person: StaffUser) -> None:
    plan = steps.StepPlan(StepKind.work, steps.DEFAULT_MONTHS, support_person, steps.DEFAULT_RHYTHM)
    step = steps.start(person, plan, case_officer)
    db = get_session()
    step.started_at -= timedelta(days=21)
    step.support_until -= timedelta(days=21)
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
    db.commit()
