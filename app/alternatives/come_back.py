"""The answer to "Kan jag komma tillbaka?", written once by the municipality in its catalogue.
Every alternative's page and the participant's "Jag vill komma tillbaka" during a new step show
this same text."""

from sqlmodel import select

from ..db import get_session
from ..i18n import gettext as _
from ..models import StaffUser, utcnow
from .models import TEXT_MAX_LENGTH, CatalogueText

KEY = "come_back"
MAX_LENGTH = TEXT_MAX_LENGTH


def default() -> str:
    """Until the municipality writes its own words."""
    return "\n".join(
        [_("Ja. Daglig verksamhet är din rätt."), _("Du kan komma tillbaka om det inte blir bra.")]
    )


def _row() -> CatalogueText | None:
    return get_session().exec(select(CatalogueText).where(CatalogueText.key == KEY)).first()


def texts() -> dict[str, str]:
    """The municipality's words per language (empty until written)."""
    row = _row()
    return dict(row.texts) if row else {}


def lines(language: str) -> list[str]:
    """The text in this language, else in Swedish, else the default; one line per sentence."""
    written = texts()
    text = written.get(language) or written.get("sv") or default()
    return [line.strip() for line in text.splitlines() if line.strip()]


def save(new_texts: dict[str, str], staff: StaffUser) -> None:
    """Keep the municipality's words; a language left empty falls back to Swedish."""
    db = get_session()
    row = _row() or CatalogueText(key=KEY)
    row.texts = {code: text.strip() for code, text in new_texts.items() if (text or "").strip()}
    row.updated_at = utcnow()
    row.updated_by_id = staff.id
    db.add(row)
    db.commit()
