"""The statistics as a CSV file: the same protected counts as on the page."""

import csv
import io

from .tables import Table, shown


def write(tables: list[Table], heading: list[str]) -> str:
    """One block per table: its title, a header row and its rows; hidden counts as words."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(heading)
    for table in tables:
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerow([table.corner, *(str(label) for _key, label in table.columns)])
        for row, label in table.rows:
            writer.writerow(
                [str(label), *(shown(table.cell(row, column)) for column, _l in table.columns)]
            )
    return out.getvalue()
