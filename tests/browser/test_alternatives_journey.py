"""Other paths at 360×740: Anna reads IWork's page (read-aloud is there), asks to know more; her
case officer sees it in the caseload and the brief and marks it followed up. Every catalogue page
is scanned with axe in Swedish and in English."""

import re

import pytest
from playwright.sync_api import expect

from .steps import card_address, heading, log_in_as_staff, log_in_with_card


@pytest.fixture
def people(make_unit, make_staff, make_participant, make_meeting):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    admin = make_staff("admin", username="ali")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    meeting = make_meeting(anna)
    return {"karin": karin, "admin": admin, "anna": anna, "meeting": meeting}


def test_participant_asks_about_iwork_and_the_case_officer_follows_up(
    app, new_page, people, axe_check
):
    page = new_page()
    log_in_with_card(page, card_address(app, people["anna"]))

    page.get_by_role("link", name="Andra vägar").click()
    heading(page, "Andra vägar")
    axe_check(page)
    expect(page.locator(".alternative-cards a")).to_have_count(11)
    page.get_by_role("link", name=re.compile("^IWork")).click()
    heading(page, "IWork")
    expect(page.get_by_role("button", name="Lyssna", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Kan jag komma tillbaka?")).to_be_visible()
    axe_check(page)
    # The two answers are equally big.
    yes = page.get_by_role("button", name="Jag vill veta mer", exact=True).bounding_box()
    no = page.get_by_role("link", name="Inte nu").bounding_box()
    assert yes["height"] >= 44 and no["height"] >= 44
    assert abs(yes["height"] - no["height"]) < 2 and abs(yes["width"] - no["width"]) < 2

    page.get_by_role("button", name="Jag vill veta mer", exact=True).click()
    heading(page, "Okej. Du vill veta mer.")
    expect(page.locator(".who-calls")).to_have_text(
        "Karin kontaktar dig. Hen är din handläggare på kommunen."
    )
    axe_check(page)

    # "Inte nu" on another alternative: a kind page, nothing stored.
    page.goto("/andra-vagar/samhall")
    page.get_by_role("link", name="Inte nu").click()
    heading(page, "Okej. Inte nu.")
    axe_check(page)

    # The case officer sees it in the caseload and the brief, and marks it followed up.
    officer = new_page()
    log_in_as_staff(officer, "karin")
    officer.goto("/personal/")
    row = officer.locator("tr", has_text="Anna")
    expect(row.locator(".flag-know-more")).to_have_text("Vill veta mer")
    axe_check(officer)
    row.get_by_role("link").nth(1).click()
    heading(officer, "Underlag: Anna")
    expect(officer.locator(".brief-interests")).to_contain_text("IWork")
    expect(officer.locator(".brief-interests")).to_contain_text("Inte uppföljt")
    axe_check(officer)
    printed = officer.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", printed)) == 1, "the brief prints on one A4"
    officer.get_by_role("link", name=re.compile("Markera som uppföljt")).click()
    axe_check(officer)
    officer.get_by_label("Skickat vidare till …").check()
    officer.get_by_label("Till vem, eller något mer").fill("IWork")
    officer.get_by_role("button", name="Spara").click()
    heading(officer, "Underlag: Anna")
    expect(officer.locator(".brief-interests .interest-done")).to_contain_text(
        "Skickat vidare till IWork"
    )
    officer.goto("/personal/")
    expect(officer.locator(".flag-know-more")).to_have_count(0)


def test_the_pages_work_without_javascript(app, new_page, people):
    page = new_page(java_script_enabled=False)
    log_in_with_card(page, card_address(app, people["anna"]))
    page.goto("/andra-vagar/komvux")
    heading(page, "Skola för vuxna i kommunen")
    page.get_by_role("button", name="Jag vill veta mer", exact=True).click()
    heading(page, "Okej. Du vill veta mer.")
    page.get_by_role("button", name=re.compile("Ångra")).click()
    heading(page, "Okej. Inte nu.")
