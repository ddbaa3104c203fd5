"""SQLite that cannot be written: locked by another writer, a read-only file, a full disk.
Writes answer 503 with Retry-After, reads keep working, /healthz says what is wrong, and the
answer sent again once the database can be written is stored once."""

import logging
import sqlite3
from pathlib import Path

import pytest

from app import create_app
from tests.conftest import page

from .helpers import migrated, said_503, send, stored


@pytest.fixture(scope="module")
def database_file(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("sqlite") / "outage.sqlite"


@pytest.fixture(scope="module")
def outage_database(database_file):
    """A SQLite file of these tests' own, whichever database the rest of the suite runs on."""
    return migrated(f"sqlite:///{database_file}")


@pytest.fixture(autouse=True)
def short_wait(monkeypatch):
    """A write waits a fifth of a second for a lock, not fifteen."""
    monkeypatch.setenv("FLASK_DATABASE_BUSY_SECONDS", "0.2")


def health(app):
    response = app.test_client().get("/healthz")
    return response.status_code, response.get_data(as_text=True)


def test_a_locked_database_refuses_writes_with_503_and_still_shows_pages(
    app, client, db, answering, database_file, caplog
):
    caplog.set_level(logging.WARNING, logger="app")
    other_writer = sqlite3.connect(database_file, isolation_level=None)
    other_writer.execute("BEGIN EXCLUSIVE")
    try:
        said_503(send(client, answering))
        said_503(send(client, answering, key="k2", headers={"HX-Request": "true"}))
        soup = page(client.get("/infor-motet/fraga/how_it_is"))  # reads keep working
        assert soup.h1.get_text(strip=True) == "Hur har du det på din dagliga verksamhet?"
        assert health(app) == (503, "database: busy")
    finally:
        other_writer.execute("ROLLBACK")
        other_writer.close()

    assert send(client, answering).status_code == 303
    assert send(client, answering).status_code == 303
    assert stored(db) == [("how_it_is", ["good"])]
    assert health(app) == (200, "ok")
    logged = [r.getMessage() for r in caplog.records if r.name == "app"]
    assert len(logged) == 2, logged
    assert logged[0].startswith("The database failed (busy; OperationalError)")
    # Pages read meanwhile do not count as back: only a change that was saved does.
    assert logged[1].startswith("The database is back after")
    assert logged[1].endswith("2 requests got 503 meanwhile.")


def test_a_read_only_database_file_refuses_writes_and_shows_pages(
    app, client, db, answering, outage_database
):
    """The same file opened read-only, as when its disk is mounted read-only or the file's
    owner is wrong after a restore: the login is the one made before."""
    read_only = create_app(
        {
            "TESTING": True,
            "LOCAL_RUN": True,
            "SECRET_KEY": app.config["SECRET_KEY"],
            "DATABASE_URL": f"sqlite:///file:{outage_database.removeprefix('sqlite:///')}"
            "?mode=ro&uri=true",
        }
    )
    phone = read_only.test_client()
    phone.set_cookie("mina_steg", client.get_cookie("mina_steg").value)
    soup = page(phone.get("/infor-motet/fraga/how_it_is"))
    check_in = soup.select_one("input[name=check_in]")["value"]
    csrf = soup.select_one("input[name=csrf_token]")["value"]
    response = phone.post(
        "/infor-motet/fraga/how_it_is",
        data={"check_in": check_in, "choice": "good", "answer_key": "k1", "csrf_token": csrf},
    )
    said_503(response)
    assert health(read_only) == (503, "database: read-only: changes cannot be saved")
    read_only.extensions["db_engine"].dispose()
    assert stored(db) == []

    assert send(client, answering).status_code == 303  # written where it can be
    assert stored(db) == [("how_it_is", ["good"])]
