"""The tables of Other paths: the catalogue, interests ("Jag vill veta mer") and follow-ups.

An interest is never deleted: taking it back sets `withdrawn_at`, so the history stays.
"""

from datetime import date, datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from ..catalogues import Entry
from ..models import utcnow

# The parts of every alternative's page, in the order the page shows them. "title" and
# "summary" are for the card in the list; "contact" is the local contact line (may be empty).
PARTS = ["what", "who", "start", "help", "money", "back"]
TEXT_FIELDS = ["title", "summary", *PARTS, "contact"]
TITLE_MAX_LENGTH = 80
TEXT_MAX_LENGTH = 600
FOLLOW_UP_TEXT_MAX_LENGTH = 120


class Alternative(Entry, table=True):
    """One alternative to daily activity: a pictogram and an easy-to-read page per language.
    Its key is the page's address (/andra-vagar/<key>) and the check-in matching's handle."""

    __tablename__ = "alternative"
    # {"sv": {"title": …, "summary": …, "what": …, …, "contact": …}, "en": {…}}
    texts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # When the facts about money and coming back were last checked against the authorities'
    # own rules, and who must check them (shown to administrators beside each alternative).
    facts_checked_on: date | None = None
    facts_check_note: str = Field(default="", max_length=400)

    def text(self, language: str, part: str) -> str:
        """One part in this language, else in Swedish (the source language)."""
        return self.text_and_language(language, part)[0]

    def text_and_language(self, language: str, part: str) -> tuple[str, str]:
        """One part and the language it is written in: this language, else Swedish. A page
        marks a Swedish fallback with lang="sv", so it is read aloud with a Swedish voice."""
        own = (self.texts.get(language) or {}).get(part)
        if own:
            return own, language
        return (self.texts.get("sv") or {}).get(part, ""), "sv"

    def title(self, language: str) -> str:
        return self.text(language, "title") or self.key

    def name(self, language: str) -> str:
        return self.title(language)

    def written_name(self, language: str) -> str:
        """The title as written in this language ("" when it has none)."""
        return (self.texts.get(language) or {}).get("title") or ""


class AlternativeInterest(SQLModel, table=True):
    """A participant said "Jag vill veta mer" about an alternative."""

    __tablename__ = "alternative_interest"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    alternative_id: int = Field(foreign_key="alternative.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    # The supervisor who had handed their device to the participant, if any.
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
    withdrawn_at: datetime | None = None


class InterestFollowUp(SQLModel, table=True):
    """The case officer followed an interest up: what they did, and on which day."""

    __tablename__ = "alternative_follow_up"
    id: int | None = Field(default=None, primary_key=True)
    interest_id: int = Field(foreign_key="alternative_interest.id", index=True)
    kind: str = Field(max_length=20)
    text: str = Field(default="", max_length=FOLLOW_UP_TEXT_MAX_LENGTH)
    day: date
    created_at: datetime = Field(default_factory=utcnow)
    staff_id: int = Field(foreign_key="staff_user.id")


class CatalogueText(SQLModel, table=True):
    """A text the catalogue writes once for several pages, in the municipality's own words per
    language: "come_back_job" and "come_back_studies" answer "Kan jag komma tillbaka?" on every
    path of their group and on "Jag vill komma tillbaka" during a new step."""

    __tablename__ = "catalogue_text"
    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=40, unique=True)
    # {"sv": "…", "en": "…"}; a language left empty falls back to Swedish.
    texts: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # The paths (Alternative.key) that show it.
    alternative_keys: list = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    updated_at: datetime = Field(default_factory=utcnow)
    updated_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
