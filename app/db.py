"""The database: one engine per app, one session and one transaction per request."""

import os
from collections import namedtuple
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from flask import Response, current_app, g
from sqlalchemy import event, update
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
    return engine


def _sqlite_pragmas(dbapi_connection, _record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts the file and a crash of the app loses nothing; only a
    # power cut may lose the last commits. FULL would wait for the disk on every saved answer.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _note_flush(session, _context) -> None:
    session.info["wrote"] = True


def _note_statement(state) -> None:
    """A statement sent through the session that is not a SELECT (an UPDATE, an INSERT, ...)
    changes something, or may: the transaction has written."""
    if not state.is_select:
        state.session.info["wrote"] = True


def _transaction_ended(session, transaction) -> None:
    if transaction.parent is None:
        session.info.pop("wrote", None)
        session.info.pop("save", None)


# Whether the session's transaction has written is a flag, set when it flushes a change or sends
# a statement other than a SELECT, and cleared when the transaction ends.
event.listen(Session, "after_flush", _note_flush)
event.listen(Session, "do_orm_execute", _note_statement)
event.listen(Session, "after_transaction_end", _transaction_ended)


def _only_read(db_session: Session) -> bool:
    """The session's transaction only read: it wrote nothing and holds no unsaved change."""
    if not db_session.in_transaction() or db_session.new or db_session.dirty or db_session.deleted:
        return False
    return not db_session.info.get("wrote")


def row_type(model) -> type:
    """A read-only record with the columns of `model`'s table, for what pages read on every
    request: read as a plain row it costs much less than the model's object (the README says
    which are read so, and what it saves). What is to be changed is read again as an object."""
    return namedtuple(f"{model.__name__}Row", model.__table__.columns.keys())


def save_changes(*, even_if_refused: bool = False) -> None:
    """Have the session's changes saved. In a page they are flushed now and committed once, with
    everything else the page changed, when it has answered without error (`dispatch`): a page
    that fails or is refused saves nothing, unless `even_if_refused` (a failed login is logged
    though its page answers 422). A command commits once at its end (`transaction`). Code run on
    its own, outside both, commits at once."""
    db_session = get_session()
    if not g.get("one_transaction"):
        db_session.commit()
        return
    db_session.flush()
    if even_if_refused:
        db_session.info["save"] = "always"
    else:
        db_session.info.setdefault("save", "if answered")


def dispatch(view) -> Response:
    """Run the page's view and commit what it saved, in one transaction: the only commit of a
    page. An exception, a refusal (`abort`) or an error status saves nothing: the session is
    rolled back at teardown."""
    g.one_transaction = True
    response = current_app.make_response(view())
    db_session = g.get("db_session")
    wanted = db_session.info.get("save") if db_session is not None else None
    if wanted == "always" or (wanted and response.status_code < 400):
        db_session.commit()
    return response


def one_change_at_a_time(model, row_id: int) -> None:
    """Hold `model`'s row until this transaction ends, so that two requests changing what hangs
    on it take turns and the second reads what the first saved: a double tap, or an answer sent
    again under another key, stores one row. Done by a change that changes nothing, which locks
    the row on PostgreSQL and takes the one write lock on SQLite (it has no row locks)."""
    table = model.__table__
    get_session().execute(update(table).where(table.c.id == row_id).values(id=table.c.id))


@contextmanager
def attempt() -> Iterator[None]:
    """Changes the database may refuse (a unique key already taken) without failing the rest of
    the transaction: flushed at the end of the block, and undone alone when refused, the error
    raised. Once the transaction has written, in a savepoint. Before, the whole transaction is
    rolled back instead, losing nothing: SQLite's driver opens its transaction at the first
    write, so a savepoint made before would open it, and releasing the savepoint commit it."""
    db_session = get_session()
    db_session.flush()
    if db_session.info.get("wrote"):
        with db_session.begin_nested():
            yield
        return
    try:
        yield
        db_session.flush()
    except Exception:
        db_session.rollback()
        raise


@contextmanager
def transaction() -> Iterator[Session]:
    """A command's or a job's work: what it saves is committed once, at the end; an error saves
    nothing."""
    g.one_transaction = True
    try:
        yield get_session()
        get_session().commit()
    except BaseException:
        get_session().rollback()
        raise
    finally:
        g.pop("one_transaction", None)


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
