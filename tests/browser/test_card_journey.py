"""The card journey in a real browser at 360×740, checked with axe on every page.

An administrator sets up a unit, a supervisor and a participant; the supervisor prints the
participant's card; the participant logs in with it on their phone; the supervisor revokes it.
Then the same participant journey without JavaScript, and the switch to English.
"""

import re

import pytest
from playwright.sync_api import expect

from app import pictograms
from app.card_login import cards
from tests.conftest import PASSWORD

from .conftest import axe_check
from .steps import log_in_as_staff

SUPERVISOR_PASSWORD = "handledare-2024-lösen"


@pytest.fixture
def issued_tokens(monkeypatch):
    """The secrets of the cards the app issues during the test, newest last.

    The database keeps only a hash and the printed QR code is an image, so the test listens in
    on cards.issue (the live server runs in this process). The test then checks that the QR
    image on the print page is exactly the QR code of that card's address.
    """
    tokens = []
    issue = cards.issue

    def issue_and_remember(*args, **kwargs):
        card, token = issue(*args, **kwargs)
        tokens.append(token)
        return card, token

    monkeypatch.setattr(cards, "issue", issue_and_remember)
    return tokens


@pytest.fixture
def anna(make_unit, make_participant):
    """A participant set up directly in the database, for the journeys that start with a card."""
    return make_participant("Anna", unit=make_unit("Kaféet"), pictogram="person_sun")


# What a person sees ------------------------------------------------------------------------


def arrive_at(page, heading):
    """The page with this main heading is showing; it must pass axe."""
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    axe_check(page)


def see_welcome_page(page):
    arrive_at(page, "Välkommen till Mina steg")
    expect(page.get_by_role("link", name="Min bild")).to_have_count(0)
    expect(page.get_by_role("button", name="Logga ut")).to_have_count(0)


def see_home_tiles(page, name, base_url):
    arrive_at(page, f"Hej {name}!")
    expect(page).to_have_url(f"{base_url}/")
    expect(page.get_by_role("link", name="Min bild")).to_be_visible()
    expect(page.get_by_role("link", name="Språk")).to_be_visible()
    expect(page.get_by_role("button", name="Logga ut")).to_be_visible()


# What staff do -----------------------------------------------------------------------------


def log_out(page):
    page.get_by_role("button", name="Logga ut").click()


def add_unit(page, name):
    page.get_by_role("link", name="Lägg till enhet").click()
    expect(page).to_have_url(re.compile(r"/admin/enheter/ny$"))
    arrive_at(page, "Lägg till enhet")
    page.get_by_label("Enhetens namn").fill(name)
    page.get_by_role("button", name="Spara").click()
    arrive_at(page, "Administration")
    expect(page.get_by_role("listitem").filter(has_text=name)).to_be_visible()


def add_supervisor(page, name, username, unit) -> str:
    """Add the account; returns the one-time code the administrator hands over."""
    page.get_by_role("link", name="Lägg till personal").click()
    expect(page).to_have_url(re.compile(r"/admin/personal/ny$"))
    arrive_at(page, "Lägg till personal")
    page.get_by_label("Namn", exact=True).fill(name)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_role("radio", name="Handledare").check()
    page.get_by_role("checkbox", name=unit).check()
    page.get_by_role("button", name="Spara").click()
    arrive_at(page, f"Engångskod för {name}")
    code = page.locator(".login-code code").inner_text()
    page.goto("/admin/")
    arrive_at(page, "Administration")
    expect(page.get_by_role("row").filter(has_text=username)).to_contain_text("Handledare")
    return code


def first_login(page, username, code, password):
    """Log in with the administrator's one-time code and choose a password of one's own."""
    page.goto("/personal/logga-in")
    page.get_by_role("link", name="Jag har fått en engångskod").click()
    arrive_at(page, "Logga in med engångskod")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Engångskod").fill(code)
    page.get_by_role("button", name="Fortsätt").click()
    arrive_at(page, "Välj ett nytt lösenord")
    page.get_by_label("Välj ett nytt lösenord").fill(password)
    page.get_by_role("button", name="Spara lösenordet").click()


def add_participant(page, first_name, unit, picture):
    page.get_by_role("link", name="Lägg till deltagare").click()
    expect(page).to_have_url(re.compile(r"/admin/deltagare/ny$"))
    arrive_at(page, "Lägg till deltagare")
    page.get_by_label("Förnamn").fill(first_name)
    page.get_by_label("Enhet", exact=True).select_option(label=unit)
    page.get_by_role("radio", name=picture).check()
    page.get_by_role("button", name="Spara").click()
    arrive_at(page, first_name)


def open_participant_page(page, first_name):
    page.get_by_role("link", name=first_name, exact=True).click()
    arrive_at(page, first_name)


def print_new_card(page, first_name):
    page.get_by_role("button", name="Skapa nytt kort och skriv ut").click()
    arrive_at(page, "Skriv ut kort")
    card = page.get_by_role("region", name=f"Kort för {first_name}")
    expect(card).to_be_visible()
    expect(card.get_by_text(first_name, exact=True)).to_be_visible()
    expect(card.get_by_text("Skanna koden med din telefon")).to_be_visible()
    qr = card.get_by_role("img", name=f"QR-kod för {first_name}")
    expect(qr).to_be_visible()
    return qr


def revoke_card(page):
    cards_section = page.get_by_role("region", name="Inloggningskort")
    expect(cards_section.get_by_text("Fungerar", exact=True)).to_be_visible()
    cards_section.get_by_role("button", name="Spärra kortet").click()
    expect(cards_section.get_by_text("Spärrat", exact=True)).to_be_visible()
    expect(cards_section.get_by_role("button", name="Spärra kortet")).to_have_count(0)
    axe_check(page)


# What a participant does -------------------------------------------------------------------


def open_card(page, card_url, name):
    page.goto(card_url)
    arrive_at(page, f"Är du {name}?")


def say_it_is_me(page):
    page.get_by_role("button", name="Ja, det är jag").click()


# The journeys ------------------------------------------------------------------------------


def test_admin_sets_up_supervisor_prints_card_participant_logs_in_card_is_revoked(
    new_page, live_server, make_staff, issued_tokens
):
    admin = make_staff("admin")

    # The administrator sets up the unit, a supervisor and a participant.
    office = new_page()
    log_in_as_staff(office, admin.username, PASSWORD, axe_check=axe_check)
    arrive_at(office, "Administration")
    add_unit(office, "Trädgården")
    code = add_supervisor(office, "Sara Handledare", "sara", unit="Trädgården")
    add_participant(office, "Anna", unit="Trädgården", picture="Katt")
    log_out(office)
    arrive_at(office, "Logga in som personal")

    # The supervisor logs in for the first time and prints Anna's card.
    first_login(office, "sara", code, SUPERVISOR_PASSWORD)
    arrive_at(office, "Mina enheter")
    axe_check(office)
    open_participant_page(office, "Anna")
    qr = print_new_card(office, "Anna")
    card_url = f"{live_server}/k/{issued_tokens[-1]}"
    expect(qr).to_have_attribute("src", cards.qr_data_uri(card_url))

    # Anna scans the card with her own phone.
    phone = new_page()
    open_card(phone, card_url, "Anna")
    say_it_is_me(phone)
    see_home_tiles(phone, "Anna", live_server)
    assert issued_tokens[-1] not in phone.url

    # The supervisor stops the card.
    office.get_by_role("link", name="Klar").click()
    arrive_at(office, "Mina enheter")
    open_participant_page(office, "Anna")
    revoke_card(office)

    # Anna is logged out at her next page load, and the card no longer works.
    phone.reload()
    see_welcome_page(phone)
    # Chromium logs every 404 page load to the console; this one is the point of the step.
    new_page.expect_console_error(r"status of 404 .*\(at .*/k/")
    response = phone.goto(card_url)
    assert response.status == 404
    arrive_at(phone, "Kortet fungerar inte")


def check_page_structure(page):
    """What axe cannot check here: a language, a title, one main heading, named controls.

    axe cannot run with JavaScript turned off: Playwright can still evaluate code in the page,
    but timers do not fire, so axe.run() never finishes. A JavaScript-enabled copy of a
    logged-in page is not the same page either, so the pages without JavaScript get these
    checks instead (the same pages pass axe with JavaScript in the first test).
    """
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^(sv|en)$"))
    expect(page).to_have_title(re.compile(r"\S.* – Mina steg$"))
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(page.locator("img:not([alt])")).to_have_count(0)
    controls = page.locator("a, button, input:not([type=hidden]), select, textarea")
    for control in controls.filter(visible=True).all():
        expect(control).to_have_accessible_name(re.compile(r"\S"))


def arrive_without_javascript(page, heading):
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    check_page_structure(page)


def test_participant_journey_works_without_javascript(new_page, live_server, anna, make_card):
    _card, token = make_card(anna)
    phone = new_page(java_script_enabled=False)

    phone.goto(f"/k/{token}")
    arrive_without_javascript(phone, "Är du Anna?")
    say_it_is_me(phone)
    arrive_without_javascript(phone, "Hej Anna!")
    expect(phone).to_have_url(f"{live_server}/")
    expect(phone.get_by_role("button", name="Logga ut")).to_be_visible()

    phone.get_by_role("link", name="Min bild").click()
    arrive_without_javascript(phone, "Välj din bild")
    expect(phone.get_by_role("button", name="Sol")).to_have_attribute("aria-pressed", "true")
    phone.get_by_role("button", name="Katt").click()

    arrive_without_javascript(phone, "Hej Anna!")
    cat = pictograms.manifest()["person_cat"].removesuffix(".svg")
    greeting_picture = phone.get_by_role("main").locator("img").first
    expect(greeting_picture).to_have_attribute("src", re.compile(re.escape(cat) + r"\.\w+\.svg$"))
    phone.get_by_role("link", name="Min bild").click()
    arrive_without_javascript(phone, "Välj din bild")
    expect(phone.get_by_role("button", name="Katt")).to_have_attribute("aria-pressed", "true")


def expect_language_to_match(page, headings):
    """The page's lang attribute names the language its words are in, whichever it is.

    Pages loaded by hx-boost keep the old <html lang>, so a page whose language changes on the
    way (a language switch, a login or logout that forgets the choice) must be a full load.
    """
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(
        re.compile("^(" + "|".join(map(re.escape, headings.values())) + ")$")
    )
    shown = next(code for code, text in headings.items() if text == heading.inner_text())
    expect(page.locator("html")).to_have_attribute("lang", shown)
    axe_check(page)


def test_participant_switches_to_english(new_page, live_server, anna, make_card):
    _card, token = make_card(anna)
    phone = new_page()
    open_card(phone, f"/k/{token}", "Anna")
    say_it_is_me(phone)
    see_home_tiles(phone, "Anna", live_server)

    phone.get_by_role("link", name="Språk").click()
    expect(phone).to_have_url(f"{live_server}/sprak")
    arrive_at(phone, "Välj språk")
    phone.get_by_role("button", name="English").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Hello Anna!")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    axe_check(phone)
    expect(phone).to_have_title("Start – Mina steg")
    expect(phone.get_by_role("link", name="My picture")).to_be_visible()
    expect(phone.get_by_role("link", name="Language")).to_be_visible()
    expect(phone.get_by_role("button", name="Log out")).to_be_visible()

    phone.get_by_role("button", name="Log out").click()
    expect_language_to_match(
        phone, {"sv": "Välkommen till Mina steg", "en": "Welcome to Mina steg"}
    )


def test_staff_pages_keep_lang_right_through_login_and_logout(new_page, make_staff, make_unit):
    supervisor = make_staff("supervisor", units=[make_unit("Kaféet")])
    office = new_page()
    office.goto("/personal/logga-in")
    arrive_at(office, "Logga in som personal")
    office.get_by_role("button", name="English").click()
    expect(office.get_by_role("heading", level=1)).to_have_text("Log in as staff")
    expect(office.locator("html")).to_have_attribute("lang", "en")
    axe_check(office)

    office.get_by_label("Username").fill(supervisor.username)
    office.get_by_label("Password").fill(PASSWORD)
    office.get_by_role("button", name="Log in").click()
    expect_language_to_match(office, {"sv": "Mina enheter", "en": "My units"})

    office.get_by_role("button", name=re.compile(r"^(Logga ut|Log out)$")).click()
    expect_language_to_match(office, {"sv": "Logga in som personal", "en": "Log in as staff"})
