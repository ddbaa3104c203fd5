"""The tables of My wishes: the card catalogue, and the wishes themselves as history.

A wish is never changed or deleted: each placement of a card is a new row, so the current
piles are the latest row per card and any earlier state can be seen again.
"""

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from ..catalogues import Entry
from ..i18n import in_language, language_of
from ..models import utcnow

NOTE_MAX_LENGTH = 300


class WishCard(Entry, table=True):
    """A topic card in the catalogue: a pictogram and a word in each language. Its key is the
    card's address (/onskemal/kort/<key>)."""

    __tablename__ = "wish_card"
    group: str = Field(max_length=20)
    # {"sv": "Djur", "en": "Animals"}: a new language needs no new column.
    words: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))

    def name(self, language: str) -> str:
        return self.word(language)

    def written_name(self, language: str) -> str:
        """The word as written in this language ("" when it has none)."""
        return self.words.get(language) or ""

    def word(self, language: str) -> str:
        """The card's word in this language, else in Swedish (the source language)."""
        return in_language(self.words, language) or self.key

    def word_language(self, language: str) -> str:
        """The language `word` shows the card in: this one, or Swedish when untranslated."""
        return language_of(self.words, language)


class Wish(SQLModel, table=True):
    """One placement: a participant put a card on a pile (like, not sure, dislike, want to try)."""

    __tablename__ = "wish"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    card_id: int = Field(foreign_key="wish_card.id", index=True)
    pile: str = Field(max_length=20)
    created_at: datetime = Field(default_factory=utcnow)
    # The supervisor who had handed their device to the participant, if any.
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")


class WishNote(SQLModel, table=True):
    """The participant's own words for "Något annat?". The latest row is the current text."""

    __tablename__ = "wish_note"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    text: str = Field(max_length=NOTE_MAX_LENGTH)
    created_at: datetime = Field(default_factory=utcnow)
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
