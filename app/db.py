"""The database: one engine per app, one session per request."""

import os
from contextlib import suppress
from pathlib import Path

from flask import current_app, g
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, create_engine


def database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL whatever form the URL comes in."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def private_sqlite_file(url: str) -> None:
    """Create an SQLite database file readable by its owner only (0600) before SQLite would
    create it readable by all; its -wal and -shm files take the same mode."""
    path = make_url(url).database
    if path and path != ":memory:" and not path.startswith("file:"):
        file = Path(path)
        file.parent.mkdir(parents=True, exist_ok=True)
        if not file.exists():
            os.close(os.open(file, os.O_CREAT | os.O_WRONLY, 0o600))


def make_engine(url: str, busy_seconds: float = 15) -> Engine:
    """`busy_seconds`: how long a SQLite write waits for another one to finish before it gives
    up (and the person is asked to try again)."""
    url = database_url(url)
    if url.startswith("sqlite"):
        private_sqlite_file(url)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": busy_seconds}
        )
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "before_cursor_execute", _note_writes)
    return engine


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts the file and a crash of the app loses nothing; only a
    # power cut may lose the last commits. FULL would wait for the disk on every saved answer.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _begin(connection) -> None:
    connection.info.pop("wrote", None)


def _note_writes(connection, _cursor, statement, *_args) -> None:
    """Mark the transaction as one that changed something: any statement but a SELECT."""
    if statement.lstrip()[:6].upper() != "SELECT":
        connection.info["wrote"] = True


def _only_read(db_session: Session) -> bool:
    """The session's transaction sent nothing but SELECTs and holds no unsaved change."""
    if not db_session.in_transaction() or db_session.new or db_session.dirty or db_session.deleted:
        return False
    return not db_session.connection().info.get("wrote")


def init_app(app) -> None:
    app.extensions["db_engine"] = make_engine(
        app.config["DATABASE_URL"], app.config["DATABASE_BUSY_SECONDS"]
    )
    app.teardown_appcontext(_close_session)


def engine() -> Engine:
    return current_app.extensions["db_engine"]


def get_session() -> Session:
    """The request's database session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        # Rows read in this request stay usable after a commit without being read again.
        g.db_session = Session(engine(), expire_on_commit=False)
    return g.db_session


def _close_session(exc=None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is None:
        return
    if exc is None and _only_read(db_session):
        # A transaction that only read ends the same with a commit as with a rollback. On
        # PostgreSQL a rollback also makes psycopg forget the statements it has prepared on this
        # connection, so every page would be parsed and planned anew.
        with suppress(SQLAlchemyError):  # nothing to lose: close() hands the connection back
            db_session.commit()
    db_session.close()
