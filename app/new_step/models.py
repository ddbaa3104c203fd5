"""A new step after daily activity, the short check-ins during it, and their answers."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from ..models import utcnow


class StepKind(StrEnum):
    """What the participant went on to (an EndReason too)."""

    work = "work"
    internship = "internship"
    studies = "studies"
    measure = "measure"


class NewStep(SQLModel, table=True):
    """Daily activity ended for work, an internship, studies or a labour-market measure, and the
    support goes on until support_until, given by the case officer or a support person."""

    __tablename__ = "new_step"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    kind: str = Field(max_length=20)
    started_at: datetime = Field(default_factory=utcnow)
    support_until: datetime
    # The case officer or a support person (Role.support_person).
    support_by_id: int = Field(foreign_key="staff_user.id", index=True)
    # Days after the start when the short check-in is due (e.g. 14, 30, 91, 182, 365).
    checkin_days: list = Field(sa_column=Column(JSON, nullable=False))
    # The participant pressed "Jag vill komma tillbaka" (the newest time).
    wants_back_at: datetime | None = None
    # The case officer restarted daily activity: the return, with its date.
    returned_at: datetime | None = None
    returned_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class StepCheckIn(SQLModel, table=True):
    """One short check-in during the step: how it is at work, safety, help, more support."""

    __tablename__ = "step_check_in"
    id: int | None = Field(default=None, primary_key=True)
    new_step_id: int = Field(foreign_key="new_step.id", index=True)
    # The point of the rhythm it answers (days after the start); 0 when none was due yet.
    due_day: int = 0
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class StepAnswer(SQLModel, table=True):
    """One answer as it was given; a changed answer is a new row and the latest counts."""

    __tablename__ = "step_answer"
    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="step_check_in.id", index=True)
    question_key: str = Field(max_length=40)
    choice: str = Field(max_length=40)
    answered_at: datetime = Field(default_factory=utcnow)
    # The support person whose device the answer was given on ("Hjälp Lisa med frågorna").
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
