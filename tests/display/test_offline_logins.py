"""What the phone keeps never outlives the login: Mina uppgifter is never kept, a hand-over
login keeps nothing, and a login that starts, ends or is refused clears what was kept."""

import pytest

from app.card_login import cards
from app.models import LoginCard, Participant
from tests.conftest import page


@pytest.fixture
def unit(make_unit):
    return make_unit("Kaféet")


@pytest.fixture
def anna(make_participant, make_staff, unit):
    return make_participant("Anna", unit=unit, case_officer=make_staff("case_officer"))


def test_mina_uppgifter_is_never_kept(client, anna, login_participant):
    login_participant(client, anna)
    assert client.get("/").headers.get("X-Offline") == "keep"
    response = client.get("/mina-uppgifter")
    assert response.status_code == 200
    assert "X-Offline" not in response.headers


def test_a_hand_over_login_keeps_nothing_and_forgets_what_was_kept(
    client, anna, unit, make_meeting, make_staff, login_as
):
    make_meeting(anna)
    login_as(client, make_staff("supervisor", units=[unit]))
    started = client.post(f"/personal/deltagare/{anna.id}/lamna-over")
    assert started.headers["Clear-Site-Data"] == '"storage"'
    response = client.get("/infor-motet/fraga/how_it_is")
    assert response.status_code == 200
    assert "X-Offline" not in response.headers
    assert response.headers["X-Offline-Forget"] == "1"


def test_a_new_card_login_clears_what_an_earlier_login_kept(client, anna, make_card):
    _card, token = make_card(anna)
    response = client.post("/k", data={"token": token})
    assert response.status_code == 303
    assert response.headers["Clear-Site-Data"] == '"storage"'


def test_a_revoked_card_clears_the_phone_at_its_next_request(
    client, db, in_request, anna, login_participant
):
    login_participant(client, anna)
    with in_request() as session:
        for card in cards.active_cards(anna.id):
            cards.revoke(session.get(LoginCard, card.id))
        session.commit()
    response = client.get("/")
    assert response.headers["Clear-Site-Data"] == '"storage"'
    assert page(response).h1.get_text(strip=True) != "Hej Anna!"
    assert "X-Offline" not in response.headers
    assert response.headers["X-Offline-Forget"] == "1"
    # Later pages without a login keep telling the worker to forget.
    assert client.get("/").headers["X-Offline-Forget"] == "1"
    assert db.get(Participant, anna.id) is not None


def test_the_worker_forgets_kept_pages_when_told(client):
    script = client.get("/sw.js").get_data(as_text=True)
    assert 'response.headers.get("X-Offline-Forget")' in script
    assert "function forget()" in script
