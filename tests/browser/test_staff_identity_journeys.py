"""Staff identity in Chromium at 360×740, every page of the app scanned with axe: single sign-on
with a real OpenID provider, the second factor outside a local run, recovery codes, an
administrator's one-time code and a weak password explained."""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from app.identity import sso
from tests.conftest import PASSWORD
from tests.identity.helpers import unused_code, with_second_factor
from tests.identity.provider import provider

from .steps import heading

GOOD = "kanot ljusstake tisdag"


@pytest.fixture
def production(app):
    """Outside a local run: every password login needs the second factor."""
    app.config["LOCAL_RUN"] = False
    return app


def only_this_machine(page):
    """Nothing leaves 127.0.0.1: the provider's page asks for a stylesheet from the internet,
    which gets an empty one instead."""

    def answer(route):
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/css", body="")

    page.context.route("**/*", answer)


def password_step(page, username, password=PASSWORD):
    page.goto("/personal/logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()


def test_single_sign_on_from_the_start_page_to_staff_home_and_back_out(
    app, db, new_page, axe_check, make_staff
):
    karin = make_staff("case_officer", username="karin")
    karin.sso_subject = "karin@kommun.example"
    db.add(karin)
    db.commit()
    with provider() as oidc:
        app.config.update(oidc.config())
        sso.init_app(app)
        page = new_page()
        only_this_machine(page)
        page.goto("/")
        axe_check(page)
        page.get_by_role("link", name="Logga in som personal").click()
        heading(page, "Logga in som personal")
        axe_check(page)
        page.get_by_role("link", name="Logga in med kommunens konto").click()

        # The provider's own page.
        page.wait_for_url(f"{oidc.issuer}/**")
        page.locator("input[name=sub]").fill("karin@kommun.example")
        page.get_by_role("button", name="Authorize").click()

        heading(page, "Mina deltagare")
        axe_check(page)
        page.get_by_role("link", name="Mitt konto").click()
        expect(page.locator("dl.facts")).to_contain_text("Med kommunens konto")
        axe_check(page)
        page.get_by_role("button", name="Logga ut").click()

        heading(page, "Logga in som personal")
        axe_check(page)
        page.get_by_role("link", name="Logga ut från kommunens inloggning också").click()
        page.wait_for_url(f"{oidc.issuer}/oauth2/end_session**")
        page.get_by_role("button", name="End session").click()
        heading(page, "Logga in som personal")
        page.goto("/personal/")
        heading(page, "Logga in som personal")


def test_a_password_login_sets_up_the_code_app_and_then_uses_it(
    app, production, db, new_page, axe_check, make_staff
):
    karin = make_staff("case_officer", username="karin")
    page = new_page()
    password_step(page, "karin")
    heading(page, "Ställ in tvåstegsverifiering")
    axe_check(page)
    expect(page.locator("img.setup-qr")).to_be_visible()
    page.get_by_label("Kod från appen").fill(unused_code(app, db, karin))
    page.get_by_role("button", name="Fortsätt").click()

    heading(page, "Spara dina reservkoder")
    axe_check(page)
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("link", name="Jag har sparat koderna").click()
    heading(page, "Mina deltagare")
    page.get_by_role("button", name="Logga ut").click()

    password_step(page, "karin")
    heading(page, "Skriv koden från appen")
    axe_check(page)
    page.get_by_label("Skriv koden från appen").fill(unused_code(app, db, karin))
    page.get_by_role("button", name="Logga in").click()
    heading(page, "Mina deltagare")


def test_a_wrong_code_is_refused_kindly(app, production, db, new_page, axe_check, make_staff):
    karin = make_staff("case_officer", username="karin")
    with_second_factor(app, karin)
    new_page.expect_console_error("status of 422")
    page = new_page()
    password_step(page, "karin")
    heading(page, "Skriv koden från appen")
    page.get_by_label("Skriv koden från appen").fill("000000")
    page.get_by_role("button", name="Logga in").click()

    expect(page).to_have_title("Fel: Skriv koden från appen – Mina steg")
    expect(page.locator(".error-summary")).to_contain_text("Koden stämmer inte")
    axe_check(page)
    page.get_by_label("Skriv koden från appen").fill(unused_code(app, db, karin))
    page.get_by_role("button", name="Logga in").click()
    heading(page, "Mina deltagare")


def test_a_recovery_code_works_once_and_is_refused_the_second_time(
    app, production, new_page, axe_check, make_staff
):
    karin = make_staff("case_officer", username="karin")
    codes = with_second_factor(app, karin)
    new_page.expect_console_error("status of 422")
    page = new_page()
    password_step(page, "karin")
    page.get_by_role("link", name="Jag har inte telefonen med appen").click()
    heading(page, "Skriv en reservkod")
    axe_check(page)
    page.get_by_label("Skriv en reservkod").fill(codes[0])
    page.get_by_role("button", name="Logga in").click()
    heading(page, "Mina deltagare")
    page.get_by_role("button", name="Logga ut").click()

    password_step(page, "karin")
    page.get_by_role("link", name="Jag har inte telefonen med appen").click()
    page.get_by_label("Skriv en reservkod").fill(codes[0])
    page.get_by_role("button", name="Logga in").click()
    expect(page.locator(".error-summary")).to_contain_text("redan använd")
    axe_check(page)


def test_a_one_time_code_from_an_administrator_leads_to_a_password_of_ones_own(
    app, production, db, new_page, axe_check, make_staff
):
    karin = make_staff("case_officer", username="karin")
    ali = make_staff("admin", username="ali")
    with_second_factor(app, ali)
    admin = new_page()
    password_step(admin, "ali")
    admin.get_by_label("Skriv koden från appen").fill(unused_code(app, db, ali))
    admin.get_by_role("button", name="Logga in").click()
    heading(admin, "Administration")
    admin.get_by_role("link", name="Karin").first.click()
    axe_check(admin)
    admin.get_by_role("button", name="Ge en engångskod").click()
    heading(admin, "Engångskod för Karin")
    axe_check(admin)
    code = admin.locator(".login-code code").inner_text()

    page = new_page()
    page.goto("/personal/logga-in")
    page.get_by_role("link", name="Jag har fått en engångskod").click()
    heading(page, "Logga in med engångskod")
    axe_check(page)
    page.get_by_label("Användarnamn").fill("karin")
    page.get_by_label("Engångskod").fill(code)
    page.get_by_role("button", name="Fortsätt").click()
    heading(page, "Välj ett nytt lösenord")
    axe_check(page)
    page.get_by_label("Välj ett nytt lösenord").fill(GOOD)
    page.get_by_role("button", name="Spara lösenordet").click()
    heading(page, "Ställ in tvåstegsverifiering")
    page.get_by_label("Kod från appen").fill(unused_code(app, db, karin))
    page.get_by_role("button", name="Fortsätt").click()
    heading(page, "Spara dina reservkoder")


def test_a_weak_password_is_refused_with_its_reason(new_page, axe_check, make_staff):
    make_staff("case_officer", username="karin")
    new_page.expect_console_error("status of 422")
    page = new_page()
    password_step(page, "karin")
    heading(page, "Mina deltagare")
    page.get_by_role("link", name="Mitt konto").click()
    heading(page, "Mitt konto")
    axe_check(page)
    page.get_by_role("link", name="Byt lösenord").click()
    heading(page, "Byt lösenord")
    axe_check(page)
    page.get_by_label("Nuvarande lösenord").fill(PASSWORD)
    page.get_by_label("Nytt lösenord").fill("password1234")
    page.get_by_role("button", name="Byt lösenord").click()

    message = page.locator("#password-error")
    expect(message).to_contain_text("Det liknar ett lösenord som många använder.")
    expect(message).to_contain_text("Välj några ord som inte hör ihop")
    axe_check(page)
    page.get_by_label("Nuvarande lösenord").fill(PASSWORD)
    page.get_by_label("Nytt lösenord").fill(GOOD)
    page.get_by_role("button", name="Byt lösenord").click()
    heading(page, "Mitt konto")
    expect(page.get_by_role("status")).to_contain_text("Ditt lösenord är bytt")
