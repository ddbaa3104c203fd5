"""The service worker: what the phone keeps so the app opens on a weak connection."""

import hashlib
import json
from functools import cache
from pathlib import Path

from flask import url_for

from ..checkins.questions import CHOICES
from ..pictograms import url as picto

APP = Path(__file__).parent.parent
SCRIPT = APP / "static" / "js" / "sw.js"
# What every participant page needs, fetched when the worker is installed.
ALWAYS = ["css/app.css", "css/display.css", "js/app.js", "vendor/htmx-2.0.11.min.js"]
# The offline page's pictures. A page fetched ahead brings its own (see sw.js).
PICTURES = ["phone", "home", "language", "info"]
# Read-aloud audio kept on the phone, per language: the audio of the participant's own pages.
AUDIO_BUDGET = 2 * 1024 * 1024


def check_in_pictures() -> list[str]:
    """Every answer's picture: a check-in can go on without a connection from any question."""
    return sorted({choice.pictogram for choice in CHOICES.values()} | {"next", "back"})


@cache
def version() -> str:
    """A hash of everything the phone may keep: a new deploy gets a new cache."""
    digest = hashlib.sha256()
    for folder in (APP / "static", APP / "templates"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(APP).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def script() -> str:
    """The worker's source with this deploy's cache name and the files to keep from the start."""
    # Each file once: the worker's cache.addAll refuses a list with twins.
    keep = list(
        dict.fromkeys(
            [
                url_for("display.offline_page"),
                *(url_for("static", filename=f) for f in ALWAYS),
                *(picto(concept) for concept in PICTURES + check_in_pictures()),
            ]
        )
    )
    return (
        SCRIPT.read_text(encoding="utf-8")
        .replace("__VERSION__", version())
        .replace("__KEEP__", json.dumps(keep, separators=(",", ":")))
        .replace("__AUDIO_BUDGET__", str(AUDIO_BUDGET))
    )
