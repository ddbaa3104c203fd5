"""A full disk under SQLite: a small file system of the test's own, filled up. Saving answers
503 with Retry-After, pages can still be read, /healthz says the disk is full, and the answer
sent again once there is room is stored once."""

import logging
import sqlite3
import subprocess

import pytest

from tests.conftest import page

from .helpers import migrated, said_503, send, stored


@pytest.fixture(scope="module")
def small_disk(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small-disk")
    mount = ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)]
    mounted = subprocess.run(mount, capture_output=True, check=False)  # noqa: S603
    if mounted.returncode:
        pytest.skip("a full disk needs a small file system: mounting a tmpfs was not allowed")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)  # noqa: S603, S607


@pytest.fixture(scope="module")
def outage_database(small_disk):
    return migrated(f"sqlite:///{small_disk / 'outage.sqlite'}")


@pytest.fixture
def filled(small_disk, db):
    """Fill the disk (after the log of recent changes is emptied, so a new one needs room);
    make room again at the end."""
    db.close()
    with sqlite3.connect(small_disk / "outage.sqlite") as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    filler = small_disk / "filler"
    with filler.open("wb", buffering=0) as out:  # nothing left to write at close
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:  # No space left on device
            pass
    yield filler
    filler.unlink(missing_ok=True)


def test_a_full_disk_refuses_writes_with_503_and_still_shows_pages(
    app, client, db, answering, filled, caplog
):
    caplog.set_level(logging.WARNING, logger="app")
    said_503(send(client, answering))
    failed = [r.getMessage() for r in caplog.records if r.name == "app"]
    assert failed == [
        "The database failed (full: changes cannot be saved; OperationalError): "
        "requests get 503 until it is back."
    ]
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    assert soup.h1.get_text(strip=True) == "Hur har du det på din dagliga verksamhet?"
    health = app.test_client().get("/healthz")
    assert health.status_code == 503
    assert health.get_data(as_text=True) == "database: full: changes cannot be saved"

    filled.unlink()
    assert send(client, answering).status_code == 303
    assert send(client, answering).status_code == 303
    assert stored(db) == [("how_it_is", ["good"])]
    assert app.test_client().get("/healthz").get_data(as_text=True) == "ok"
