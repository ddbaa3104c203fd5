import pytest

from app.speech import recordings, texts


@pytest.fixture
def anna(make_participant, make_staff, make_unit, make_meeting):
    anna = make_participant(
        "Anna", unit=make_unit("Kaféet"), case_officer=make_staff("case_officer")
    )
    make_meeting(anna)
    return anna


@pytest.fixture
def admin(make_staff):
    return make_staff("admin")


@pytest.fixture
def admin_client(client, admin, login_as):
    login_as(client, admin)
    return client


@pytest.fixture
def record(app, in_request, admin):
    """record(text, data, language="sv"): an administrator's recording of the text."""

    def save(text, data, language="sv"):
        with in_request(admin):
            return recordings.save(language, texts.key(text), text, data, admin)

    return save
