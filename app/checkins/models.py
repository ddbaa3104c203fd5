"""Versioned question sets, check-ins and their answers (kept as history). A check-in belongs
to a follow-up meeting (app.meetings.models)."""

from datetime import datetime

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..models import utcnow


class QuestionSet(SQLModel, table=True):
    """One version of the check-in questions. Editing makes a new version; answers keep theirs."""

    __tablename__ = "question_set"
    id: int | None = Field(default=None, primary_key=True)
    version: int = Field(unique=True)
    questions: list = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class CheckIn(SQLModel, table=True):
    """The participant's answers before one meeting."""

    __tablename__ = "check_in"
    __table_args__ = (UniqueConstraint("follow_up_id"),)
    id: int | None = Field(default=None, primary_key=True)
    follow_up_id: int = Field(foreign_key="follow_up.id")
    participant_id: int = Field(foreign_key="participant.id", index=True)
    question_set_id: int = Field(foreign_key="question_set.id")
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class CheckInAnswer(SQLModel, table=True):
    """One answer as it was given. A changed answer is a new row; the latest one counts."""

    __tablename__ = "check_in_answer"
    __table_args__ = (UniqueConstraint("check_in_id", "client_key"),)
    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", index=True)
    question_key: str = Field(max_length=40)
    choices: list = Field(sa_column=Column(JSON, nullable=False))
    text: str = Field(default="", max_length=300)
    # The supervisor whose device the participant answered on, if any.
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
    answered_at: datetime = Field(default_factory=utcnow)
    # Made by the phone for an answer given offline, so that sending it again stores nothing.
    client_key: str | None = Field(default=None, max_length=40)
