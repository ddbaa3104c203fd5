"""Made-up new steps after daily activity: work or studies with support going on, short
check-ins while it lasts, and for some a return to daily activity."""

from datetime import timedelta

from .new_step.checkin import QUESTIONS as STEP_QUESTIONS
from .new_step.models import NewStep, StepAnswer, StepCheckIn
from .new_step.steps import DAYS_PER_MONTH, DEFAULT_MONTHS, DEFAULT_RHYTHM

# Of those who leave for work or studies: most keep support (a new step); some come back.
WITH_SUPPORT = 0.85
COME_BACK = 0.25


def pick(rng, weighted):
    return rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]


def step_plan(rng, started, kind, coach, officer, now) -> dict:
    """A new step after daily activity, and (for some) the return to it."""
    returned = None
    if rng.random() < COME_BACK:
        back = started + timedelta(days=rng.randint(20, 420))
        returned = back if back < now else None
    return {
        "kind": kind,
        "started_at": started,
        "support_until": started + timedelta(days=round(DEFAULT_MONTHS * DAYS_PER_MONTH)),
        "support_by_id": rng.choice([coach, coach, officer]),
        "checkin_days": DEFAULT_RHYTHM,
        "wants_back_at": returned - timedelta(days=rng.randint(3, 20)) if returned else None,
        "returned_at": returned,
        "returned_by_id": officer if returned else None,
        "created_at": started,
        "created_by_id": officer,
    }


def new_step(rows, rng, person, step: dict, now) -> None:
    """The step and its short check-ins, answered most of the time while it lasted."""
    step_id = rows.add(NewStep, participant_id=person, **step)
    until = min(step["returned_at"] or now, step["support_until"], now)
    going_back = step["returned_at"] is not None
    for day in step["checkin_days"]:
        moment = step["started_at"] + timedelta(days=day, hours=rng.randint(8, 16))
        if moment >= until or rng.random() < 0.3:
            continue
        check_in = rows.add(
            StepCheckIn, new_step_id=step_id, due_day=day, created_at=moment, completed_at=moment
        )
        helped = rng.random() < 0.4
        for i, question in enumerate(STEP_QUESTIONS):
            choice = _step_choice(rng, question.key, going_back, helped)
            rows.add(
                StepAnswer,
                check_in_id=check_in,
                question_key=question.key,
                choice=choice,
                answered_at=moment + timedelta(minutes=i),
            )


def _step_choice(rng, key: str, going_back: bool, helped: bool) -> str:
    """An answer to the step's check-in: those who later came back were less at ease."""
    low = 0.35 if going_back else 0.1
    if key == "how_it_is":
        return pick(rng, [("good", 1 - 2 * low), ("so_so", low), ("not_good", low)])
    if key in ("feels_safe", "gets_help"):
        return pick(rng, [("yes", 1 - 2 * low), ("sometimes", low), ("no", low)])
    if key == "more_support":
        return pick(rng, [("yes", 0.2 + low), ("no", 0.6 - low), ("dont_know", 0.2)])
    if key == "come_back":
        return pick(rng, [("yes", low), ("no", 0.8 - low), ("dont_know", 0.2)])
    return "support_person" if helped else "nobody"
