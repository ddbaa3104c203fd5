"""Languages: Swedish (easy-to-read, the source text) and English."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, g, session
from flask_babel import get_locale

# Each language is named in itself, so a person finds their own.
LANGUAGES = {
    "sv": {"name": "Svenska", "dir": "ltr"},
    "en": {"name": "English", "dir": "ltr"},
}
DEFAULT = "sv"


def select_locale() -> str:
    """The participant's saved language, else this browser's choice, else Swedish."""
    participant = g.get("participant")
    if participant is not None and participant.language in LANGUAGES:
        return participant.language
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT


def current() -> dict:
    code = str(get_locale() or DEFAULT)
    return {"code": code, **LANGUAGES.get(code, LANGUAGES[DEFAULT])}


def today() -> date:
    """Today's date where the service runs (Swedish time), not in UTC."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
