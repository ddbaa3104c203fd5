"""Display choices in the browser: larger text and high contrast chosen on the page, saved,
and applied on every page; the phone's own reduced-motion and contrast settings honoured."""

import pytest
from playwright.sync_api import expect

from .steps import card_address, heading, log_in_with_card


@pytest.fixture
def anna(make_unit, make_participant):
    return make_participant("Anna", unit=make_unit("Kaféet"))


def font_size(page, selector="p"):
    return page.evaluate(
        f"parseFloat(getComputedStyle(document.querySelector('{selector}')).fontSize)"
    )


def test_larger_text_and_high_contrast_are_chosen_and_shown_everywhere(
    app, anna, new_page, axe_check, tmp_path
):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    normal = font_size(phone)
    phone.get_by_role("link", name="Så vill jag se det").click()
    heading(phone, "Så vill jag se det")
    axe_check(phone)
    phone.screenshot(path=tmp_path / "display-choices.png", full_page=True)

    large = phone.locator("button.toggle", has_text="Större text")
    expect(large).to_have_attribute("aria-pressed", "false")
    large.click()
    expect(large).to_have_attribute("aria-pressed", "true")
    expect(phone.locator("body")).to_have_class("participant large-text")
    phone.locator("button.toggle", has_text="Tydligare färger").click()
    expect(phone.locator("body")).to_have_class("participant large-text high-contrast")
    axe_check(phone)

    phone.get_by_role("link", name="Till start").click()
    heading(phone, "Hej Anna!")
    expect(phone.locator("body")).to_have_class("participant large-text high-contrast")
    assert font_size(phone) >= normal * 1.3, "the text is clearly larger"
    assert phone.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    axe_check(phone)
    phone.screenshot(path=tmp_path / "home-large-contrast.png", full_page=True)
    phone.get_by_role("link", name="Min bild").click()
    heading(phone, "Välj din bild")
    axe_check(phone)
    phone.screenshot(path=tmp_path / "picture-large-contrast.png")

    # A new login on another phone keeps the choice.
    other = new_page()
    log_in_with_card(other, card_address(app, anna))
    expect(other.locator("body")).to_have_class("participant large-text high-contrast")


def test_choices_work_without_javascript(app, anna, new_page):
    phone = new_page(java_script_enabled=False)
    log_in_with_card(phone, card_address(app, anna))
    phone.goto("/sa-vill-jag-se-det")
    phone.locator("button.toggle", has_text="Lugnare skärm").click()
    heading(phone, "Så vill jag se det")
    expect(phone.locator("button.toggle", has_text="Lugnare skärm")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(phone.locator("body")).to_have_class("participant reduce-motion")


def test_the_phones_own_contrast_setting_is_honoured_by_default(app, anna, new_page):
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    border = "getComputedStyle(document.querySelector('.tile')).borderTopWidth"
    before = phone.evaluate(border)
    phone.emulate_media(contrast="more")
    assert (before, phone.evaluate(border)) == ("2px", "3px")
    assert phone.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
