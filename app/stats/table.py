"""A table of counts as the pages show it: hidden counts say why they are hidden."""

from dataclasses import dataclass, field

from ..i18n import gettext as _
from .suppression import PROTECTED, SMALL, TOTAL


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


def shown(value) -> str:
    if value == SMALL:
        return _("färre än 5")
    if value == PROTECTED:
        return _("visas inte")
    return str(value)


def from_summary(cells: dict, name, title, corner, rows, columns, key_of) -> Table:
    """A table of counts from the summary, hidden where the summary hides them: every page
    shows the same count hidden the same way. A count not in the summary is 0, hidden as
    small."""
    values, hidden = {}, {}
    for row, _label in rows:
        for column, _clabel in columns:
            count, reason = cells.get(key_of(row, column), (0, SMALL))
            values[(row, column)] = count
            if reason:
                hidden[(row, column)] = reason
    return Table(name, title, corner, rows, columns, values, hidden)


def share(table: Table, row, part: str, whole: str) -> tuple | None:
    """(part, whole, per cent) when both counts are shown."""
    top, bottom = table.cell(row, part), table.cell(row, whole)
    if isinstance(top, int) and isinstance(bottom, int) and bottom:
        return top, bottom, round(100 * top / bottom)
    return None
