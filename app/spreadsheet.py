"""Cells for a CSV file that a spreadsheet opens: text, never a formula."""

# A cell that starts like a formula would run in a spreadsheet (=HYPERLINK(…) sends data away):
# make it plain text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    """The value as text a spreadsheet shows as it is."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
