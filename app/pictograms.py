"""The pictogram set: concept names mapped to files by app/static/pictograms/manifest.json.

A municipality swaps in its own licensed set by replacing the files under the same names.
"""

import json
from functools import cache
from pathlib import Path

from flask import url_for

from .i18n import lazy_gettext as _l
from .web import made_once

FOLDER = Path(__file__).parent / "static" / "pictograms"
# The pictograms a participant can pick to recognise their own card and home page.
PERSONAL_PREFIX = "person_"


@cache
def manifest() -> dict[str, str]:
    data = json.loads((FOLDER / "manifest.json").read_text(encoding="utf-8"))
    return {concept: entry["file"] for concept, entry in data["pictograms"].items()}


def exists(concept: str | None) -> bool:
    return bool(concept) and concept in manifest()


# The word beside each personal picture, so nobody has to recognise it from the picture alone.
PERSONAL_WORDS = {
    "person_apple": _l("Äpple"),
    "person_bird": _l("Fågel"),
    "person_car": _l("Bil"),
    "person_cat": _l("Katt"),
    "person_dog": _l("Hund"),
    "person_fish": _l("Fisk"),
    "person_flower": _l("Blomma"),
    "person_football": _l("Boll"),
    "person_guitar": _l("Gitarr"),
    "person_heart": _l("Hjärta"),
    "person_moon": _l("Måne"),
    "person_rainbow": _l("Regnbåge"),
    "person_rocket": _l("Raket"),
    "person_star": _l("Stjärna"),
    "person_sun": _l("Sol"),
    "person_tree": _l("Träd"),
}


def personal() -> list[tuple[str, str]]:
    """The pictures a participant can choose, with their words, where the set has the file."""
    return [(c, str(word)) for c, word in PERSONAL_WORDS.items() if c in manifest()]


def is_personal(concept: str | None) -> bool:
    return concept in PERSONAL_WORDS and concept in manifest()


def for_content() -> list[str]:
    """The pictures an admin may give a wish card or an alternative: all but the personal ones."""
    return sorted(c for c in manifest() if not c.startswith(PERSONAL_PREFIX))


def url(concept: str) -> str:
    """The pictogram's address; an unknown concept is a programming error, so it fails loudly.

    A page shows a dozen pictures, so each address is worked out once (see `web.made_once`)."""
    filename = f"pictograms/{manifest()[concept]}"
    return made_once(("pictogram", filename), lambda: url_for("static", filename=filename))
