"""Languages: Swedish (easy-to-read, the source text), English and Arabic (right to left).

To add a language, see "Adding a language" in README.md."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask import current_app, g, session
from flask_babel import get_locale, get_translations, gettext
from jinja2 import pass_context
from markupsafe import Markup

# Each language is named in itself, so a person finds their own.
LANGUAGES = {
    "sv": {"name": "Svenska", "dir": "ltr"},
    "en": {"name": "English", "dir": "ltr"},
    "ar": {"name": "العربية", "dir": "rtl"},
}
DEFAULT = "sv"


def select_locale() -> str:
    """The participant's saved language, else this browser's choice, else Swedish."""
    participant = g.get("participant")
    if participant is not None and participant.language in LANGUAGES:
        return participant.language
    chosen = session.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT


def _catalogue():
    """This request's catalogue, looked up once per language. Flask-Babel looks it up again for
    every text, and a page shows some twenty texts."""
    locale = get_locale()
    known = g.get("catalogue")
    if known is None or known[0] is not locale:
        known = g.catalogue = (locale, get_translations())
    return known[1]


def install_in_templates(app) -> None:
    """Templates' `_()` and `ngettext()` read the catalogue through `_catalogue`."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _catalogue().ugettext(s),
        ngettext=lambda s, p, n: _catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: _catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: _catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals["_"] = _translated


@pass_context
def _translated(context, text: str, **variables) -> str:
    """`_()` in a template, as Jinja's own does it (escaped where the page escapes, always a
    format string) in one step: Jinja's goes through three calls, and a page has a dozen."""
    translated = _catalogue().ugettext(text)
    if context.eval_ctx.autoescape:
        translated = Markup(translated)  # noqa: S704 (our own catalogue; values are escaped)
    return translated % variables


def current() -> dict:
    code = str(get_locale() or DEFAULT)
    return {"code": code, **LANGUAGES.get(code, LANGUAGES[DEFAULT])}


def N_(text: str) -> str:
    """Mark a Swedish default text for the catalogues without translating it (it is stored as
    data, and translated when shown: see `in_language`)."""
    return text


def in_language(texts: dict[str, str], code: str) -> str:
    """Content kept per language (a question, a card's word): the text written in this
    language; else the catalogue's translation of the Swedish one, which exists while the
    Swedish is still the default wording; else the Swedish itself."""
    swedish = texts.get(DEFAULT) or ""
    return texts.get(code) or (gettext(swedish) if swedish else "")


def today() -> date:
    """Today's date where the service runs (Swedish time), not in UTC."""
    return datetime.now(ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])).date()
