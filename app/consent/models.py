"""The consent history: every yes and every no, never overwritten."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ..models import utcnow


class ConsentEvent(SQLModel, table=True):
    """A participant said yes (given) or no (withdrawn) to sharing one area with someone.

    The newest row per area for the participant's unit now is what counts; with no row at all
    the answer is no.
    """

    __tablename__ = "consent_event"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    # What: "checkins", "wishes" or "goal_comments".
    area: str = Field(max_length=20)
    # To whom: the supervisors of the participant's unit (the provider), or "support_person":
    # the one person named in support_person_id who gives support after the step to work.
    shared_with: str = Field(default="supervisor", max_length=20)
    support_person_id: int | None = Field(default=None, foreign_key="staff_user.id")
    # The unit the answer was given to: consent does not follow the participant to another.
    unit_id: int = Field(foreign_key="unit.id")
    given: bool
    at: datetime = Field(default_factory=utcnow)
    # The supervisor who handed their device over to the participant, if one helped.
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
