"""My wishes at 360×740: the participant sorts cards one at a time, moves one on the overview
and writes a text of their own; the case officer sees the piles and the change. Every new page
is scanned with axe in Swedish and in English."""

import re

import pytest
from playwright.sync_api import expect

from .steps import card_address, heading, log_in_as_staff, log_in_with_card

# The first twelve cards of the default catalogue, and what Anna answers.
SORTING = [
    ("Djur", "Jag gillar"),
    ("Laga mat", "Jag gillar"),
    ("Kafé", "Jag vill prova"),
    ("Städa", "Jag gillar inte"),
    ("Trädgård", "Vet inte"),
    ("Datorer", "Jag vill prova"),
    ("Musik", "Jag gillar"),
    ("Bygga saker", None),  # skipped
    ("Affär", "Vet inte"),
    ("Återvinning", "Jag gillar inte"),
    ("Tvätta kläder", "Jag gillar inte"),
    ("Bilar", "Jag vill prova"),
    ("Måla och rita", "Jag gillar"),
]
OWN_WORDS = "Jag vill jobba med hästar."


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    admin = make_staff("admin", username="ali")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    return {"karin": karin, "admin": admin, "anna": anna}


def pile(page, key):
    """The words on the cards in one pile of the overview."""
    return page.locator(f"#pile-{key} ~ ul a")


def test_participant_sorts_cards_and_the_case_officer_sees_the_piles(
    app, new_page, people, axe_check
):
    page = new_page()
    log_in_with_card(page, card_address(app, people["anna"]), axe_check=axe_check)

    page.get_by_role("link", name="Mina önskemål").click()
    heading(page, "Mina önskemål")
    axe_check(page)
    page.get_by_role("link", name="Börja").click()

    # One card at a time; every choice is saved at once and the next card follows.
    for number, (word, answer) in enumerate(SORTING, start=1):
        heading(page, word)
        expect(page.locator(".wish-kicker")).to_have_text(f"Kort {number} av 30")
        if number in (1, len(SORTING)):
            axe_check(page)
        if answer is None:
            page.get_by_role("link", name="Hoppa över").click()
        else:
            page.get_by_role("button", name=answer, exact=True).click()
    heading(page, "Sport")
    assert page.url.endswith("/onskemal/kort/sport"), "the address follows the card"

    page.get_by_role("link", name="Se dina kort").click()
    heading(page, "Dina kort")
    axe_check(page)
    expect(pile(page, "like")).to_have_text(["Djur", "Laga mat", "Musik", "Måla och rita"])
    expect(pile(page, "not_sure")).to_have_text(["Trädgård", "Affär"])
    expect(pile(page, "dislike")).to_have_text(["Städa", "Återvinning", "Tvätta kläder"])
    expect(pile(page, "want_to_try")).to_have_text(["Kafé", "Datorer", "Bilar"])
    expect(pile(page, "unsorted").first).to_have_text("Bygga saker")

    # Anna changes her mind about music: the card opens, shows its pile, and moves.
    pile(page, "like").filter(has_text="Musik").click()
    heading(page, "Musik")
    expect(page.locator("button[aria-current]")).to_have_text("Jag gillar")
    expect(page.get_by_text("Du har valt: Jag gillar")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Jag gillar inte", exact=True).click()
    heading(page, "Dina kort")
    expect(pile(page, "like")).to_have_text(["Djur", "Laga mat", "Måla och rita"])
    expect(pile(page, "dislike")).to_have_text(["Städa", "Musik", "Återvinning", "Tvätta kläder"])

    # Something else, in her own words; too long a text is refused kindly and kept.
    page.get_by_role("link", name="Skriv något").click()
    heading(page, "Något annat?")
    axe_check(page)
    new_page.expect_console_error("status of 422")
    page.get_by_label("Något annat?").fill("Hästar. " * 40)
    page.get_by_role("button", name="Spara").click()
    expect(page.locator("#text-error")).to_contain_text("Texten är lite för lång")
    expect(page).to_have_title(re.compile("^Fel:"))
    axe_check(page)
    page.get_by_label("Något annat?").fill(OWN_WORDS)
    page.get_by_role("button", name="Spara").click()
    heading(page, "Dina kort")
    expect(page.locator(".wish-own-words")).to_have_text(OWN_WORDS)

    # The same pages in English (the card words come from the catalogue).
    page.goto("/sprak")
    page.get_by_role("button", name="English").click()
    page.goto("/onskemal")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    axe_check(page)
    page.goto("/onskemal/kort/djur")
    heading(page, "Animals")
    axe_check(page)
    page.goto("/onskemal/oversikt")
    expect(pile(page, "dislike").first).to_have_text("Cleaning")
    axe_check(page)
    page.goto("/onskemal/nagot-annat")
    axe_check(page)

    # The case officer sees the piles, the text and the change on the participant's page.
    officer = new_page()
    log_in_as_staff(officer, "karin", axe_check=axe_check)
    officer.get_by_role("link", name="Anna").click()
    heading(officer, "Anna")
    wishes = officer.locator("#wishes")
    expect(wishes.get_by_role("heading", name="Önskemål")).to_be_visible()
    expect(wishes.locator(".pile-like li")).to_have_text(["Djur", "Laga mat", "Måla och rita"])
    expect(wishes.locator(".pile-dislike li")).to_have_text(
        ["Städa", "Musik", "Återvinning", "Tvätta kläder"]
    )
    expect(wishes.locator(".wish-changes li").first).to_contain_text(
        "Musik: flyttat från Jag gillar till Jag gillar inte"
    )
    expect(wishes.locator(".wish-own-words")).to_have_text(OWN_WORDS)
    axe_check(officer)
    wishes.get_by_text("Hela historiken").click()
    expect(wishes.locator(".wish-history tbody tr")).to_have_count(14)
    axe_check(officer)
    officer.get_by_role("button", name="English").click()
    expect(officer.locator("html")).to_have_attribute("lang", "en")
    expect(officer.locator("#wishes .pile-like li").first).to_have_text("Animals")
    axe_check(officer)


def test_administrator_hides_a_card_and_a_form_with_errors_passes_axe(
    app, new_page, people, axe_check
):
    """The catalogue's pages are in the crawl; the form with its errors shown is not."""
    admin = new_page()
    log_in_as_staff(admin, "ali", axe_check=axe_check)
    admin.goto("/admin/onskemal-kort/ny")
    new_page.expect_console_error("status of 422")
    admin.locator("main form button[type=submit]").click()  # nothing filled in
    expect(admin.locator(".error-summary")).to_be_visible()
    axe_check(admin)

    admin.goto("/admin/onskemal-kort/bilar")
    admin.get_by_label("Nej, dölj kortet").check()
    admin.get_by_role("button", name="Spara").click()
    heading(admin, "Kort för önskemål")
    expect(admin.locator("tr.hidden-card")).to_contain_text("Bilar")

    participant = new_page()
    log_in_with_card(participant, card_address(app, people["anna"]), axe_check=axe_check)
    participant.goto("/onskemal/kort/tvatt")
    participant.get_by_role("button", name="Jag gillar", exact=True).click()
    heading(participant, "Måla och rita")  # Bilar is hidden: the walk goes round it


def test_sorting_works_without_javascript(app, new_page, people):
    """Every choice is a real form post; axe needs JavaScript, so this checks what is seen."""
    page = new_page(java_script_enabled=False)
    log_in_with_card(page, card_address(app, people["anna"]))
    page.goto("/onskemal")
    page.get_by_role("link", name="Börja").click()
    heading(page, "Djur")
    page.get_by_role("button", name="Jag gillar", exact=True).click()
    heading(page, "Laga mat")
    page.get_by_role("button", name="Jag vill prova", exact=True).click()
    heading(page, "Kafé")
    page.get_by_role("link", name="Se dina kort").click()
    pile(page, "like").filter(has_text="Djur").click()
    page.get_by_role("button", name="Vet inte", exact=True).click()
    heading(page, "Dina kort")
    expect(pile(page, "not_sure")).to_have_text(["Djur"])
    page.get_by_role("link", name="Skriv något").click()
    page.get_by_label("Något annat?").fill(OWN_WORDS)
    page.get_by_role("button", name="Spara").click()
    expect(page.locator(".wish-own-words")).to_have_text(OWN_WORDS)
    assert page.url.endswith("/onskemal/oversikt")
