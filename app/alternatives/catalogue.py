"""The catalogue of alternatives. Administrators keep it; each municipality has its own.

Nothing is deleted: a hidden alternative disappears for participants, but interests in it
stay readable for staff.
"""

import re
from datetime import date

from sqlmodel import select

from ..db import get_session, save_changes
from ..keys import readable_key
from ..models import StaffUser, utcnow
from .models import TEXT_FIELDS, Alternative

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


def sort_key(alternative: Alternative):
    return (alternative.position, alternative.id)


def all_alternatives() -> list[Alternative]:
    """Every alternative, hidden ones too, in the order participants see them."""
    return sorted(get_session().exec(select(Alternative)).all(), key=sort_key)


def visible() -> list[Alternative]:
    return [a for a in all_alternatives() if not a.hidden]


def find(key: str) -> Alternative | None:
    if not KEY_PATTERN.fullmatch(key or ""):
        return None
    return get_session().exec(select(Alternative).where(Alternative.key == key)).first()


def find_visible(key: str) -> Alternative | None:
    """An alternative a participant may read: it exists and is shown."""
    alternative = find(key)
    return alternative if alternative is not None and not alternative.hidden else None


def save(
    alternative: Alternative | None,
    *,
    texts: dict[str, dict[str, str]],
    position: int,
    pictogram: str,
    hidden: bool,
    staff: StaffUser,
    facts_checked_on: date | None = None,
    facts_check_note: str = "",
) -> Alternative:
    """Add an alternative (None) or change one. Parts left empty fall back to Swedish."""
    cleaned = {}
    for code, parts in texts.items():
        kept = {
            part: (parts.get(part) or "").strip()
            for part in TEXT_FIELDS
            if (parts.get(part) or "").strip()
        }
        if kept:
            cleaned[code] = kept
    if alternative is None:
        alternative = Alternative(
            key=readable_key(cleaned["sv"]["title"], "vag", lambda key: find(key) is not None),
            created_by_id=staff.id,
        )
    else:
        alternative.updated_at = utcnow()
        alternative.updated_by_id = staff.id
    alternative.texts = cleaned
    alternative.position = position
    alternative.pictogram = pictogram
    alternative.hidden = hidden
    alternative.facts_checked_on = facts_checked_on
    alternative.facts_check_note = facts_check_note
    db = get_session()
    db.add(alternative)
    save_changes()
    return alternative
