"""The check-in while the database restarts: the server answers 503 to the next two answers,
the phone keeps both as it does offline ("Inte skickat än"), shows the next question it kept,
and sends both once the server is back. Both are stored once; no error page is ever seen.
On a PostgreSQL of the test's own, stopped and started for real."""

import pytest
from playwright.sync_api import expect

from tests.outage.helpers import app_on, own_postgresql, stored

from .steps import card_address, heading, kept_by_the_service_worker, log_in_with_card


@pytest.fixture(scope="module")
def server():
    return own_postgresql()


@pytest.fixture(scope="module")
def stopped_database(server):
    return server.migrated_database("outage_journey")


@pytest.fixture
def app(stopped_database):
    """An app on the database this test stops."""
    yield from app_on(stopped_database)


@pytest.fixture
def anna(make_unit, make_staff, make_participant, make_meeting):
    anna = make_participant(
        "Anna", unit=make_unit("Kaféet"), case_officer=make_staff("case_officer")
    )
    make_meeting(anna)
    return anna


def test_answers_refused_with_503_are_kept_and_stored_once_when_the_server_is_back(
    app, db, anna, server, new_page, axe_check, tmp_path
):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.get_by_role("link", name="Inför mötet").click()
    phone.get_by_role("link", name="Börja").click()
    heading(phone, "Hur har du det på din dagliga verksamhet?")
    kept_by_the_service_worker(phone, "/infor-motet/fraga/likes_tasks")

    new_page.expect_console_error("status of 503|Response Status Error Code 503")
    db.close()
    server.stop()
    try:
        phone.get_by_role("button", name="Bra", exact=True).click()
        status = phone.locator("#connection-status")
        expect(status).to_contain_text("Inte skickat än.")
        expect(status).to_contain_text("Ditt svar finns kvar i telefonen.")
        heading(phone, "Hur har du det på din dagliga verksamhet?")  # no error page
        expect(phone.get_by_role("button", name="Bra", exact=True)).to_have_attribute(
            "aria-pressed", "true"
        )
        axe_check(phone)
        phone.screenshot(path=tmp_path / "answer-kept.png")

        # The next question: the server still says "try again", so the phone shows its copy.
        status.get_by_role("link", name="Gå vidare").click()
        heading(phone, "Får du göra saker som du gillar där?")
        phone.get_by_role("button", name="Ja", exact=True).click()
        expect(status).to_contain_text("Ditt svar finns kvar i telefonen.")
        heading(phone, "Får du göra saker som du gillar där?")
        axe_check(phone)
        kept = phone.evaluate("JSON.parse(localStorage.getItem('mina-steg-svar'))")
        assert [path for path, _ in kept] == [
            "/infor-motet/fraga/how_it_is",
            "/infor-motet/fraga/likes_tasks",
        ]
        assert all("answer_key=" in data for _, data in kept)
    finally:
        server.start()

    # Back: the phone tries again after the Retry-After seconds, by itself.
    sent = phone.locator("#connection-sent")
    expect(sent).to_be_visible(timeout=20_000)
    expect(sent).to_have_text("Sparat. Dina svar är skickade.")
    expect(status).to_be_hidden()
    heading(phone, "Får du göra saker som du gillar där?")
    axe_check(phone)
    assert stored(db) == [("how_it_is", ["good"]), ("likes_tasks", ["yes"])]
    assert phone.evaluate("localStorage.getItem('mina-steg-svar')") == "[]"
