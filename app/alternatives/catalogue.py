"""The catalogue of alternatives. Administrators keep it; each municipality has its own.

Nothing is deleted: a hidden alternative disappears for participants, but interests in it
stay readable for staff.
"""

from datetime import date

from sqlmodel import select

from .. import catalogues
from ..db import get_session
from ..models import StaffUser
from .models import TEXT_FIELDS, Alternative


def sort_key(alternative: Alternative):
    return (alternative.position, alternative.id)


def all_alternatives() -> list[Alternative]:
    """Every alternative, hidden ones too, in the order participants see them."""
    return sorted(get_session().exec(select(Alternative)).all(), key=sort_key)


def visible() -> list[Alternative]:
    return [a for a in all_alternatives() if not a.hidden]


def find(key: str) -> Alternative | None:
    return catalogues.find(Alternative, key)


def find_visible(key: str) -> Alternative | None:
    """An alternative a participant may read: it exists and is shown."""
    return catalogues.find_visible(Alternative, key)


def save(
    alternative: Alternative | None,
    *,
    texts: dict[str, dict[str, str]],
    staff: StaffUser,
    facts_checked_on: date | None = None,
    facts_check_note: str = "",
    **values,
) -> Alternative:
    """Add an alternative (None) or change one: its texts, `position`, `pictogram`, `hidden`
    and when its facts were checked. Parts left empty fall back to Swedish."""
    cleaned = {}
    for code, parts in texts.items():
        kept = {
            part: (parts.get(part) or "").strip()
            for part in TEXT_FIELDS
            if (parts.get(part) or "").strip()
        }
        if kept:
            cleaned[code] = kept
    return catalogues.keep(
        alternative, Alternative, name=cleaned["sv"]["title"], fallback="vag", staff=staff,
        texts=cleaned, facts_checked_on=facts_checked_on, facts_check_note=facts_check_note,
        **values,
    )  # fmt: skip
