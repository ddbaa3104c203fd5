"""The statistics as a CSV file: the same protected counts as on the page."""

import csv
import io

from ..spreadsheet import cell
from .table import Table, shown


def write(tables: list[Table], heading: list[str]) -> str:
    """One block per table: its title, a header row and its rows; hidden counts as words.
    Every cell is plain text to a spreadsheet: unit names and titles are written by people."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(text) for text in heading])
    for table in tables:
        writer.writerow([])
        writer.writerow([cell(table.title)])
        writer.writerow([cell(table.corner), *(cell(label) for _key, label in table.columns)])
        for row, label in table.rows:
            writer.writerow(
                [
                    cell(label),
                    *(cell(shown(table.cell(row, column))) for column, _l in table.columns),
                ]
            )
    return out.getvalue()
