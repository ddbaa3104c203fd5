"""Languages: Swedish (easy-to-read, the source text), English and Arabic (right to left).

To add a language, see "Adding a language" in README.md."""

from datetime import date, datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from babel import Locale
from babel.support import NullTranslations
from flask import current_app, g, session
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString

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


class _Chosen(NamedTuple):
    locale: Locale | None
    code: str
    catalogue: NullTranslations


def _chosen() -> _Chosen:
    """This request's language and its catalogue, worked out again only when Flask-Babel's
    locale changes (`refresh` after a new choice, or `force_locale`: each sets a new `Locale`).
    Flask-Babel's own `gettext` looks the request up three times and names the locale again on
    each call; a page asks some forty times, which made a participant's page cost 7 % more."""
    locale = get_locale()
    if locale is None:  # outside a request or app context
        return _Chosen(None, DEFAULT, NullTranslations())
    context = g._get_current_object()  # one lookup of the context, not one per attribute
    known = getattr(context, "chosen_language", None)
    if known is None or known.locale is not locale:
        known = context.chosen_language = _Chosen(locale, str(locale), get_translations())
    return known


def _catalogue():
    return _chosen().catalogue


def code() -> str:
    """The code of the language this request speaks: "sv", "en" or "ar"."""
    return _chosen().code


def gettext(text: str, **variables) -> str:
    """Flask-Babel's `gettext`, read from this request's catalogue (see `_chosen`)."""
    translated = _catalogue().ugettext(text)
    return translated % variables if variables else translated


def pgettext(context: str, text: str, **variables) -> str:
    translated = _catalogue().upgettext(context, text)
    return translated % variables if variables else translated


def lazy_gettext(text: str, **variables) -> LazyString:
    """A text translated each time it is shown, in the language of that request."""
    return LazyString(gettext, text, **variables)


def lazy_pgettext(context: str, text: str, **variables) -> LazyString:
    return LazyString(pgettext, context, text, **variables)


def install_in_templates(app) -> None:
    """Templates' `_()` and `ngettext()` read the catalogue through `_catalogue`, as Flask-Babel
    installs its own (Jinja's i18n extension, new style: escaped where the page escapes)."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _catalogue().ugettext(s),
        ngettext=lambda s, p, n: _catalogue().ungettext(s, p, n),
        pgettext=lambda c, s: _catalogue().upgettext(c, s),
        npgettext=lambda c, s, p, n: _catalogue().unpgettext(c, s, p, n),
        newstyle=True,
    )


def current() -> dict:
    chosen = code()
    return {"code": chosen, **LANGUAGES.get(chosen, LANGUAGES[DEFAULT])}


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


def language_of(texts: dict[str, str], code: str) -> str:
    """The language `in_language` shows these texts in: this one, or Swedish when there is no
    translation (a page marks that text lang="sv", so it is read with a Swedish voice)."""
    swedish = texts.get(DEFAULT) or ""
    if code == DEFAULT or texts.get(code) or (swedish and gettext(swedish) != swedish):
        return code
    return DEFAULT


def local_zone() -> ZoneInfo:
    """The time zone where the service runs (Swedish time)."""
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def today() -> date:
    """Today's date where the service runs (Swedish time), not in UTC."""
    return datetime.now(local_zone()).date()
