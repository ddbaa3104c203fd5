"""The follow-up meeting (uppföljning) between the case officer and the participant."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ..models import utcnow


class FollowUp(SQLModel, table=True):
    """A follow-up meeting (uppföljning) between the case officer and the participant."""

    __tablename__ = "follow_up"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    starts_at: datetime = Field(index=True)
    place: str = Field(default="", max_length=120)
    remote: bool = False
    held_at: datetime | None = None
    held_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    agreed: str = Field(default="", max_length=300)
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
