"""The statistics as a CSV file: the same protected counts as on the page."""

import csv
import io

from ..i18n import code
from ..i18n import gettext as _
from ..spreadsheet import cell
from . import summary, tables
from .suppression import PROTECTED, SMALL
from .table import Table

# Whole-service files kept from the current count: {(count mark, language, period): file}.
_kept: dict = {}
KEEP = 6  # a country's file is 150 KB


def for_period(period, unit, heading: list[str]) -> str:
    """The file for one quarter or year: one unit's totals, or the whole service's with a row
    per unit. The whole service's grows with the service and holds only the summary's counts,
    which change only when it is counted again: it is written once per count, language and
    period, and kept (the last few). A unit renamed since the count may keep its old name in
    the file until the next count, as its figures do."""
    if unit is not None:
        return write(tables.build(period, unit.id), heading)
    summary.ensure_fresh()
    mark = summary.count_mark(even_if_changed=True)
    if mark is None:  # a large service whose count is older than this quarter
        return write(tables.build(period, None, with_units=True), heading)
    key = (mark, code(), period.key)
    if key not in _kept:
        if any(kept_mark != mark for kept_mark, *_rest in _kept) or len(_kept) >= KEEP:
            _kept.clear()
        _kept[key] = write(tables.build(period, None, with_units=True), heading)
    return _kept[key]


def write(built: list[Table], heading: list[str]) -> str:
    """One block per table: its title, a header row and its rows; hidden counts as words.
    Every cell is plain text to a spreadsheet: unit names and titles are written by people."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(text) for text in heading])
    # What hidden counts say, worked out once: a large service has thousands of rows.
    hidden_as = {SMALL: _("färre än 5"), PROTECTED: _("visas inte")}
    for table in built:
        writer.writerow([])
        writer.writerow([cell(table.title)])
        writer.writerow([cell(table.corner), *(cell(label) for _key, label in table.columns)])
        columns = [column for column, _label in table.columns]
        hidden, values = table.hidden, table.values
        writer.writerows(
            [
                cell(label),
                *(
                    hidden_as[hidden[(row, column)]]
                    if (row, column) in hidden
                    else str(values.get((row, column), 0))
                    for column in columns
                ),
            ]
            for row, label in table.rows
        )
    return out.getvalue()
