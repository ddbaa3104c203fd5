"""The check-in on a phone whose wifi drops: two answers given offline are kept on the phone,
the screen says "Inte skickat än", and when the network is back both are stored, once each."""

from urllib.parse import parse_qs

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from app.checkins.models import CheckInAnswer

from .steps import card_address, heading, kept_by_the_service_worker, log_in_with_card


@pytest.fixture
def anna(make_unit, make_staff, make_participant, make_meeting):
    anna = make_participant(
        "Anna", unit=make_unit("Kaféet"), case_officer=make_staff("case_officer")
    )
    make_meeting(anna)
    return anna


def stored(db):
    db.expire_all()
    return [(a.question_key, a.choices) for a in db.exec(select(CheckInAnswer).order_by("id"))]


def test_two_answers_given_offline_are_stored_once_when_the_network_returns(
    app, db, anna, new_page, axe_check, tmp_path
):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna), axe_check=axe_check)
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.get_by_role("link", name="Inför mötet").click()
    phone.get_by_role("link", name="Börja").click()
    heading(phone, "Hur har du det på din dagliga verksamhet?")
    kept_by_the_service_worker(phone, "/infor-motet/fraga/likes_tasks")

    new_page.expect_console_error("ERR_INTERNET_DISCONNECTED|Failed to load resource|htmx:")
    phone.context.set_offline(True)
    phone.get_by_role("button", name="Bra", exact=True).click()
    status = phone.locator("#connection-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text("Inte skickat än.")
    expect(status).to_contain_text("Ditt svar finns kvar i telefonen.")
    expect(phone.get_by_role("button", name="Bra", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    axe_check(phone)

    # The next question comes from the phone itself.
    status.get_by_role("link", name="Gå vidare").click()
    heading(phone, "Får du göra saker som du gillar där?")
    expect(status).to_contain_text("Inte skickat än.")
    pictures = "[...document.querySelectorAll('#main img')].map(i => i.complete && i.naturalWidth)"
    phone.wait_for_function(f"() => {pictures}.every(Boolean)")
    phone.get_by_role("button", name="Ja", exact=True).click()
    expect(status).to_contain_text("Ditt svar finns kvar i telefonen.")
    axe_check(phone)
    phone.screenshot(path=tmp_path / "answered-offline.png")
    # Both answers wait on the phone, each with a key of its own. (The browser's offline mode may
    # let a request out and still tell the page it failed, as a real network can: the key keeps
    # such an answer from being stored twice.)
    kept = phone.evaluate("JSON.parse(localStorage.getItem('mina-steg-svar'))")
    assert [path for path, _ in kept] == [
        "/infor-motet/fraga/how_it_is",
        "/infor-motet/fraga/likes_tasks",
    ]
    assert len({parse_qs(data)["answer_key"][0] for _, data in kept}) == 2

    phone.context.set_offline(False)
    sent = phone.locator("#connection-sent")
    expect(sent).to_be_visible()
    expect(sent).to_have_text("Sparat. Dina svar är skickade.")
    expect(status).to_be_hidden()
    axe_check(phone)
    phone.screenshot(path=tmp_path / "sent.png")
    assert stored(db) == [("how_it_is", ["good"]), ("likes_tasks", ["yes"])]

    # Coming back online again, or reloading, sends nothing twice.
    phone.reload()
    heading(phone, "Får du göra saker som du gillar där?")
    phone.context.set_offline(True)
    phone.context.set_offline(False)
    phone.get_by_role("button", name="Ja", exact=True).click()
    heading(phone, "Känner du dig trygg där?")
    assert stored(db) == [("how_it_is", ["good"]), ("likes_tasks", ["yes"])]
    assert phone.evaluate("localStorage.getItem('mina-steg-svar')") == "[]"


def test_a_page_not_kept_shows_a_kind_page_not_an_error(app, anna, new_page, axe_check, tmp_path):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.goto("/")  # the first visit with the service worker in place keeps it
    phone.get_by_role("link", name="Så vill jag se det").click()
    heading(phone, "Så vill jag se det")
    new_page.expect_console_error("ERR_INTERNET_DISCONNECTED|Failed to load resource")
    phone.context.set_offline(True)
    phone.get_by_role("link", name="Till start").click()
    heading(phone, "Hej Anna!")  # kept from the first visit
    phone.goto("/infor-motet/svar")
    heading(phone, "Inget nät just nu")
    assert phone.evaluate("document.querySelector('.big-picture').naturalWidth") > 0
    axe_check(phone)
    phone.screenshot(path=tmp_path / "offline-page.png")
    phone.context.set_offline(False)


def test_logging_out_leaves_nothing_kept_on_the_phone(app, anna, new_page):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    phone.wait_for_function("() => navigator.serviceWorker.controller !== null")
    phone.goto("/min-bild")
    kept_by_the_service_worker(phone, "/min-bild")
    phone.get_by_role("button", name="Logga ut").click()
    phone.wait_for_url("**/")
    kept = phone.evaluate(
        "caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
        ".then(c => c.keys())))).then(lists => lists.flat().map(r => new URL(r.url).pathname))"
    )
    assert "/min-bild" not in kept and "/" not in kept
