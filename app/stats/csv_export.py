"""The statistics as a CSV file: the same protected counts as on the page."""

import csv
import io

from ..i18n import gettext as _
from ..spreadsheet import cell
from .suppression import PROTECTED, SMALL
from .table import Table


def write(tables: list[Table], heading: list[str]) -> str:
    """One block per table: its title, a header row and its rows; hidden counts as words.
    Every cell is plain text to a spreadsheet: unit names and titles are written by people."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(text) for text in heading])
    # The words for hidden counts, once: a large service has thousands of rows.
    words = {SMALL: _("färre än 5"), PROTECTED: _("visas inte")}
    for table in tables:
        writer.writerow([])
        writer.writerow([cell(table.title)])
        writer.writerow([cell(table.corner), *(cell(label) for _key, label in table.columns)])
        columns = [column for column, _label in table.columns]
        hidden, values = table.hidden, table.values
        writer.writerows(
            [
                cell(label),
                *(
                    words[hidden[(row, column)]]
                    if (row, column) in hidden
                    else str(values.get((row, column), 0))
                    for column in columns
                ),
            ]
            for row, label in table.rows
        )
    return out.getvalue()
