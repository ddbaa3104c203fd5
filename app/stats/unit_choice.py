"""Choosing a unit for the statistics: from a menu in a small service, by typing its name in a
large one (a city or a country has thousands of units, too many for a menu)."""

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import func
from sqlmodel import select

from ..db import get_session
from ..i18n import gettext as _
from ..models import Unit

# Up to this many units the choice is a menu; above it, a text field.
MENU_MAX = 60
# A name that fits several units lists this many of them to choose from.
MATCHES_SHOWN = 20


class UnitName(NamedTuple):
    id: int
    name: str


@dataclass
class UnitChoice:
    """What the form shows: the menu (None when the service is too large for one), the text
    typed, the unit chosen, and the units a typed name fits when it fits several."""

    menu: list[UnitName] | None
    text: str = ""
    unit: UnitName | None = None
    matches: list[UnitName] = field(default_factory=list)
    error: str | None = None


def unit_names() -> dict[int, str]:
    """Every unit's name by id, sorted by name."""
    rows = get_session().exec(select(Unit.id, Unit.name)).all()
    return dict(sorted(rows, key=lambda row: row[1].casefold()))


def names_of(ids) -> dict[int, str]:
    """The names of some units by id."""
    ids = list(ids)
    if not ids:
        return {}
    return dict(get_session().exec(select(Unit.id, Unit.name).where(Unit.id.in_(ids))).all())


def _menu() -> list[UnitName] | None:
    db = get_session()
    if db.exec(select(func.count(Unit.id))).one() > MENU_MAX:
        return None
    return [UnitName(*item) for item in unit_names().items()]


def _find(text: str) -> list[UnitName]:
    """Units by id, by exact name, or else whose name holds the text (case ignored)."""
    db = get_session()
    if text.isdigit():
        row = db.exec(select(Unit.id, Unit.name).where(Unit.id == int(text))).first()
        return [UnitName(*row)] if row else []
    row = db.exec(select(Unit.id, Unit.name).where(Unit.name == text)).first()
    if row:
        return [UnitName(*row)]
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.exec(
        select(Unit.id, Unit.name)
        .where(func.lower(Unit.name).like(pattern.lower(), escape="\\"))
        .order_by(func.lower(Unit.name))
        .limit(MATCHES_SHOWN + 1)
    ).all()
    return [UnitName(*row) for row in rows]


def read(text: str) -> UnitChoice:
    """The unit asked for ("" is the whole service), and what is wrong when it is not found
    or the text fits several units."""
    text = text.strip()
    choice = UnitChoice(menu=_menu(), text=text)
    if not text:
        return choice
    found = _find(text)
    if choice.menu is not None:
        found = [unit for unit in found if unit.id in {u.id for u in choice.menu}]
    if len(found) == 1:
        choice.unit = found[0]
        choice.text = found[0].name
    elif not found:
        choice.error = _("Välj en enhet i listan, eller hela verksamheten.")
    else:
        choice.matches = found[:MATCHES_SHOWN]
        choice.error = _("Flera enheter passar. Välj en av dem nedanför eller skriv mer av namnet.")
    return choice
