"""Settings: each has its default in one place, `Defaults` in app/config.py, and the README's
table of settings names only settings that are there."""

import re
from pathlib import Path

from app.config import Defaults

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_the_readme_names_has_its_default_in_app_config():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| `(?:FLASK_)?([A-Z][A-Z0-9_]+)`", section, re.MULTILINE))
    named |= set(re.findall(r"`FLASK_([A-Z][A-Z0-9_]+)`", section))
    assert len(named) > 30
    assert sorted(name for name in named if not hasattr(Defaults, name)) == []


def test_no_code_reads_a_setting_with_a_default_of_its_own():
    """`config.get("NAME", default)` would be a second place for the default."""
    own_default = re.compile(r"config\.get\(\s*\"[A-Z][A-Z0-9_]+\"\s*,")
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "app").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if own_default.search(line)
    ]
    assert found == []
