"""Helpers for the tests of parts of the server that fail."""

import pytest
from sqlmodel import select

from app import migrate
from app.checkins.models import CheckInAnswer
from app.extensions import limiter
from tests.conftest import make_test_app, page
from tests.database import States

from . import servers

# The state the migrations left, per database these tests use: restored after each test.
_states: dict[str, States] = {}


def app_on(database: str):
    """An app of the test's own on `database` (with the settings the test put in the
    environment); the database is put back as the migrations left it afterwards."""
    app = make_test_app(database)
    if database not in _states:
        _states[database] = States(app.extensions["db_engine"])
        _states[database].take("reference")
    yield app
    _states[database].restore("reference")
    app.extensions["db_engine"].dispose()
    limiter.reset()


def own_postgresql() -> servers.PostgreSQL:
    """This process's own PostgreSQL, or a skip saying what is missing."""
    try:
        return servers.postgresql()
    except servers.Missing as missing:
        pytest.skip(f"{missing}: the tests that stop a database need one of their own")


def migrated(url: str) -> str:
    migrate.upgrade(url)
    return url


def send(client, check_in, choice="good", key="k1", question="how_it_is", headers=None):
    """An answer as the phone sends it: with the key that makes a second sending harmless."""
    return client.post(
        f"/infor-motet/fraga/{question}",
        data={"check_in": check_in, "choice": choice, "answer_key": key},
        headers=headers,
    )


def stored(db) -> list[tuple]:
    db.expire_all()
    return [(a.question_key, a.choices) for a in db.exec(select(CheckInAnswer).order_by("id"))]


def said_503(response) -> None:
    """The kind "try again" page, with Retry-After, never a 500 or a stack trace."""
    soup = page(response, 503)
    assert response.headers["Retry-After"] == "5"
    assert soup.h1.get_text(strip=True) == "Vänta lite"
    assert "Traceback" not in response.get_data(as_text=True)
