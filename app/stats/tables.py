"""The statistics page's tables: the counts, summed and protected, with their labels."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlmodel import select

from ..alternatives.models import Alternative
from ..db import get_session
from ..i18n import gettext as _
from ..i18n import lazy_gettext as _l
from ..models import Unit
from . import figures
from .figures import END_REASONS, GENDERS, Quarter
from .suppression import PROTECTED, SMALL, TOTAL, Line, grid_lines, protect, with_totals

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
        words = {SMALL: _("färre än 5"), PROTECTED: _("visas inte")}
        result = []
        for row, label in self.rows:
            cells = []
            for column, _label in self.columns:
                value = self.cell(row, column)
                css = "hidden-count" if value in words else ""
                if column == TOTAL:
                    css = f"{css} total".strip()
                cells.append((words.get(value) or str(value), css))
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


def _by_unit(quarter: Quarter) -> tuple[dict, dict, dict]:
    """Every count per unit and measure, per gender and measure, and per alternative, for the
    whole service. Per unit, interest counts for any alternative: one per alternative and
    unit would be many small numbers to hide, and say little."""
    per_unit, per_gender = defaultdict(int), defaultdict(int)

    def add(unit, gender, measure, count):
        per_unit[(unit, measure)] += count
        if gender is not None:
            per_gender[(measure, gender)] += count

    for (unit, gender), count in figures.participants(quarter, None).items():
        add(unit, gender, "participants", count)
    for (unit, gender), row in figures.meetings(quarter, None).items():
        for name, count in row.items():
            add(unit, gender, name, count)
    for (unit, gender, reason), count in figures.ended(quarter, None).items():
        add(unit, gender, f"ended_{reason}", count)
        add(unit, None, "ended", count)
    per_alternative = defaultdict(int)
    for (unit, alternative, name), count in figures.interests(quarter, None).items():
        if alternative is None:
            add(unit, None, f"any_{name}", count)
        else:
            per_alternative[(alternative, name)] += count
    return per_unit, per_gender, per_alternative


def _unit_lines(units: list, measures: list) -> list[Line]:
    """Each measure adds up over the units; each unit's reasons for leaving add up too."""
    lines = [Line(tuple((u, m) for u in units), (TOTAL, m)) for m in measures]
    for unit in [*units, TOTAL]:
        lines.append(Line(tuple((unit, m) for m in END_MEASURES), (unit, "ended")))
    return lines


@dataclass
class Protected:
    """One quarter's counts, protected together: per unit, and per gender for the service."""

    units: list
    unit_values: dict
    unit_hidden: dict
    gender_tables: dict
    interests: Table


def _protect_all(quarter: Quarter) -> Protected:
    per_unit, per_gender, per_alternative = _by_unit(quarter)
    units = sorted({unit for unit, _m in per_unit})
    measures = [
        *MEETING_MEASURES,
        *TRY_LABELS,
        *END_MEASURES,
        "ended",
        "any_interested",
        "any_followed_up",
    ]
    values = with_totals(per_unit, units, measures, row_totals=False)
    for unit in [*units, TOTAL]:
        values[(unit, "ended")] = sum(values[(unit, m)] for m in END_MEASURES)
    lines = _unit_lines(units, measures)
    keep = set()
    # The service's totals stand in both kinds of table: hide each where either hides it.
    for _round in range(4):
        unit_hidden = protect(values, lines, keep_hidden=keep)
        genders = _gender_tables(per_gender, values, unit_hidden)
        shared = {
            (TOTAL, measure)
            for name, table in genders.items()
            for measure in _shared_totals(name, table)
        }
        if shared <= set(unit_hidden):
            break
        keep |= shared
    return Protected(units, values, unit_hidden, genders, _interests(per_alternative))


def _shared_totals(name: str, table: Table) -> list:
    """The service totals a gender table hides, as measures of the table per unit."""
    hidden = []
    for row, _label in table.rows:
        if (row, TOTAL) in table.hidden:
            hidden.append("ended" if row == TOTAL else f"ended_{row}" if name == "ended" else row)
    return hidden


def _gender_tables(per_gender: dict, unit_values: dict, unit_hidden: dict) -> dict:
    def kept(measures):
        return [m for m in measures if (TOTAL, m) in unit_hidden]

    meetings = _rows_by_gender(
        "meetings",
        _("Deltagare och möten"),
        _("Vad som räknas"),
        MEETING_ROWS,
        per_gender,
        kept(MEETING_MEASURES),
    )
    tries = _rows_by_gender(
        "try", _("Vill prova något nytt"), _("Vill prova"), TRY_LABELS, per_gender, kept(TRY_LABELS)
    )
    rows, columns = list(END_REASONS), list(GENDERS)
    cells = {(r, g): per_gender.get((f"ended_{r}", g), 0) for r in rows for g in columns}
    values = with_totals(cells, rows, columns)
    keep = [(r, TOTAL) for r in rows if (TOTAL, f"ended_{r}") in unit_hidden]
    if (TOTAL, "ended") in unit_hidden:
        keep.append((TOTAL, TOTAL))
    ended = Table(
        "ended",
        _("Har lämnat daglig verksamhet"),
        _("Till"),
        [(r, END_LABELS[r]) for r in rows] + [(TOTAL, _l("Totalt"))],
        _gender_columns(),
        values,
        protect(values, grid_lines(rows, columns), keep_hidden=keep),
    )
    return {"meetings": meetings, "try": tries, "ended": ended}


def _rows_by_gender(name, title, corner, labels: dict, per_gender: dict, keep) -> Table:
    """Rows that each split by gender and add up to their own total (rows may overlap)."""
    rows = list(labels)
    cells = {(r, g): per_gender.get((r, g), 0) for r in rows for g in GENDERS}
    values = with_totals(cells, rows, GENDERS, column_totals=False)
    hidden = protect(
        values,
        grid_lines(rows, GENDERS, column_totals=False),
        keep_hidden=[(r, TOTAL) for r in keep],
    )
    return Table(name, title, corner, list(labels.items()), _gender_columns(), values, hidden)


def _view(protected: Protected, name, title, corner, rows, columns, key_of) -> Table:
    """A table showing counts of the table per unit, hidden where that one hides them."""
    values, hidden = {}, {}
    for row, _label in rows:
        for column, _clabel in columns:
            source = key_of(row, column)
            values[(row, column)] = protected.unit_values.get(source, 0)
            if source in protected.unit_hidden:
                hidden[(row, column)] = protected.unit_hidden[source]
    return Table(name, title, corner, rows, columns, values, hidden)


def _interests(per_alternative: dict) -> Table:
    """For the whole service, per alternative. A person may want to know more about several,
    so there is no total; no count here is part of a count on another page."""
    alternatives = get_session().exec(select(Alternative).order_by(Alternative.position)).all()
    asked = {alternative for alternative, _name in per_alternative}
    rows = [(a.id, a.title("sv")) for a in alternatives if not a.hidden or a.id in asked]
    values = {
        (r, c): per_alternative.get((r, c), 0) for r, _label in rows for c in INTEREST_COLUMNS
    }
    return Table(
        "interests",
        _("Andra vägar: vill veta mer"),
        _("Väg"),
        rows,
        list(INTEREST_COLUMNS.items()),
        values,
        protect(values, []),
    )


def per_unit(quarter: Quarter) -> Table:
    """One row per unit for the quarter, with the whole service's totals."""
    return _overview(_protect_all(quarter))


def _overview(protected: Protected) -> Table:
    names = unit_names()
    units = sorted(protected.units, key=lambda u: names.get(u, "").casefold())
    return _view(
        protected,
        "units",
        _("Per enhet"),
        _("Enhet"),
        [(u, names.get(u, "")) for u in units] + [(TOTAL, _l("Hela verksamheten"))],
        list(OVERVIEW_COLUMNS.items()),
        lambda row, column: (row, column),
    )


def build(quarter: Quarter, unit_id: int | None, with_units: bool = False) -> list[Table]:
    """Every table for one quarter: for the whole service (unit_id None) split by gender, or
    for one unit as totals only (a split per unit could be subtracted from the service's)."""
    protected = _protect_all(quarter)
    tables = []
    if with_units and unit_id is None:
        tables.append(_overview(protected))
    scope = TOTAL if unit_id is None else unit_id
    if unit_id is None:
        tables += list(protected.gender_tables.values())
    else:
        count = [(TOTAL, _l("Antal"))]
        tables += [
            _view(
                protected,
                "meetings",
                _("Deltagare och möten"),
                _("Vad som räknas"),
                list(MEETING_ROWS.items()),
                count,
                lambda row, _c: (scope, row),
            ),
            _view(
                protected,
                "try",
                _("Vill prova något nytt"),
                _("Vill prova"),
                list(TRY_LABELS.items()),
                count,
                lambda row, _c: (scope, row),
            ),
            _view(
                protected,
                "ended",
                _("Har lämnat daglig verksamhet"),
                _("Till"),
                [(r, END_LABELS[r]) for r in END_REASONS] + [(TOTAL, _l("Totalt"))],
                count,
                lambda row, _c: (scope, "ended" if row == TOTAL else f"ended_{row}"),
            ),
        ]
    if unit_id is None:
        tables.append(protected.interests)
    else:
        tables.append(
            _view(
                protected,
                "interests",
                _("Andra vägar: vill veta mer"),
                _("Vad som räknas"),
                [
                    ("any_interested", _l("Vill veta mer om någon väg")),
                    ("any_followed_up", _l("Har följts upp")),
                ],
                count,
                lambda row, _c: (scope, row),
            )
        )
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
