"""What every response shares: page-or-fragment rendering, security headers, kind error pages."""

import logging
import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar
from urllib.parse import urlsplit, urlunsplit

from flask import (
    abort,
    current_app,
    g,
    has_request_context,
    make_response,
    render_template,
    request,
)
from flask_htmx.responses import HTMXResponseClientRedirect
from flask_wtf.csrf import CSRFError
from jinja2 import nodes
from markupsafe import Markup
from werkzeug.exceptions import SecurityError
from werkzeug.routing import IntegerConverter

from . import audit, i18n
from .db import get_session
from .extensions import htmx

T = TypeVar("T")

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        # Read-aloud plays audio made for one text (blob:), and the recorder plays back.
        "media-src 'self' blob:",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)


def wants_fragment() -> bool:
    """A plain htmx request gets the fragment; boosted links and back-button restores a page."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render(template: str, fragment: str | None = None, status: int = 200, **context):
    """Render the page, or only `fragment` for a plain htmx request."""
    name = fragment if fragment and wants_fragment() else template
    # The page and its fragment share an address: `security_headers` adds Vary: HX-Request.
    return make_response(render_template(name, **context), status)


def made_once(key: tuple, make: Callable[[], T]) -> T:
    """What `make` returns, worked out once per app and mount point outside development (only
    development changes files and templates under a running server). Kept for good and shown to
    everyone, so only for what holds nobody's data: tests/test_made_once.py renders each use for
    several people and compares. Without it a participant's page costs a fifth more."""
    app = current_app._get_current_object()  # one context lookup, not one per use
    if app.debug:
        return make()
    known = app.extensions.setdefault("made_once", {})
    key = (request.script_root if has_request_context() else None, *key)
    if key not in known:
        known[key] = make()
    return known[key]


def snippet(template: str) -> Markup:
    """A part of every page that holds nobody's data (styles and scripts, the participant's
    header, the offline notices), rendered once per language: texts cost the most in a page."""
    return made_once(
        ("snippet", template, i18n.code()),
        lambda: Markup(render_template(template)),  # noqa: S704 (a template's output is escaped)
    )


# The macros that pages of every area share, each file after those its macros call: pictures,
# read-aloud speakers, answer buttons, forms, the admin catalogues' tables. Every template has
# them as globals, so none imports them: an import checks each of the thirty-odd globals at
# every render. Without the imports a participant's journey runs 7.2 % fewer instructions on
# SQLite, 6.5 % on PostgreSQL (bench/instructions.py).
SHARED_MACROS = (
    "_pictures.html",
    "_speech.html",
    "_answers.html",
    "_forms.html",
    "_catalogue.html",
)


def share_macros(app) -> None:
    """Make the macros of SHARED_MACROS globals of every template, by name, and note which file
    each comes from (app.extensions["shared_macros"]). Called once the other globals are in
    place: a macro sees the globals there were when its file was loaded, as an import does. A
    change to these files shows after a restart, also in development."""
    environment = app.jinja_env
    shared = app.extensions["shared_macros"] = {}
    for name in SHARED_MACROS:
        source, _filename, _uptodate = environment.loader.get_source(environment, name)
        module = environment.get_template(name).module
        for macro in environment.parse(source).find_all(nodes.Macro):
            if macro.name in environment.globals:
                raise RuntimeError(f"{name}: the macro {macro.name} has the name of a global")
            environment.globals[macro.name] = getattr(module, macro.name)
            shared[macro.name] = name


# Browsers drop tabs and newlines from an address, so "/\t/evil.example" would become
# "//evil.example": another site. Take them out first, then look at what is left.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def local_address(target: str | None, under: str = "/") -> str | None:
    """`target` as a path of this app that starts with `under`, or None when it is anything
    else (another site, a scheme, a backslash): the one check for every `next`-style field."""
    if not target:
        return None
    cleaned = _CONTROL_CHARACTERS.sub("", target)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if parts.scheme or parts.netloc or "\\" in cleaned:
        return None
    if not parts.path.startswith(under) or parts.path.startswith("//"):
        return None
    return urlunsplit(("", "", parts.path, parts.query, parts.fragment))


# Row numbers are 32-bit in both databases: a longer number names no row (404), never a crash.
LARGEST_ROW_ID = 2**31 - 1


class RowId(IntegerConverter):
    """`<int:...>` in every address: a whole number no larger than a row number can be."""

    def __init__(self, url_map, **kwargs):
        kwargs.setdefault("max", LARGEST_ROW_ID)
        super().__init__(url_map, **kwargs)


def row_id(text: str) -> int:
    """A row number from a form or query (`type=row_id`): anything else counts as missing."""
    value = int(text)
    if not 0 <= value <= LARGEST_ROW_ID:
        raise ValueError(text)
    return value


# Days a person may type: dates outside these are typing mistakes (and 0001-01-01 less a day,
# or 9999-12-31 plus one, is no date at all).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)


def sensible_day(day: date | None) -> bool:
    return day is None or FIRST_DAY <= day <= LAST_DAY


# The forms that take a file, each setting its own size limit: a recorded voice, and the
# case system's file (its preview's save form carries the file back).
TAKES_FILES = {"speech.admin_record", "admin.import_file", "admin.import_save"}
RECORDS_SOUND = {"speech.admin_record"}
# Pages that a boosted link must not swap in, as htmx keeps the first page's <head> and its
# permissions: they bring a script of their own (passkeys, the recorder), or the microphone.
LOADED_WHOLE = {
    "staff.login",
    "identity.second_factor",
    "identity.add_passkey",
    "speech.admin_record",
}
# Addresses whose content never changes (a hash in the name): kept by the phone for a year.
FINGERPRINTED = {"static", "speech.audio_file"}


def refuse_uploads():
    """No other form takes a file: a request that sends one is a bad request, not a crash."""
    if request.method == "POST" and request.endpoint not in TAKES_FILES and request.files:
        abort(400)


def load_whole():
    """A boosted link (or a redirect it followed) to a page in LOADED_WHOLE: the browser is
    told to load that address as a whole page instead."""
    if request.endpoint in LOADED_WHOLE and request.method == "GET" and htmx.boosted:
        return HTMXResponseClientRedirect(request.url)
    return None


def security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    microphone = "(self)" if request.endpoint in RECORDS_SOUND else "()"
    headers["Permissions-Policy"] = f"camera=(), microphone={microphone}, geolocation=()"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if request.is_secure or not current_app.config["LOCAL_RUN"]:
        headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if may_keep_offline(response):
        headers["X-Offline"] = "keep"
    elif must_forget_offline(response):
        # The service worker drops the pages it kept (sw.js): nobody's own login is here now.
        headers["X-Offline-Forget"] = "1"
    if request.endpoint == "home.logout" or g.get("login_ended"):
        # Whatever this phone kept for working offline leaves with the login: on logout, and
        # when a login starts, runs out or is refused (a revoked card, an ended hand-over).
        headers["Clear-Site-Data"] = '"storage"'
    if request.endpoint not in FINGERPRINTED:
        # Pages may hold personal data: never keep them in a cache or the back-forward store.
        headers["Cache-Control"] = "no-store"
        response.vary.update(("HX-Request", "Cookie"))
    return response


# Where staff work, where a card's secret is in the address, and Mina uppgifter (everything
# about the person at once): never kept on the phone.
NEVER_KEPT = ("/personal", "/admin", "/k/", "/mina-uppgifter")


def _own_login() -> bool:
    """A participant logged in with their own card (not a supervisor's device handed over)."""
    login = g.get("login")
    return g.get("participant") is not None and login.helper_id is None


def may_keep_offline(response) -> bool:
    """The service worker keeps static files and a participant's own whole pages, no others."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if request.endpoint == "static":
        return True
    return (
        _own_login()
        and response.mimetype == "text/html"
        and not wants_fragment()
        and not request.path.startswith(NEVER_KEPT)
    )


def must_forget_offline(response) -> bool:
    """A whole page for a browser where no participant is logged in with their own card (logged
    out, staff, a hand-over, a login just ended or refused): the phone keeps no pages. Not
    while the database is away (503): who is logged in is unknown then, and the pages kept are
    what the phone shows meanwhile."""
    if request.endpoint == "static" or response.mimetype != "text/html" or wants_fragment():
        return False
    if response.status_code == 503:
        return False
    return g.get("login_ended", False) or not _own_login()


ERRORS = {
    400: "bad_request",
    401: "not_logged_in",
    403: "forbidden",
    404: "not_found",
    405: "bad_request",
    413: "too_large",
    429: "too_many",
    500: "server_error",
    503: "unavailable",
}


def error_page(error):
    code = getattr(error, "code", 500) or 500
    kind = "stale_form" if isinstance(error, CSRFError) else ERRORS.get(code, "bad_request")
    if code in (403, 404):
        refuse(code)
    return render("errors/error.html", kind=kind, status=code), code


def refuse(code: int) -> None:
    """Log a refused page (403, 404) in a transaction of its own: what the refused request had
    started is dropped, and the log row is committed. The one place a refused page writes."""
    db = get_session()
    db.rollback()
    audit.refused(code)
    db.commit()


def untrusted_host(_error):
    """A request for a host not in TRUSTED_HOSTS: no page of ours (its links would name that
    host), only a plain refusal."""
    return "Bad host", 400, {"Content-Type": "text/plain; charset=utf-8"}


def register_errors(app) -> None:
    for code in ERRORS:
        app.register_error_handler(code, error_page)
    app.register_error_handler(CSRFError, error_page)
    app.register_error_handler(SecurityError, untrusted_host)


class RedactCardTokens(logging.Filter):
    """Card secrets are in the card's URL: keep them out of the request log."""

    pattern = re.compile(r"/k/[^\s\"?]+")

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/k/" in message:
            record.msg = self.pattern.sub("/k/[card]", message)
            record.args = ()
        return True


def redact_logs() -> None:
    logging.getLogger("werkzeug").addFilter(RedactCardTokens())
    logging.getLogger("gunicorn.access").addFilter(RedactCardTokens())
