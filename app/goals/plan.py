"""The plan (genomförandeplan): next steps toward the goals, done by the participant,
confirmed or reopened by the supervisor."""

from dataclasses import dataclass, field
from datetime import date

from flask import g
from sqlmodel import select

from .. import audit
from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..models import Participant, StaffUser, utcnow
from ..options import FACES, StaffWordedOption, by_key
from . import order
from .models import Goal, GoalStep, GoalVersion, StepChange

# Who does a step: the participant reads "Du gör det", staff read "Deltagaren".
WHO = [
    StaffWordedOption("me", _l("Du gör det"), "me", staff_label=_l("Deltagaren")),
    StaffWordedOption(
        "supervisor", _l("Din handledare gör det"), "supervisor", staff_label=_l("Handledaren")
    ),
    StaffWordedOption(
        "case_officer",
        _l("Din handläggare gör det"),
        "case_officer",
        staff_label=_l("Handläggaren"),
    ),
    StaffWordedOption(
        "someone_else", _l("Någon annan gör det"), "someone_else", staff_label=_l("Någon annan")
    ),
]
WHO_BY_KEY = by_key(WHO)

# How a done step went, in the participant's words.
FEELINGS = FACES
FEELING_BY_KEY = by_key(FEELINGS)


def steps_of(participant_id: int) -> list[GoalStep]:
    """The participant's steps in the plan, in the order they happen: by day, then as written.
    Removed steps are left out (their history stays, see `history`)."""
    rows = get_session().exec(
        select(GoalStep).where(
            GoalStep.participant_id == participant_id, GoalStep.removed_at.is_(None)
        )
    )
    return sorted(rows.all(), key=lambda s: (s.due or date.max, s.created_at, s.id))


def _keep_as_it_was(step: GoalStep, action: str, by: StaffUser) -> None:
    get_session().add(
        StepChange(
            step_id=step.id,
            action=action,
            what=step.what,
            who=step.who,
            who_name=step.who_name,
            due=step.due,
            changed_by_id=by.id,
        )
    )


def edit(
    step: GoalStep,
    goal: Goal | None,
    what: str,
    who: str,
    who_name: str,
    due: date | None,
    by: StaffUser,
) -> bool:
    """Change a step of the plan; the wording before is kept in its history. Saving the same
    again stores nothing (returns False)."""
    if goal is not None and (goal.participant_id != step.participant_id or goal.ended_at):
        raise ValueError("not an active goal of this participant")
    if who not in WHO_BY_KEY:
        raise ValueError(f"unknown who {who!r}")
    db = get_session()
    locked = _locked(step)
    wanted = {
        "goal_id": goal.id if goal else None,
        "what": what.strip(),
        "who": who,
        "who_name": who_name.strip() if who == "someone_else" else "",
        "due": due,
    }
    if locked.removed_at is not None or all(
        getattr(locked, key) == value for key, value in wanted.items()
    ):
        save_changes()
        return False
    _keep_as_it_was(locked, "edit", by)
    for key, value in wanted.items():
        setattr(locked, key, value)
    db.add(locked)
    audit.record("goal.step_edit", locked.participant_id)
    return True


def remove(step: GoalStep, by: StaffUser) -> None:
    """Take a step out of the plan. The row and its history stay, for the record."""
    db = get_session()
    locked = _locked(step)
    if locked.removed_at is None:
        _keep_as_it_was(locked, "remove", by)
        locked.removed_at = utcnow()
        locked.removed_by_id = by.id
        db.add(locked)
        audit.record("goal.step_remove", locked.participant_id)
    save_changes()


def history(participant_id: int) -> list[tuple[StepChange, GoalStep]]:
    """Every change and removal of the participant's steps, latest first: the step as it was
    before, who changed it and when, and the step as it is now."""
    rows = get_session().exec(
        select(StepChange, GoalStep)
        .join(GoalStep, GoalStep.id == StepChange.step_id)
        .where(GoalStep.participant_id == participant_id)
        .order_by(StepChange.changed_at.desc(), StepChange.id.desc())
    )
    return list(rows.all())


def add(
    participant: Participant,
    goal: Goal | None,
    what: str,
    who: str,
    who_name: str,
    due: date | None,
    by: StaffUser,
) -> GoalStep:
    """Add a next step, to a goal of the participant's order or (flagged) to none."""
    if goal is not None and (goal.participant_id != participant.id or goal.ended_at):
        raise ValueError("not an active goal of this participant")
    if who not in WHO_BY_KEY:
        raise ValueError(f"unknown who {who!r}")
    step = GoalStep(
        participant_id=participant.id,
        goal_id=goal.id if goal else None,
        what=what.strip(),
        who=who,
        who_name=who_name.strip() if who == "someone_else" else "",
        due=due,
        created_by_id=by.id,
    )
    db = get_session()
    db.add(step)
    audit.record("goal.step_add", participant.id)
    return step


def _locked(step: GoalStep) -> GoalStep:
    return (
        get_session().exec(select(GoalStep).where(GoalStep.id == step.id).with_for_update()).one()
    )


def mark_done(step: GoalStep, feeling: str) -> bool:
    """The participant says "Jag har gjort det!" and how it went. A second tap changes nothing."""
    if feeling not in FEELING_BY_KEY:
        raise ValueError(f"unknown feeling {feeling!r}")
    db = get_session()
    locked = _locked(step)
    if locked.done_at is not None:
        save_changes()
        return False
    login = g.get("login")
    locked.done_at = utcnow()
    locked.feeling = feeling
    locked.done_helper_id = login.helper_id if login else None
    locked.reopened_at = None
    db.add(locked)
    save_changes()
    return True


def confirm(step: GoalStep, by: StaffUser) -> None:
    """The supervisor confirms the step is done (also when the participant has not said so)."""
    db = get_session()
    locked = _locked(step)
    now = utcnow()
    if locked.done_at is None:
        locked.done_at = now
    if locked.confirmed_at is None:
        locked.confirmed_at = now
        locked.confirmed_by_id = by.id
    db.add(locked)
    audit.record("goal.step_confirm", locked.participant_id)


def reopen(step: GoalStep, by: StaffUser) -> None:
    """Not done after all: the step is open again for the participant."""
    db = get_session()
    locked = _locked(step)
    locked.done_at = None
    locked.feeling = None
    locked.done_helper_id = None
    locked.confirmed_at = None
    locked.confirmed_by_id = None
    locked.reopened_at = utcnow()
    locked.reopened_by_id = by.id
    db.add(locked)
    audit.record("goal.step_reopen", locked.participant_id)


def state(step: GoalStep, next_step: GoalStep | None) -> str:
    if step.confirmed_at:
        return "done"
    if step.done_at:
        return "waiting"
    return "next" if next_step is not None and step.id == next_step.id else "later"


@dataclass
class GoalPath:
    """A goal, its current wording and its steps in order, with the one to do next."""

    goal: Goal
    wording: GoalVersion
    steps: list[GoalStep] = field(default_factory=list)

    @property
    def next_step(self) -> GoalStep | None:
        return next((s for s in self.steps if s.done_at is None), None)

    def state(self, step: GoalStep) -> str:
        return state(step, self.next_step)

    @property
    def done_count(self) -> int:
        return sum(1 for s in self.steps if s.done_at is not None)


@dataclass
class Plan:
    paths: list[GoalPath]
    loose_steps: list[GoalStep]  # steps that belong to no active goal

    @property
    def goals_without_steps(self) -> list[GoalPath]:
        return [p for p in self.paths if not p.steps]

    @property
    def matches(self) -> bool:
        return not self.goals_without_steps and not self.loose_steps


def plan_of(participant_id: int) -> Plan:
    """The order's active goals with the plan's steps, and what does not match."""
    goals = order.active_goals(participant_id)
    paths = {goal.id: GoalPath(goal, order.current(goal)) for goal in goals}
    loose = []
    for step in steps_of(participant_id):
        if step.goal_id in paths:
            paths[step.goal_id].steps.append(step)
        elif step.goal_id is None or step.done_at is None:
            # No goal, or an open step of an ended goal: the plan no longer matches the order.
            loose.append(step)
    return Plan(list(paths.values()), loose)
