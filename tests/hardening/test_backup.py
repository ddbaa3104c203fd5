"""Backups: taken while people keep saving, restored into a new database, every table equal."""

import threading
import time

import pytest
from sqlalchemy import MetaData, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

from app import create_app
from app.backup import BackupError, backup, restore
from app.db import make_engine
from app.models import Participant, Unit

LOAD = "load-"


class Writer(threading.Thread):
    """Saves a unit and its participant in one transaction, again and again."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.engine = make_engine(url)
        self.written = 0
        self.stop = threading.Event()
        self.error = None

    def run(self):
        try:
            while not self.stop.is_set():
                with Session(self.engine) as session:
                    unit = Unit(name=f"{LOAD}{self.written:06d}")
                    session.add(unit)
                    session.flush()
                    session.add(Participant(first_name=unit.name, unit_id=unit.id))
                    session.commit()
                self.written += 1
        except Exception as error:  # the test reports it
            self.error = error
        finally:
            self.engine.dispose()

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while self.written < count and time.monotonic() < deadline and self.error is None:
            time.sleep(0.01)
        assert self.written >= count, self.error


def all_rows(url) -> dict[str, list[tuple]]:
    engine = make_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        rows = {
            table.name: [
                tuple(row)
                for row in connection.execute(
                    table.select().order_by(*(table.primary_key.columns or table.columns))
                )
            ]
            for table in metadata.sorted_tables
        }
    engine.dispose()
    return rows


def load_name(row) -> str | None:
    return next((v for v in row if isinstance(v, str) and v.startswith(LOAD)), None)


@pytest.fixture
def new_database(database_url, tmp_path):
    """An empty database of the same kind as the one under test."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored.sqlite'}"
        return
    url = make_url(database_url)
    name = f"{url.database}_restore"
    server = make_engine(database_url).execution_options(isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(False)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()


def test_backup_under_write_load_restores_every_table(app, world, tmp_path, new_database):
    source = app.config["DATABASE_URL"]
    path = tmp_path / "mina-steg.backup"
    writer = Writer(source)
    writer.start()
    try:
        writer.wait_for(20)
        result = app.test_cli_runner().invoke(args=["backup", str(path)])
        assert result.exit_code == 0, result.output
        at_backup = writer.written
        writer.wait_for(at_backup + 20)
    finally:
        writer.stop.set()
        writer.join()
    assert writer.error is None

    restored_app = create_app({**app.config, "DATABASE_URL": new_database})
    result = restored_app.test_cli_runner().invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code == 0, result.output
    restored_app.extensions["db_engine"].dispose()

    now, restored = all_rows(source), all_rows(new_database)
    assert set(restored) == set(now)
    # The backup is one moment: the first k units of the load, each with its participant.
    units = sorted(filter(None, map(load_name, restored["unit"])))
    people = sorted(filter(None, map(load_name, restored["participant"])))
    assert 20 <= len(units) < writer.written
    assert units == [f"{LOAD}{n:06d}" for n in range(len(units))] == people
    kept = set(units)
    for table, rows in now.items():
        if table == "stats_change":
            # Each write of the load marks the statistics for counting again: those of the
            # backup's moment come back, the later ones do not.
            assert 0 < len(restored[table]) < len(rows)
            assert restored[table] == rows[: len(restored[table])], table
            continue
        then = [row for row in rows if load_name(row) in (None, *kept)]
        assert restored[table] == then, table
    assert restored["participant"] and restored["login_card"], "the world was backed up"


def test_restore_refuses_a_file_that_is_not_a_backup(app, tmp_path):
    path = tmp_path / "not-a-backup"
    path.write_text("hello")
    with pytest.raises(BackupError):
        restore(app.config["DATABASE_URL"], path)
    result = app.test_cli_runner().invoke(args=["restore", str(path), "--yes"])
    assert result.exit_code != 0 and "not a backup" in result.output


def test_restore_asks_before_replacing_the_database(app, tmp_path):
    path = tmp_path / "mina-steg.backup"
    backup(app.config["DATABASE_URL"], path)
    result = app.test_cli_runner().invoke(args=["restore", str(path)], input="n\n")
    assert result.exit_code != 0
    assert "Aborted" in result.output
