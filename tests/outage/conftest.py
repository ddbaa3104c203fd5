"""Fixtures: a participant in the middle of a check-in."""

import pytest

from tests.conftest import page


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
