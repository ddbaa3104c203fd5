"""The order (beställning): the case officer writes, edits and ends goals. Every edit is kept."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, exists
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from .. import audit
from ..db import attempt, get_session
from ..models import Participant, StaffUser, utcnow
from .models import Goal, GoalVersion


@dataclass(frozen=True)
class Wording:
    """What a case officer types for a goal (validated by the form before it gets here)."""

    easy_text: str
    formal_text: str
    measure: str
    due: date | None
    pictogram: str
    sub_goals: tuple[str, ...]


class StaleGoal(Exception):
    """Someone saved the goal after this form was opened; nothing was saved."""

    def __init__(self, current: GoalVersion):
        super().__init__(current.version)
        self.current = current


class GoalEnded(Exception):
    """The goal has been ended; it can no longer be changed."""


def active_goals(participant_id: int) -> list[Goal]:
    return list(
        get_session()
        .exec(
            select(Goal)
            .where(Goal.participant_id == participant_id, Goal.ended_at.is_(None))
            .order_by(Goal.created_at, Goal.id)
        )
        .all()
    )


def an_active_goal(participant_id):
    """In SQL: whether the participant (an id column, or a bound id) has a goal not ended."""
    return exists().where(Goal.participant_id == participant_id, Goal.ended_at.is_(None))


# Built once: several pages ask it.
_AN_ACTIVE_GOAL = select(an_active_goal(bindparam("participant_id")))


def has_active_goals(participant_id: int) -> bool:
    found = get_session().exec(_AN_ACTIVE_GOAL, params={"participant_id": participant_id})
    return bool(found.one())


def versions(goal: Goal) -> list[GoalVersion]:
    """Every wording of the goal, the newest first."""
    return list(
        get_session()
        .exec(
            select(GoalVersion)
            .where(GoalVersion.goal_id == goal.id)
            .order_by(GoalVersion.version.desc())
        )
        .all()
    )


def current(goal: Goal) -> GoalVersion:
    return (
        get_session()
        .exec(
            select(GoalVersion).where(
                GoalVersion.goal_id == goal.id, GoalVersion.version == goal.version
            )
        )
        .one()
    )


def _version(goal: Goal, number: int, wording: Wording, by: StaffUser) -> GoalVersion:
    return GoalVersion(
        goal_id=goal.id,
        version=number,
        easy_text=wording.easy_text,
        formal_text=wording.formal_text,
        measure=wording.measure,
        due=wording.due,
        pictogram=wording.pictogram,
        sub_goals=list(wording.sub_goals),
        created_by_id=by.id,
    )


def create(participant: Participant, wording: Wording, by: StaffUser) -> Goal:
    """Add a goal to the participant's order, with its first wording."""
    db = get_session()
    goal = Goal(participant_id=participant.id, version=1, created_by_id=by.id)
    db.add(goal)
    db.flush()
    db.add(_version(goal, 1, wording, by))
    audit.record("goal.create", participant.id)
    return goal


def revise(goal: Goal, wording: Wording, based_on: int, by: StaffUser) -> GoalVersion | None:
    """Save a new wording, if the form was based on the current version (optimistic lock).

    Raises StaleGoal when someone else saved in between, GoalEnded for an ended goal.
    Returns None when nothing changed (nothing is stored).
    """
    db = get_session()
    locked = db.exec(select(Goal).where(Goal.id == goal.id).with_for_update()).one()
    if locked.ended_at is not None:
        raise GoalEnded()
    saved = current(locked)
    if locked.version != based_on:
        raise StaleGoal(saved)
    new = _version(locked, locked.version + 1, wording, by)
    same = [
        saved.easy_text,
        saved.formal_text,
        saved.measure,
        saved.due,
        saved.pictogram,
        saved.sub_goals,
    ] == [new.easy_text, new.formal_text, new.measure, new.due, new.pictogram, new.sub_goals]
    if same:
        return None
    try:
        with attempt():
            locked.version = new.version
            db.add(locked)
            db.add(new)
    except IntegrityError:
        # Two saves raced past the version check (SQLite has no row locks): the unique
        # (goal_id, version) lets only the first one in.
        raise StaleGoal(versions(goal)[0]) from None
    audit.record("goal.revise", locked.participant_id)
    return new


def end(goal: Goal, by: StaffUser) -> None:
    """The goal is no longer part of the order. Its wording and steps stay readable."""
    db = get_session()
    locked = db.exec(select(Goal).where(Goal.id == goal.id).with_for_update()).one()
    if locked.ended_at is not None:
        raise GoalEnded()
    locked.ended_at = utcnow()
    locked.ended_by_id = by.id
    db.add(locked)
    audit.record("goal.end", locked.participant_id)
