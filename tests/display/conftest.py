import pytest


@pytest.fixture
def anna(make_participant, make_staff, make_unit):
    return make_participant(
        "Anna", unit=make_unit("Kaféet"), case_officer=make_staff("case_officer")
    )


@pytest.fixture
def logged_in(client, anna, login_participant):
    login_participant(client, anna)
    return client
