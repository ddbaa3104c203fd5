"""The tables of My goals: goals with every version of their wording, and the next steps.

A goal's wording is never overwritten: each save is a new `goal_version` row, and the goal
keeps the number of its current version, which is also the optimistic lock for edits.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..models import utcnow

EASY_MAX = 200
FORMAL_MAX = 1000
MEASURE_MAX = 300
STEP_MAX = 200
WHO_NAME_MAX = 60


class Goal(SQLModel, table=True):
    """A goal in the case officer's order (beställning) for one participant."""

    __tablename__ = "goal"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    # The number of the current goal_version; a save based on another number is refused.
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    ended_at: datetime | None = None
    ended_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class GoalVersion(SQLModel, table=True):
    """One wording of a goal, as the case officer saved it: who and when."""

    __tablename__ = "goal_version"
    __table_args__ = (UniqueConstraint("goal_id", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(foreign_key="goal.id", index=True)
    version: int
    easy_text: str = Field(max_length=EASY_MAX)
    formal_text: str = Field(max_length=FORMAL_MAX)
    measure: str = Field(default="", max_length=MEASURE_MAX)
    due: date | None = None
    pictogram: str = Field(max_length=40)
    sub_goals: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class GoalStep(SQLModel, table=True):
    """A next step in the supervisor's plan (genomförandeplan): what, who and when."""

    __tablename__ = "goal_step"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    # None: a step that belongs to no goal, which the staff pages flag.
    goal_id: int | None = Field(default=None, foreign_key="goal.id", index=True)
    what: str = Field(max_length=STEP_MAX)
    who: str = Field(max_length=20)
    who_name: str = Field(default="", max_length=WHO_NAME_MAX)
    due: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    # "Jag har gjort det!": when, how it went (a face) and who helped on their device.
    done_at: datetime | None = None
    feeling: str | None = Field(default=None, max_length=20)
    done_helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
    confirmed_at: datetime | None = None
    confirmed_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    reopened_at: datetime | None = None
    reopened_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    # Removed from the plan by a supervisor: the row and its history stay.
    removed_at: datetime | None = None
    removed_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class StepChange(SQLModel, table=True):
    """A step as it was before a supervisor changed or removed it: the plan's history."""

    __tablename__ = "step_change"
    id: int | None = Field(default=None, primary_key=True)
    step_id: int = Field(foreign_key="goal_step.id", index=True)
    # "edit" or "remove"
    action: str = Field(max_length=10)
    what: str = Field(max_length=STEP_MAX)
    who: str = Field(max_length=20)
    who_name: str = Field(default="", max_length=WHO_NAME_MAX)
    due: date | None = None
    changed_at: datetime = Field(default_factory=utcnow)
    changed_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
