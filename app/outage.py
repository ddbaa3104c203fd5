"""When a part of the server fails: the database restarts, its disk fills up, Redis goes away.

Every request then answers 503 with Retry-After and a kind page ("Vänta lite"), never a 500:
the phone keeps an answer it could not send and sends it again, as when the network drops.
Each process logs a failure once when it starts and once when it is over, not per request, and
/healthz says what is wrong in a few plain words.
"""

import logging
import os
import threading
import time
from contextlib import suppress
from dataclasses import dataclass

from flask import current_app, g, has_app_context
from flask.logging import default_handler
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy import event, exc, text
from sqlmodel import Session

from . import db
from .extensions import limiter
from .web import render

# Seconds before the phone tries again: a database restart takes two or three.
RETRY_AFTER = 5

# What a database error says about the database, by SQLite's primary result code...
SQLITE = {5: "busy", 6: "busy", 8: "read-only", 10: "disk error", 13: "full", 14: "unreachable"}
# ...and by PostgreSQL's SQLSTATE: a whole code first, else its class (the first two letters).
POSTGRESQL = {
    "08": "unreachable",  # connection exceptions
    "57P01": "unreachable",  # the server is shutting down
    "57P02": "unreachable",
    "57P03": "unreachable",  # ...or starting up
    "57014": "busy",  # a statement ran out of time
    "55P03": "busy",  # a lock could not be had
    "53100": "full",  # the disk is full
    "53": "busy",  # out of memory, too many connections
    "25006": "read-only",  # a read-only server (a standby)
    "58": "disk error",
}
# What /healthz says for each: plain words, nothing an outsider could use.
SAYS = {
    "unreachable": "cannot be reached",
    "busy": "busy",
    "read-only": "read-only: changes cannot be saved",
    "full": "full: changes cannot be saved",
    "disk error": "disk error: changes cannot be saved",
}
# Less free space than this where the SQLite file lives, and the disk counts as full.
DISK_NEARLY_FULL = 64 * 1024


def reason(error: BaseException) -> str | None:
    """What a database error says is wrong with the database (a key of SAYS), or None when it
    is a fault in the app itself, such as a query naming a column that does not exist."""
    if isinstance(error, exc.TimeoutError):  # every pooled connection stayed in use
        return "busy"
    if not isinstance(error, exc.DBAPIError):
        return None
    if error.connection_invalidated:
        return "unreachable"
    return _reason_of(error.orig)


def _reason_of(cause: BaseException) -> str | None:
    """The same, from the database driver's own error."""
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return SQLITE.get(code & 0xFF)
    state = getattr(cause, "sqlstate", None)
    if state is None:  # psycopg could not reach the server at all
        return "unreachable" if type(cause).__name__ == "OperationalError" else None
    return POSTGRESQL.get(state) or POSTGRESQL.get(state[:2])


def _lost_connection(context) -> None:
    """A server that restarted ends its connections ("terminating connection due to
    administrator command"): count that as a lost connection, so the pool drops them all and
    opens new ones, instead of one request per stale connection failing."""
    if _reason_of(context.original_exception) == "unreachable":
        context.is_disconnect = True


@dataclass
class Outage:
    """A part that failed in this process: what is wrong, since when, how many were refused."""

    reason: str
    since: float
    refused: int = 1


class Parts:
    """This process's parts that are failing now, by name ("database", "redis")."""

    def __init__(self, logger: logging.Logger):
        self.logger = logger
        self.failing: dict[str, Outage] = {}
        self.lock = threading.Lock()

    def failed(self, part: str, why: str, error: BaseException) -> None:
        with self.lock:
            outage = self.failing.get(part)
            if outage is not None and outage.reason == why:
                outage.refused += 1
                return
            self.failing[part] = Outage(why, time.monotonic())
        cause = type(getattr(error, "orig", None) or error).__name__
        self.logger.error(
            "The %s failed (%s; %s): requests get 503 until it is back.", part, SAYS[why], cause
        )

    def back(self, part: str) -> None:
        with self.lock:
            outage = self.failing.pop(part, None)
        if outage is not None:
            self.logger.warning(
                "The %s is back after %.1f s; %d requests got 503 meanwhile.",
                part,
                time.monotonic() - outage.since,
                outage.refused,
            )


def parts() -> Parts:
    return current_app.extensions["outages"]


def init_app(app) -> None:
    app.extensions["outages"] = Parts(app.logger)
    app.register_error_handler(exc.DBAPIError, _unavailable)
    app.register_error_handler(exc.TimeoutError, _unavailable)
    app.register_error_handler(RedisConnectionError, _unavailable)
    app.register_error_handler(RedisTimeoutError, _unavailable)
    app.after_request(_note_recovery)
    event.listen(app.extensions["db_engine"], "handle_error", _lost_connection)
    # Flask-Limiter says when Redis is gone and when it is back: into the app's log with it.
    limiter_log = logging.getLogger("flask-limiter")
    limiter_log.setLevel(logging.INFO)
    if default_handler not in limiter_log.handlers:
        limiter_log.addHandler(default_handler)


def _unavailable(error):
    """A part is down: a kind "try again" page with Retry-After. Any other error is raised again
    and ends as the usual 500."""
    if isinstance(error, RedisConnectionError | RedisTimeoutError):
        part, why = "redis", "unreachable"
    else:
        part, why = "database", reason(error)
    if why is None:
        raise error
    _let_go_of_the_session()
    parts().failed(part, why, error)
    g.outage = part
    response = render("errors/error.html", kind="unavailable", status=503)
    response.headers["Retry-After"] = str(RETRY_AFTER)
    return response


def _let_go_of_the_session() -> None:
    """Drop the request's connection rather than hand a broken one back to the pool."""
    session = g.pop("db_session", None)
    if session is not None:
        with suppress(exc.SQLAlchemyError):
            session.invalidate()


def _note_write(session) -> None:
    """A transaction that wrote was committed (see `db.save_changes`)."""
    if session.info.get("wrote") and has_app_context():
        g.outage_wrote = True


event.listen(Session, "after_commit", _note_write)


def _note_recovery(response):
    """The database is back once a request used it without failing; after a failure to write
    (a full disk, a read-only file) only once a write went through."""
    outage = parts().failing.get("database")
    if outage is None or g.get("outage") or "db_session" not in g:
        return response
    if outage.reason == "unreachable" or g.get("outage_wrote"):
        parts().back("database")
    return response


# /healthz --------------------------------------------------------------------------------


def health() -> list[str]:
    """What is wrong, in plain words, or nothing. The database is asked afresh (can it be read,
    can it be written); a full disk shows only when a change fails or the SQLite file's disk is
    full, so what this process last met counts too."""
    problems = []
    why = _probe_database()
    outage = parts().failing.get("database")
    if why is None and outage is not None and outage.reason != "unreachable":
        why = outage.reason
    if why:
        problems.append(f"database: {SAYS[why]}")
    if not limiter.storage.check():
        problems.append("rate limits: counted in each process (the shared store cannot be reached)")
    return problems


def _probe_database() -> str | None:
    engine = db.engine()
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            # A change undone at once: a read-only database or a held lock refuses it.
            if sqlite:
                connection.exec_driver_sql("PRAGMA busy_timeout=500")
            else:
                connection.exec_driver_sql("SET LOCAL lock_timeout = 500")
            try:
                connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
            finally:
                connection.rollback()
                if sqlite:
                    busy = int(current_app.config["DATABASE_BUSY_SECONDS"] * 1000)
                    connection.exec_driver_sql(f"PRAGMA busy_timeout={busy}")
    except exc.SQLAlchemyError as error:
        return reason(error) or "unreachable"
    if sqlite and _disk_nearly_full(engine.url.database):
        return "full"
    return None


def _disk_nearly_full(path: str | None) -> bool:
    if not path or path == ":memory:":
        return False
    folder = os.path.dirname(os.path.abspath(path.removeprefix("file:").split("?")[0]))
    stats = os.statvfs(folder)
    return stats.f_bavail * stats.f_frsize < DISK_NEARLY_FULL
