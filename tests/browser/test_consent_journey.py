"""Vem får se? at 360×740: Anna turns off "my supervisor sees my check-ins", her supervisor
sees that the answers are hidden; Anna turns it back on and the supervisor sees them. An auditor
finds both looks in the access report. Every new page is scanned with axe."""

from pathlib import Path

from playwright.sync_api import expect
from sqlmodel import select

from app.consent.models import ConsentEvent
from tests.meetings.test_brief import answered

from .steps import card_address, heading, log_in_as_staff, log_in_with_card

HIDDEN = "Dolt. Anna har inte sagt ja till att du ser det."


def people_with_answers(db, make_unit, make_staff, make_participant, make_meeting):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    make_staff("supervisor", units=[unit], username="sara")
    make_staff("auditor", username="greta")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    answered(db, make_meeting(anna), {"how_it_is": ["good"], "feels_safe": ["yes"]})
    # Anna said yes to sharing her check-ins some time ago.
    db.add(ConsentEvent(participant_id=anna.id, unit_id=unit.id, area="checkins", given=True))
    db.commit()
    return anna


def answer(page, area, word):
    page.locator(f"#area-{area}").get_by_role("button", name=word, exact=True).click()


def expect_chosen(page, area, word):
    button = page.locator(f"#area-{area}").get_by_role("button", name=word, exact=True)
    expect(button).to_have_attribute("aria-pressed", "true")


def test_anna_decides_and_the_supervisor_and_the_auditor_see_it(
    app, db, new_page, axe_check, make_unit, make_staff, make_participant, make_meeting
):
    anna = people_with_answers(db, make_unit, make_staff, make_participant, make_meeting)
    phone = new_page()
    log_in_with_card(phone, card_address(app, anna))
    phone.get_by_role("link", name="Vem får se?").click()
    heading(phone, "Vem får se?")
    expect_chosen(phone, "checkins", "Ja")
    axe_check(phone)

    # Anna turns it off: saved at once, "Nej" is chosen.
    answer(phone, "checkins", "Nej")
    expect(phone.locator("#area-checkins .save-status")).to_have_text("Sparat")
    expect_chosen(phone, "checkins", "Nej")
    axe_check(phone)

    sara = new_page()
    log_in_as_staff(sara, "sara")
    sara.goto(f"/personal/deltagare/{anna.id}")
    heading(sara, "Anna")
    checkins = sara.locator("#shared-checkins + p")
    expect(checkins).to_have_text(HIDDEN)
    expect(sara.locator("#shared-answer-how_it_is")).to_have_count(0)
    axe_check(sara)

    # Anna turns it back on; the supervisor sees the answers.
    answer(phone, "checkins", "Ja")
    expect(phone.locator("#area-checkins .save-status")).to_have_text("Sparat")
    expect_chosen(phone, "checkins", "Ja")
    sara.reload()
    expect(sara.locator("#shared-answer-how_it_is")).to_be_visible()
    expect(sara.locator("#shared .consent-hidden")).to_have_count(2)  # wishes, goals: still no
    axe_check(sara)

    given = [c.given for c in db.exec(select(ConsentEvent).order_by(ConsentEvent.id))]
    assert given == [True, False, True]

    greta = new_page()
    log_in_as_staff(greta, "greta")
    heading(greta, "Åtkomstloggar")
    axe_check(greta)
    greta.get_by_label("Deltagare", exact=True).select_option(label=f"Anna (nr {anna.id})")
    greta.get_by_role("button", name="Visa rapporten för deltagaren").click()
    heading(greta, f"Åtkomst till Anna (nr {anna.id})")
    axe_check(greta)
    sara_rows = greta.locator("table.access-log tbody tr", has_text="Sara")
    expect(sara_rows.filter(has_text="Öppnade deltagarens sida")).to_have_count(2)
    expect(sara_rows.filter(has_text="Såg svar inför mötet (med samtycke)")).to_have_count(1)

    # A bad date is kindly refused (422) and stays in the field.
    new_page.expect_console_error(r"status of 422 .*/granskning/deltagare")
    greta.get_by_label("Från och med").fill("2026-02-01")
    greta.get_by_label("Till och med").fill("2026-01-01")
    greta.get_by_role("button", name="Visa", exact=True).click()
    expect(greta.locator(".error-summary")).to_contain_text("kan inte vara före")
    expect(greta.get_by_label("Till och med")).to_have_value("2026-01-01")
    axe_check(greta)

    with greta.expect_download() as download:
        greta.goto(f"/granskning/deltagare?id={anna.id}")
        greta.get_by_role("link", name="Ladda ner som CSV").click()
    assert download.value.suggested_filename == f"atkomst-deltagare-{anna.id}.csv"
    assert "Såg svar inför mötet" in Path(download.value.path()).read_text(encoding="utf-8")


def test_anna_decides_without_javascript(
    app, db, new_page, make_unit, make_staff, make_participant, make_meeting
):
    anna = people_with_answers(db, make_unit, make_staff, make_participant, make_meeting)
    phone = new_page(java_script_enabled=False)
    log_in_with_card(phone, card_address(app, anna))
    phone.goto("/vem-far-se")
    heading(phone, "Vem får se?")
    answer(phone, "wishes", "Ja")
    heading(phone, "Vem får se?")
    expect(phone.locator("#area-wishes .save-status")).to_have_text("Sparat")
    expect_chosen(phone, "wishes", "Ja")
    answer(phone, "wishes", "Nej")
    expect_chosen(phone, "wishes", "Nej")
    given = [(c.area, c.given) for c in db.exec(select(ConsentEvent).order_by(ConsentEvent.id))]
    assert given == [("checkins", True), ("wishes", True), ("wishes", False)]
