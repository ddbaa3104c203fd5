"""Settings: safe defaults here, real values from the environment (FLASK_* variables)."""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

import click

ROOT = Path(__file__).resolve().parent.parent


class SettingMissing(RuntimeError, click.ClickException):
    """A setting the app cannot run without. A command (`flask --app app ...`) prints the
    message as one line, without a traceback; a server refuses to start with it."""

    def __init__(self, message: str):
        RuntimeError.__init__(self, message)
        click.ClickException.__init__(self, message)


class Defaults:
    # Local runs (make run, tests) may generate a secret key; production must set one.
    LOCAL_RUN = False
    SECRET_KEY = None
    DATABASE_URL = None
    # A SQLite write waits this long for another to finish, then the person is asked to retry.
    DATABASE_BUSY_SECONDS = 15

    # Styles, scripts and pictograms travel compressed (a quarter of their size on a slow
    # phone connection). Pages do not: a page holds a secret (the form token) beside what the
    # person typed, and compressing both together lets an eavesdropper guess the secret (BREACH).
    COMPRESS_MIMETYPES = ["text/css", "text/javascript", "application/javascript", "image/svg+xml"]

    BABEL_DEFAULT_LOCALE = "sv"
    BABEL_DEFAULT_TIMEZONE = "Europe/Stockholm"
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")

    # A participant may take all the time they need: idle sessions last a week.
    PARTICIPANT_IDLE_MINUTES = 7 * 24 * 60
    # ... and a card login ends after 30 days whatever happens: scan the card again.
    PARTICIPANT_MAX_DAYS = 30
    # A supervisor's device logged in as the participant for the check-in ("Hjälp Anna med
    # frågorna") ends on "Klar", on logout, or after this long.
    HAND_OVER_MAX_MINUTES = 120
    STAFF_IDLE_MINUTES = 30
    STAFF_MAX_HOURS = 12
    CARD_VALID_DAYS = 365
    # A check-in opens this many days before its follow-up meeting.
    CHECKIN_OPENS_DAYS_BEFORE = 14
    # An ended participant's record is kept this long before retention-delete may remove it
    # (five years, as social services documentation under LSS).
    RETENTION_DAYS = 5 * 365
    # The access log is checked at least this often (auditors' routine); the first check looks
    # back this far.
    LOG_REVIEW_DAYS = 30
    # Up to this many participants, a statistics page counts the summary again after the data
    # changed; above it, `flask --app app count-statistics` counts it nightly.
    STATS_COUNT_ON_VIEW_MAX = 5000
    # An e-mail address for reporting accessibility problems (the accessibility statement).
    ACCESSIBILITY_CONTACT = None

    # werkzeug's scrypt (n=2**15, r=8, p=1); tests lower the cost to stay fast.
    PASSWORD_HASH_METHOD = "scrypt"  # noqa: S105 (a method name, not a password)

    # Per address: a whole site on one wifi opens cards at the morning rush. Each card has its
    # own limit on top.
    CARD_REDEEM_LIMIT = "60 per minute"
    CARD_LIMIT = "10 per minute"
    # Per address, and per username for wrong tries only: the wait grows with each step.
    STAFF_LOGIN_LIMIT = "10 per minute"
    STAFF_USERNAME_LIMIT = "5 per minute; 10 per 15 minutes; 20 per hour; 40 per day"
    # Wrong codes of the second factor, per account.
    SECOND_FACTOR_LIMIT = "5 per minute; 10 per 15 minutes; 20 per day"
    # redis://host:6379/0 in production, so that every worker and server shares one count.
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_KEY_PREFIX = "mina-steg"
    RATELIMIT_HEADERS_ENABLED = False
    # Redis gone: each process counts in its own memory until it is back (logins keep working).
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True

    # How many worker processes serve the app (gunicorn.conf.py sets it).
    WORKERS = 1

    # Single sign-on with OpenID Connect: set the issuer, client id and secret to offer it.
    OIDC_ISSUER = None
    OIDC_CLIENT_ID = None
    OIDC_CLIENT_SECRET = None
    OIDC_SCOPES = "openid profile email"
    # The claim that names the person: "sub", or e.g. "email", "oid" or an HSA-id claim.
    OIDC_MATCH_CLAIM = "sub"
    # Optional: take the role from a groups claim, {"group": "case_officer", ...}.
    OIDC_GROUPS_CLAIM = None
    OIDC_ROLE_GROUPS = {}
    # With single sign-on: False allows password login only for BREAK_GLASS_ACCOUNTS.
    PASSWORD_LOGIN = True
    BREAK_GLASS_ACCOUNTS = []
    # An administrator's one-time code for a new password works this long.
    RESET_CODE_HOURS = 24

    # A check-in page left open for hours must still be sendable.
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_SSL_STRICT = False

    SESSION_COOKIE_NAME = "mina_steg"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    MAX_CONTENT_LENGTH = 64 * 1024

    # The service's address, e.g. https://minasteg.kommun.se: card addresses are built from it,
    # and (unless TRUSTED_HOSTS says otherwise) requests for any other host are refused.
    PUBLIC_URL = None
    TRUSTED_HOSTS = None

    # Read-aloud with the server's voice (espeak-ng and ffmpeg) for texts without a recording,
    # on phones without a voice of their own. Off: recordings and the phone's voice only.
    SERVER_VOICE = True

    # How many proxies sit in front of the app and set X-Forwarded-For/-Proto (0: none).
    PROXY_COUNT = 0


def load(app, test_config=None):
    """Fill app.config from defaults, the environment and, in tests, test_config."""
    app.config.from_object(Defaults)
    app.config.from_prefixed_env()
    if os.environ.get("DATABASE_URL") and not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if test_config:
        app.config.update(test_config)

    local = bool(app.config["LOCAL_RUN"])
    if local:
        app.config["SESSION_COOKIE_SECURE"] = False
    elif not app.config["SESSION_COOKIE_NAME"].startswith("__Host-"):
        # Over HTTPS the cookie is bound to this exact host: no subdomain can set or read it.
        app.config["SESSION_COOKIE_NAME"] = "__Host-" + app.config["SESSION_COOKIE_NAME"]
    public = app.config.get("PUBLIC_URL")
    if public and app.config.get("TRUSTED_HOSTS") is None:
        # Only the service's own address is answered; any other Host header gets 400 (Flask).
        app.config["TRUSTED_HOSTS"] = [urlsplit(public).hostname]
    if not app.config.get("SECRET_KEY"):
        if not local:
            raise SettingMissing(
                "Set FLASK_SECRET_KEY (or FLASK_LOCAL_RUN=1 for a run on your own computer, "
                "as `make run` does)."
            )
        app.config["SECRET_KEY"] = _local_secret_key(Path(app.instance_path))
    if not app.config.get("DATABASE_URL"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["DATABASE_URL"] = f"sqlite:///{Path(app.instance_path) / 'mina-steg.sqlite'}"
    check_limit_storage(app.config)


def check_limit_storage(config) -> None:
    """Refuse to serve with a count of wrong logins per process: with several workers an
    attacker would get that many times the tries."""
    workers = int(config["WORKERS"])
    in_memory = config["RATELIMIT_STORAGE_URI"].startswith("memory:")
    if not config["LOCAL_RUN"] and workers > 1 and in_memory:
        raise SettingMissing(
            f"{workers} workers would each count wrong logins on their own: set "
            "FLASK_RATELIMIT_STORAGE_URI=redis://host:6379/0 so that they share one count "
            "(or run one worker)."
        )


def _local_secret_key(instance: Path) -> str:
    """Keep one generated key per checkout, so local logins survive a restart."""
    instance.mkdir(parents=True, exist_ok=True)
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()
