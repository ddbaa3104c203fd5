"""The documents in docs/ say what the code does: the data-protection notes name every table the
app stores, and every test they cite as proof exists."""

import re
from pathlib import Path

from sqlmodel import SQLModel

ROOT = Path(__file__).resolve().parent.parent
DATA_PROTECTION = (ROOT / "docs" / "data-protection.md").read_text(encoding="utf-8")


def test_the_data_protection_notes_name_every_table(app):
    """`app`: once the app is made, every area's tables are in the metadata."""
    named = set(re.findall(r"`([a-z_]+)`", DATA_PROTECTION))
    unnamed = sorted(set(SQLModel.metadata.tables) - named)
    assert unnamed == [], "add these tables to 'What is stored, and where'"


def test_every_test_the_data_protection_notes_cite_exists():
    cited = re.findall(r"\[(tests/[^\]]+)\]", DATA_PROTECTION)
    assert len(cited) >= 10
    missing = [path for path in cited if not (ROOT / path).is_file()]
    assert missing == []
