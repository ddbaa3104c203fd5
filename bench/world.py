"""Databases for the benchmarks: a fresh one per run, migrated and seeded by the app's own code."""

import os
import tempfile
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import create_app, migrate
from app.db import make_engine

SECRET = "bench-secret-key"  # noqa: S105 (a throwaway database on this machine)
POSTGRES = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/mina_steg_bench"
)


def config(url: str) -> dict:
    return {"LOCAL_RUN": True, "SECRET_KEY": SECRET, "DATABASE_URL": url}


def fresh_database(kind: str, folder: Path) -> str:
    """An empty, migrated database: a new SQLite file, or the bench PostgreSQL database wiped."""
    if kind == "sqlite":
        url = f"sqlite:///{folder / 'bench.sqlite'}"
    else:
        url = POSTGRES
        _create_if_missing(url)
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    migrate.upgrade(url)
    return url


def on_each_database(measure) -> list[tuple[str, object]]:
    """`measure(url)` on a fresh SQLite file, then on the wiped bench PostgreSQL database."""
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for name, kind in (("SQLite", "sqlite"), ("PostgreSQL", "postgresql")):
            results.append((name, measure(fresh_database(kind, Path(folder)))))
    return results


def _create_if_missing(url: str) -> None:
    name = make_url(url).database
    server = make_engine(make_url(url).set(database="postgres").render_as_string(False))
    with server.execution_options(isolation_level="AUTOCOMMIT").connect() as connection:
        known = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}
        )
        if known.first() is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    server.dispose()


@contextmanager
def demo_app(kind: str = "sqlite"):
    """The app on a new database holding the demo data; yields (app, Anna's card secret)."""
    from app import demo
    from app.card_login import cards

    with tempfile.TemporaryDirectory() as folder:
        app = create_app(config(fresh_database(kind, Path(folder))))
        with app.test_request_context("/"):
            demo.seed()
            token = cards.demo_token("Anna")
        yield app, token
        app.extensions["db_engine"].dispose()


def seed_participants(app, count: int) -> list[str]:
    """`count` participants, each with a card and a follow-up meeting in five days (so their
    check-in is open). Returns their card secrets."""
    from app.card_login import cards
    from app.db import get_session
    from app.meetings.models import FollowUp
    from app.models import Participant, Unit, utcnow

    tokens = []
    with app.test_request_context("/"):
        db = get_session()
        unit = Unit(name="Kaféet")
        db.add(unit)
        db.commit()
        for n in range(count):
            person = Participant(first_name=f"Deltagare {n}", unit_id=unit.id)
            db.add(person)
            db.commit()
            db.add(FollowUp(participant_id=person.id, starts_at=utcnow() + timedelta(days=5)))
            db.commit()
            tokens.append(cards.issue(person)[1])
    return tokens
