"""The statistics page's tables: the counts, summed and protected, with their labels."""

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlmodel import select

from ..alternatives.models import Alternative
from ..db import get_session
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Unit
from . import summary
from .figures import END_REASONS, GENDERS
from .summary import ALL, SERVICE
from .suppression import PROTECTED, SMALL, TOTAL

GENDER_LABELS = {
    "woman": _l("Kvinnor"),
    "man": _l("Män"),
    "other": _l("Annat kön"),
    "not_stated": _l("Inte angivet"),
}
MEETING_ROWS = {
    "participants": _l("Deltagare"),
    "held": _l("Uppföljningsmöten som hölls"),
    "before": _l("Incheckning gjord före mötet"),
    "alone": _l("Svarade själv"),
    "helped": _l("Svarade med hjälp"),
}
TRY_LABELS = {
    "try_internship": _l("Praktik"),
    "try_job": _l("Ett jobb"),
    "try_studies": _l("Studera"),
    "try_another_activity": _l("En annan daglig verksamhet"),
    "try_any": _l("Något av detta"),
}
END_LABELS = {
    "work": _l("Arbete"),
    "studies": _l("Studier"),
    "internship": _l("Praktik"),
    "measure": _l("Arbetsmarknadsinsats"),
    "moved": _l("Flyttat"),
    "other": _l("Annat"),
}
OVERVIEW_COLUMNS = {
    "participants": _l("Deltagare"),
    "held": _l("Möten som hölls"),
    "before": _l("Incheckning före mötet"),
    "try_any": _l("Vill prova något nytt"),
    "ended": _l("Har lämnat"),
}
MEETING_MEASURES = list(MEETING_ROWS)
END_MEASURES = [f"ended_{reason}" for reason in END_REASONS]
INTEREST_COLUMNS = {"interested": _l("Vill veta mer"), "followed_up": _l("Har följts upp")}


@dataclass
class Table:
    """Rows and columns of counts; hidden ones say why they are hidden."""

    name: str
    title: str
    corner: str
    rows: list[tuple]  # (key, label)
    columns: list[tuple]
    values: dict
    hidden: dict = field(default_factory=dict)

    def cell(self, row, column) -> int | str:
        """The count to show, or SMALL / PROTECTED."""
        key = (row, column)
        return self.hidden.get(key) or self.values.get(key, 0)

    def grid(self) -> list[tuple]:
        """Rows to show: (label, is the total row, [(text, css class)]), hidden ones as words."""
        hidden_as = {SMALL: _("färre än 5"), PROTECTED: _("visas inte")}
        result = []
        for row, label in self.rows:
            cells = []
            for column, _label in self.columns:
                value = self.cell(row, column)
                css = "hidden-count" if value in hidden_as else ""
                if column == TOTAL:
                    css = f"{css} total".strip()
                cells.append((hidden_as.get(value) or str(value), css))
            result.append((label, row == TOTAL, cells))
        return result

    def total_column(self) -> list[tuple]:
        """(label, count or SMALL/PROTECTED) per row except the total row, for a chart."""
        return [(label, self.cell(key, TOTAL)) for key, label in self.rows if key != TOTAL]


class UnitName(NamedTuple):
    id: int
    name: str


def unit_names() -> dict[int, str]:
    """Every unit's name by id, sorted by name."""
    rows = get_session().exec(select(Unit.id, Unit.name)).all()
    return dict(sorted(rows, key=lambda row: row[1].casefold()))


def shown(value) -> str:
    if value == SMALL:
        return _("färre än 5")
    if value == PROTECTED:
        return _("visas inte")
    return str(value)


def _gender_columns():
    return [(g, GENDER_LABELS[g]) for g in GENDERS] + [(TOTAL, _l("Totalt"))]


def _key(cells: dict, key) -> tuple:
    return cells.get(key, (0, SMALL))


def _view(cells: dict, name, title, corner, rows, columns, key_of) -> Table:
    """A table of counts from the summary, hidden where the summary hides them: every page
    shows the same count hidden the same way."""
    values, hidden = {}, {}
    for row, _label in rows:
        for column, _clabel in columns:
            count, reason = _key(cells, key_of(row, column))
            values[(row, column)] = count
            if reason:
                hidden[(row, column)] = reason
    return Table(name, title, corner, rows, columns, values, hidden)


def _gender_key(row, column):
    return (SERVICE, ALL if column == TOTAL else column, row)


def _ended_key(scope, gender):
    def key(row, _column):
        return (scope, gender(_column), "ended" if row == TOTAL else f"ended_{row}")

    return key


def _gender_tables(cells: dict) -> dict:
    gender_columns = _gender_columns()
    return {
        "meetings": _view(
            cells,
            "meetings",
            _("Deltagare och möten"),
            _("Vad som räknas"),
            list(MEETING_ROWS.items()),
            gender_columns,
            _gender_key,
        ),
        "try": _view(
            cells,
            "try",
            _("Vill prova något nytt"),
            _("Vill prova"),
            list(TRY_LABELS.items()),
            gender_columns,
            _gender_key,
        ),
        "ended": _view(
            cells,
            "ended",
            _("Har lämnat daglig verksamhet"),
            _("Till"),
            _end_rows(),
            gender_columns,
            _ended_key(SERVICE, lambda column: ALL if column == TOTAL else column),
        ),
    }


def _end_rows() -> list:
    return [(r, END_LABELS[r]) for r in END_REASONS] + [(TOTAL, _l("Totalt"))]


def _interests(cells: dict) -> Table:
    """For the whole service, per alternative. A person may want to know more about several,
    so there is no total; no count here is part of a count on another page."""
    alternatives = get_session().exec(select(Alternative).order_by(Alternative.position)).all()
    asked = {int(m.split(":")[1]) for (_u, _g, m) in cells if m.startswith("interested:")}
    rows = [(a.id, a.title("sv")) for a in alternatives if not a.hidden or a.id in asked]
    return _view(
        cells,
        "interests",
        _("Andra vägar: vill veta mer"),
        _("Väg"),
        rows,
        list(INTEREST_COLUMNS.items()),
        lambda row, column: (SERVICE, ALL, f"{column}:{row}"),
    )


SORT_CHOICES = {"name": _l("Namn"), **OVERVIEW_COLUMNS, "share_before": _l("Andel med incheckning")}


def per_unit(period, order: str = "name") -> Table:
    """One row per unit for the period, with the whole service's totals last, sorted by name
    or by a column, largest first. Hidden counts sort last, by name: their order would say
    something about them."""
    table = _overview(summary.cells(period.key, summary.EVERY_UNIT, list(OVERVIEW_COLUMNS)))
    units, total = table.rows[:-1], table.rows[-1]
    if order in OVERVIEW_COLUMNS or order == "share_before":

        def value(row):
            if order == "share_before":
                share = unit_share(table, row[0])
                return share[2] if share else None
            count = table.cell(row[0], order)
            return count if isinstance(count, int) else None

        shown_rows = sorted((r for r in units if value(r) is not None), key=value, reverse=True)
        units = shown_rows + [r for r in units if value(r) is None]
    table.rows = [*units, total]
    return table


def unit_share(table: Table, unit) -> tuple | None:
    """(check-ins before the meeting, meetings held, per cent) when both counts are shown."""
    top, bottom = table.cell(unit, "before"), table.cell(unit, "held")
    if isinstance(top, int) and isinstance(bottom, int) and bottom:
        return top, bottom, round(100 * top / bottom)
    return None


def _overview(cells: dict) -> Table:
    names = unit_names()
    units = sorted(
        {u for u, _g, _m in cells if u != SERVICE}, key=lambda u: names.get(u, "").casefold()
    )
    return _view(
        cells,
        "units",
        _("Per enhet"),
        _("Enhet"),
        [(u, names.get(u, "")) for u in units] + [(TOTAL, _l("Hela verksamheten"))],
        list(OVERVIEW_COLUMNS.items()),
        lambda row, column: (SERVICE if row == TOTAL else row, ALL, column),
    )


def build(period, unit_id: int | None, with_units: bool = False) -> list[Table]:
    """Every table for one quarter or year: for the whole service (unit_id None) split by
    gender, or for one unit as totals only (a split per unit could be subtracted from the
    service's)."""
    cells = summary.cells(period.key, SERVICE if unit_id is None else unit_id)
    tables = []
    if with_units and unit_id is None:
        every = summary.cells(period.key, summary.EVERY_UNIT, list(OVERVIEW_COLUMNS))
        tables.append(_overview(every))
    if unit_id is None:
        tables += list(_gender_tables(cells).values())
        tables.append(_interests(cells))
        return tables
    count = [(TOTAL, _l("Antal"))]

    def total(row, _column):
        return (unit_id, ALL, row)

    return [
        _view(
            cells,
            "meetings",
            _("Deltagare och möten"),
            _("Vad som räknas"),
            list(MEETING_ROWS.items()),
            count,
            total,
        ),
        _view(
            cells,
            "try",
            _("Vill prova något nytt"),
            _("Vill prova"),
            list(TRY_LABELS.items()),
            count,
            total,
        ),
        _view(
            cells,
            "ended",
            _("Har lämnat daglig verksamhet"),
            _("Till"),
            _end_rows(),
            count,
            _ended_key(unit_id, lambda _column: ALL),
        ),
        _view(
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
