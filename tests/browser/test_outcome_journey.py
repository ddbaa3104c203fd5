"""After the meeting: the case officer previews what Anna will read (with its LIX) and marks
the meeting held; Anna's home shows what was decided, and she can hear it."""

import os
from pathlib import Path

from playwright.sync_api import expect

from .steps import card_address, heading, log_in_as_staff, log_in_with_card
from .test_read_aloud import FAKE_SPEECH, SWEDISH

SHOTS = Path(os.environ.get("OUTCOME_SCREENSHOTS", "/tmp/outcome-shots"))  # noqa: S108
AGREED = "Du ska prova att jobba i köket en dag i veckan."


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_agreed_line_reaches_annas_home_and_is_read_aloud(
    app, make_unit, make_staff, make_participant, make_meeting, new_page, axe_check
):
    cafe = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    anna = make_participant("Anna", unit=cafe, case_officer=karin)
    meeting = make_meeting(anna)
    make_meeting(anna, days_ahead=90)

    officer = new_page()
    log_in_as_staff(officer, "karin")
    officer.goto(f"/personal/moten/{meeting.id}")
    heading(officer, "Underlag: Anna")
    officer.get_by_label("Vad kom ni överens om?").fill(AGREED)
    officer.get_by_role("button", name="Visa hur deltagaren ser det").click()
    preview = officer.locator("#outcome-preview")
    expect(preview.locator(".outcome-agreed")).to_have_text(AGREED)
    expect(preview.locator(".lix")).to_have_text("LIX för raden: 11, mycket lätt att läsa.")
    expect(officer.get_by_label("Vad kom ni överens om?")).to_have_value(AGREED)
    axe_check(officer)
    shot(officer, "preview")
    officer.get_by_role("button", name="Mötet är hållet").click()
    expect(officer.get_by_text(f"Överenskommet: {AGREED}")).to_be_visible()

    phone = new_page()
    phone.add_init_script(FAKE_SPEECH + f"window.voices = {SWEDISH};")
    log_in_with_card(phone, card_address(app, anna))
    outcome = phone.locator(".outcome")
    expect(outcome.get_by_role("heading", name="Det här bestämde ni på mötet")).to_be_visible()
    expect(outcome.locator(".outcome-agreed")).to_have_text(AGREED)
    expect(outcome.locator(".outcome-next")).to_contain_text("Nästa möte:")
    axe_check(phone)
    shot(phone, "home")

    listen = phone.locator("[data-read-aloud]")
    listen.click()
    for _ in range(100):
        if AGREED in phone.evaluate("window.spoken.map(s => s.text)"):
            break
        phone.evaluate("window.finishSentence()")
    spoken = phone.evaluate("window.spoken.map(s => s.text)")
    assert "Det här bestämde ni på mötet" in spoken
    assert AGREED in spoken
