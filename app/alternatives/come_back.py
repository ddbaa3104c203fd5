"""The answer to "Kan jag komma tillbaka?", written once per group of paths (the job paths, the
study paths) by the municipality in its catalogue. Every path of the group and the participant's
"Jag vill komma tillbaka" during a new step show these same words."""

from dataclasses import dataclass

from sqlmodel import select

from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..models import StaffUser, utcnow
from .models import CatalogueText

# The groups, in the order the admin page shows them.
GROUPS = {
    "come_back_job": _l("För jobb"),
    "come_back_studies": _l("För studier"),
}
# The new step's kind -> the group whose words it shows.
FOR_STEP = {"studies": "come_back_studies"}


@dataclass(frozen=True)
class Said:
    """The lines to show, and the language they are written in (Swedish when this language has
    none), so a page can mark a fallback with lang="sv"."""

    lines: list[str]
    language: str


def _rows() -> dict[str, CatalogueText]:
    rows = get_session().exec(select(CatalogueText).where(CatalogueText.key.in_(GROUPS)))
    return {row.key: row for row in rows.all()}


def _said(row: CatalogueText | None, language: str) -> Said:
    if row is None:
        return Said([], language)
    text, written_in = row.texts.get(language), language
    if not text:
        text, written_in = row.texts.get("sv", ""), "sv"
    return Said([line.strip() for line in text.splitlines() if line.strip()], written_in)


def for_alternative(key: str, language: str) -> Said:
    """The shared words a path shows, if it is in a group."""
    row = next((r for r in _rows().values() if key in (r.alternative_keys or [])), None)
    return _said(row, language)


def for_step(kind: str, language: str) -> Said:
    """The words for a participant in a new step of this kind (work, studies …)."""
    return _said(_rows().get(FOR_STEP.get(kind, "come_back_job")), language)


def texts() -> dict[str, dict[str, str]]:
    """Each group's words per language, as written."""
    rows = _rows()
    return {group: dict(rows[group].texts) if group in rows else {} for group in GROUPS}


def save(new_texts: dict[str, dict[str, str]], staff: StaffUser) -> None:
    """Keep the municipality's words; a language left empty falls back to Swedish."""
    db = get_session()
    rows = _rows()
    for group, by_language in new_texts.items():
        row = rows.get(group) or CatalogueText(key=group, alternative_keys=[])
        row.texts = {c: t.strip() for c, t in by_language.items() if (t or "").strip()}
        row.updated_at = utcnow()
        row.updated_by_id = staff.id
        db.add(row)
    save_changes()
