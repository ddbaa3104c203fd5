"""A supervisor helps Anna with the check-in on the supervisor's phone: the phone opens the
questions only, and goes back to the supervisor on "Klar"."""

from playwright.sync_api import expect

from tests.browser.steps import heading, log_in_as_staff


def test_the_supervisors_phone_opens_the_questions_only_and_goes_back_on_klar(
    db, new_page, axe_check, make_unit, make_staff, make_participant, make_meeting
):
    unit = make_unit("Kaféet")
    make_staff("supervisor", units=[unit], username="sara")
    anna = make_participant("Anna", unit=unit, case_officer=make_staff("case_officer"))
    make_meeting(anna)
    phone = new_page()
    log_in_as_staff(phone, "sara")
    phone.goto(f"/personal/deltagare/{anna.id}")
    phone.get_by_role("button", name="Hjälp Anna med frågorna").click()
    expect(phone.locator("form[data-offline]")).to_be_visible()
    # Nothing of Anna's is kept on the supervisor's phone: no service worker there.
    assert phone.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    axe_check(phone)

    new_page.expect_console_error(r"status of 403 .*/mina-uppgifter")
    phone.goto("/mina-uppgifter")
    heading(phone, "Den här sidan är stängd nu")
    axe_check(phone)
    phone.get_by_role("link", name="Till frågorna").click()
    expect(phone.locator("form[data-offline]")).to_be_visible()

    phone.goto("/infor-motet/svar")
    phone.get_by_role("button", name="Klar").click()
    heading(phone, "Tack!")
    expect(phone.get_by_text("Ge tillbaka telefonen till din handledare.")).to_be_visible()
    axe_check(phone)
    phone.get_by_role("link", name="Handledaren loggar in igen").click()
    heading(phone, "Logga in som personal")
