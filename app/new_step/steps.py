"""The new step: starting it when daily activity ends for work or studies, the rhythm of the
short check-ins, "Jag vill komma tillbaka", and the return to daily activity."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import select

from .. import audit
from ..db import get_session
from ..models import Participant, Role, StaffUser, utcnow
from .models import NewStep, StepKind

# After 2 weeks, 1, 3, 6 and 12 months (days after the start).
DEFAULT_RHYTHM = [14, 30, 91, 182, 365]
RHYTHM_CHOICES = [14, 30, 61, 91, 182, 273, 365, 548, 730]
DEFAULT_MONTHS = 12
DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class StepPlan:
    """What the case officer chose when daily activity ends for a new step."""

    kind: StepKind
    support_months: int
    support_by: StaffUser
    checkin_days: list[int]


def latest(participant: Participant) -> NewStep | None:
    """The participant's newest step, whether it goes on, is over or ended in a return."""
    return (
        get_session()
        .exec(
            select(NewStep)
            .where(NewStep.participant_id == participant.id)
            .order_by(NewStep.started_at.desc(), NewStep.id.desc())
        )
        .first()
    )


def current(participant: Participant) -> NewStep | None:
    """The step the participant is in now: daily activity ended for it, and no return yet."""
    if participant.ended_at is None:
        return None
    step = latest(participant)
    return step if step is not None and step.returned_at is None else None


def supported(participant: Participant, now: datetime | None = None) -> NewStep | None:
    """The current step while its support period lasts."""
    step = current(participant)
    if step is None or step.support_until <= (now or utcnow()):
        return None
    return step


def support_persons() -> list[StaffUser]:
    """Everyone who may be named to give the support that goes on."""
    return list(
        get_session()
        .exec(
            select(StaffUser)
            .where(StaffUser.role == Role.support_person, StaffUser.active.is_(True))
            .order_by(StaffUser.display_name)
        )
        .all()
    )


def start(person: Participant, plan: StepPlan, by: StaffUser) -> NewStep:
    """Daily activity ends for the new step; the card, the logins, the wishes and goals stay,
    and the support goes on for the months chosen."""
    db = get_session()
    now = utcnow()
    person.ended_at = now
    person.end_reason = plan.kind
    person.ended_by_id = by.id
    db.add(person)
    step = NewStep(
        participant_id=person.id,
        kind=plan.kind,
        started_at=now,
        support_until=now + timedelta(days=round(plan.support_months * DAYS_PER_MONTH)),
        support_by_id=plan.support_by.id,
        checkin_days=sorted(set(plan.checkin_days)),
        created_by_id=by.id,
    )
    db.add(step)
    audit.record("participant.new_step", person.id)
    return step


def due_day(step: NewStep, now: datetime | None = None) -> int | None:
    """The point of the rhythm whose check-in is due now and not answered yet, if any."""
    from .checkin import answered_days

    days = (now or utcnow()) - step.started_at
    passed = [day for day in step.checkin_days if timedelta(days=day) <= days]
    if not passed or passed[-1] in answered_days(step):
        return None
    return passed[-1]


def want_to_come_back(step: NewStep) -> None:
    """The participant pressed "Jag vill komma tillbaka": their case officer sees a flag."""
    db = get_session()
    step.wants_back_at = utcnow()
    db.add(step)
    audit.record("new_step.wants_back", step.participant_id)


def restart(person: Participant, by: StaffUser) -> None:
    """Daily activity starts again: the return is recorded with its date on the step, and the
    participant's wishes, goals and history are there as they were."""
    db = get_session()
    step = current(person)
    if step is not None:
        step.returned_at = utcnow()
        step.returned_by_id = by.id
        db.add(step)
    person.ended_at = None
    person.end_reason = None
    person.ended_by_id = None
    db.add(person)
    audit.record("participant.restart", person.id)


def in_steps_of_case_officer(staff: StaffUser) -> list[tuple[Participant, NewStep]]:
    """The case officer's participants who are in a new step now, newest step first."""
    db = get_session()
    rows = db.exec(
        select(Participant, NewStep)
        .join(NewStep, NewStep.participant_id == Participant.id)
        .where(
            Participant.case_officer_id == staff.id,
            Participant.ended_at.is_not(None),
            Participant.anonymised_at.is_(None),
            NewStep.returned_at.is_(None),
        )
        .order_by(NewStep.started_at.desc())
    ).all()
    seen, people = set(), []
    for person, step in rows:
        if person.id not in seen:
            seen.add(person.id)
            people.append((person, step))
    return people


def supported_by(staff: StaffUser) -> list[tuple[Participant, NewStep]]:
    """The support person's people: their steps that go on now."""
    now = utcnow()
    rows = (
        get_session()
        .exec(
            select(Participant, NewStep)
            .join(NewStep, NewStep.participant_id == Participant.id)
            .where(
                NewStep.support_by_id == staff.id,
                NewStep.returned_at.is_(None),
                NewStep.support_until > now,
                Participant.ended_at.is_not(None),
            )
            .order_by(Participant.first_name)
        )
        .all()
    )
    return [(person, step) for person, step in rows if current(person) == step]
