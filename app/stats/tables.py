"""The statistics page's tables for one quarter or year: the summary's counts, protected,
with their labels. The words are in labels.py, the table itself in table.py, the list of
units side by side in unit_list.py."""

from sqlmodel import select

from ..alternatives.models import Alternative
from ..db import get_session
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from . import summary, unit_list
from .labels import (  # noqa: F401  (the names other modules read here)
    END_LABELS,
    END_MEASURES,
    GENDER_LABELS,
    INTEREST_COLUMNS,
    MEETING_MEASURES,
    MEETING_ROWS,
    OVERVIEW_COLUMNS,
    TRY_LABELS,
    end_rows,
    gender_columns,
)
from .summary import ALL, SERVICE
from .suppression import TOTAL
from .table import Table, from_summary, shown  # noqa: F401
from .unit_list import SORT_CHOICES, unit_share  # noqa: F401


def _gender_key(row, column):
    return (SERVICE, ALL if column == TOTAL else column, row)


def _ended_key(scope, gender):
    def key(row, _column):
        return (scope, gender(_column), "ended" if row == TOTAL else f"ended_{row}")

    return key


def _gender_tables(cells: dict) -> dict:
    columns = gender_columns()
    return {
        "meetings": from_summary(
            cells,
            "meetings",
            _("Deltagare och möten"),
            _("Vad som räknas"),
            list(MEETING_ROWS.items()),
            columns,
            _gender_key,
        ),
        "try": from_summary(
            cells,
            "try",
            _("Vill prova något nytt"),
            _("Vill prova"),
            list(TRY_LABELS.items()),
            columns,
            _gender_key,
        ),
        "ended": from_summary(
            cells,
            "ended",
            _("Har lämnat daglig verksamhet"),
            _("Till"),
            end_rows(),
            columns,
            _ended_key(SERVICE, lambda column: ALL if column == TOTAL else column),
        ),
    }


def _interests(cells: dict) -> Table:
    """For the whole service, per alternative. A person may want to know more about several,
    so there is no total; no count here is part of a count on another page."""
    alternatives = get_session().exec(select(Alternative).order_by(Alternative.position)).all()
    asked = {int(m.split(":")[1]) for (_u, _g, m) in cells if m.startswith("interested:")}
    rows = [(a.id, a.title("sv")) for a in alternatives if not a.hidden or a.id in asked]
    return from_summary(
        cells,
        "interests",
        _("Andra vägar: vill veta mer"),
        _("Väg"),
        rows,
        list(INTEREST_COLUMNS.items()),
        lambda row, column: (SERVICE, ALL, f"{column}:{row}"),
    )


def per_unit(period, order: str = "name") -> Table:
    """One row per unit for the period, with the whole service's totals last, sorted by name
    or by a column, largest first; hidden counts sort last, by name."""
    return unit_list.every_unit(period, order)


def _unit_tables(cells: dict, unit_id: int) -> list[Table]:
    """One unit's tables: totals only (a split per unit could be subtracted from the
    service's)."""
    count = [(TOTAL, _l("Antal"))]

    def total(row, _column):
        return (unit_id, ALL, row)

    return [
        from_summary(
            cells,
            "meetings",
            _("Deltagare och möten"),
            _("Vad som räknas"),
            list(MEETING_ROWS.items()),
            count,
            total,
        ),
        from_summary(
            cells,
            "try",
            _("Vill prova något nytt"),
            _("Vill prova"),
            list(TRY_LABELS.items()),
            count,
            total,
        ),
        from_summary(
            cells,
            "ended",
            _("Har lämnat daglig verksamhet"),
            _("Till"),
            end_rows(),
            count,
            _ended_key(unit_id, lambda _column: ALL),
        ),
        from_summary(
            cells,
            "interests",
            _("Andra vägar: vill veta mer"),
            _("Vad som räknas"),
            [
                ("any_interested", _l("Vill veta mer om någon väg")),
                ("any_followed_up", _l("Har följts upp")),
            ],
            count,
            total,
        ),
    ]


def build(period, unit_id: int | None, with_units: bool = False) -> list[Table]:
    """Every table for one quarter or year: for the whole service (unit_id None) split by
    gender, or for one unit as totals only."""
    cells = summary.cells(period.key, SERVICE if unit_id is None else unit_id)
    if unit_id is not None:
        return _unit_tables(cells, unit_id)
    tables = [unit_list.every_unit(period)] if with_units else []
    tables += list(_gender_tables(cells).values())
    tables.append(_interests(cells))
    return tables


def shares(table: Table) -> list[tuple]:
    """Shares from the meetings table, only where both counts are shown."""
    result = []
    for part, whole, label in [
        ("before", "held", _("Andel möten med incheckning före mötet")),
        ("alone", "before", _("Andel av incheckningarna som deltagaren svarade själv")),
        ("helped", "before", _("Andel av incheckningarna som deltagaren svarade med hjälp")),
    ]:
        cells = []
        for column, _label in table.columns:
            top, bottom = table.cell(part, column), table.cell(whole, column)
            if isinstance(top, int) and isinstance(bottom, int) and bottom:
                cells.append(round(100 * top / bottom))
            else:
                cells.append(None)
        result.append((label, cells))
    return result
