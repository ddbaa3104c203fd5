"""Fixtures: an app of each test's own on the database its module stops, locks or fills (and
with the settings the test put in the environment), and a participant in a check-in."""

import pytest

from tests.conftest import page

from .helpers import app_on


@pytest.fixture
def outage_database(database_url):
    """The database a test stops or fills: a module names a database of its own here."""
    return database_url


@pytest.fixture
def app(outage_database):
    yield from app_on(outage_database)


@pytest.fixture
def anna(make_participant, make_staff, make_unit, make_meeting):
    anna = make_participant(
        "Anna", unit=make_unit("Kaféet"), case_officer=make_staff("case_officer")
    )
    make_meeting(anna)
    return anna


@pytest.fixture
def answering(client, anna, login_participant):
    """Anna, logged in on `client`, on the check-in's first question; yields her check-in."""
    login_participant(client, anna)
    soup = page(client.get("/infor-motet/fraga/how_it_is"))
    return soup.select_one("input[name=check_in]")["value"]
