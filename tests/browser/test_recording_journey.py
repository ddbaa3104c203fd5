"""An administrator records a text in the browser: from the list of texts, with the computer's
microphone (Chromium's stand-in device, a steady tone), listens to it and saves it; the
participant's phone then plays the recording."""

import re

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from app.db import get_session
from app.models import Role
from app.speech.models import Recording

from .steps import heading, log_in_as_staff


@pytest.fixture
def administrator(make_staff):
    return make_staff(Role.admin, username="admin")


def test_an_administrator_records_a_text_listens_and_saves_it(
    app, administrator, new_page, live_server, axe_check
):
    computer = new_page()
    computer.context.grant_permissions(["microphone"], origin=live_server)
    log_in_as_staff(computer, "admin")
    computer.get_by_role("link", name="Inspelade röster").click()
    heading(computer, "Uppläsning")
    computer.get_by_role("link", name=re.compile("^Spela in ")).first.click()
    heading(computer, "Spela in en text")
    text_key = computer.url.rsplit("/", 1)[1]
    axe_check(computer)

    computer.get_by_role("button", name="Spela in", exact=True).click()
    expect(computer.get_by_role("status")).to_have_text("Spelar in. Läs texten högt.")
    computer.wait_for_timeout(1500)
    computer.get_by_role("button", name="Sluta spela in").click()
    status = "Klart. Lyssna, och spara om det låter bra."
    expect(computer.get_by_role("status")).to_have_text(status)
    expect(computer.locator("audio[data-preview]")).to_be_visible()
    axe_check(computer)

    computer.get_by_role("button", name="Spara inspelningen").click()
    heading(computer, "Uppläsning")
    expect(computer.locator("tbody tr").last).to_contain_text("Ändra")
    with app.app_context():
        kept = get_session().exec(select(Recording)).all()
    assert [(r.language, r.text_key) for r in kept] == [("sv", text_key)]
    assert 1 <= kept[0].seconds <= 3, "the tone that was recorded, about 1.5 s of it"
