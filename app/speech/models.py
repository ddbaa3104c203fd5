"""The tables of read-aloud: recorded voices, and the server's voice kept once it is made."""

from datetime import datetime

from sqlalchemy import Column, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from ..models import utcnow


class Recording(SQLModel, table=True):
    """A person's voice reading one fixed text in one language, recorded or uploaded by an
    administrator. Kept in the database, so every app server plays the same."""

    __tablename__ = "recording"
    __table_args__ = (UniqueConstraint("language", "text_key"),)
    id: int | None = Field(default=None, primary_key=True)
    language: str = Field(max_length=10)
    # A hash of the text (see texts.key): a changed wording needs a new recording.
    text_key: str = Field(max_length=20)
    text: str = Field(max_length=1000)
    # Ogg Opus, whatever was uploaded: see sound.normalise.
    audio: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    digest: str = Field(max_length=12)
    seconds: float
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class SpokenAudio(SQLModel, table=True):
    """Audio made on the server, kept so each text is made once per voice and format: the
    server voice of a fixed text, or a recording in another format (MP3)."""

    __tablename__ = "spoken_audio"
    __table_args__ = (UniqueConstraint("voice", "text_key", "format"),)
    id: int | None = Field(default=None, primary_key=True)
    # The voice and its version ("sv espeak-ng 1.51 …"), or the recording it was made from.
    voice: str = Field(max_length=80)
    text_key: str = Field(max_length=20)
    format: str = Field(max_length=8)
    audio: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
