"""A passkey in Chromium, with its virtual authenticator standing in for the phone's lock: added
under Mitt konto, then used on its own from the login page and instead of the app's code after
the password; an answer sent again is refused; every page checked as the crawl checks pages.
WebAuthn needs a host name, not an address, so the pages are opened on localhost."""

from urllib.parse import parse_qsl

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from app.models import Passkey
from tests.conftest import PASSWORD
from tests.identity.helpers import events, unused_code, with_second_factor

from .steps import heading
from .test_crawl import NARROW, check_page


@pytest.fixture
def production(app):
    """Outside a local run: every password login needs the second factor."""
    app.config["LOCAL_RUN"] = False
    return app


def on_localhost(live_server: str) -> str:
    return live_server.replace("127.0.0.1", "localhost")


def with_authenticator(page) -> dict:
    """A platform authenticator (a fingerprint reader, say) that says yes when asked."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    found = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )
    return {"cdp": cdp, "id": found["authenticatorId"]}


def checked(page, axe_check, code="sv") -> None:
    """As the crawl checks a page: axe, 44 px targets, no sideways scrolling at 320 px."""
    page.set_viewport_size(NARROW)
    axe_check(page)
    assert check_page(page, code) == []


def password_step(page, base: str, username: str) -> None:
    page.goto(base + "/personal/logga-in")
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Logga in").click()


def test_a_passkey_is_added_and_then_used_alone_and_as_the_second_step(
    app, production, db, live_server, new_page, axe_check, make_staff
):
    karin = make_staff("case_officer", username="karin")
    with_second_factor(app, karin)
    base = on_localhost(live_server)
    page = new_page()
    authenticator = with_authenticator(page)

    password_step(page, base, "karin")
    heading(page, "Skriv koden från appen")
    expect(page.locator("[data-passkey]")).to_have_count(0)
    page.get_by_label("Skriv koden från appen").fill(unused_code(app, db, karin))
    page.get_by_role("button", name="Logga in").click()
    heading(page, "Mina deltagare")

    page.get_by_role("link", name="Mitt konto").click()
    heading(page, "Mitt konto")
    page.get_by_role("link", name="Lägg till en inloggningsnyckel").click()
    heading(page, "Lägg till en inloggningsnyckel")
    expect(page.get_by_text("Den här webbläsaren kan inte skapa")).to_be_hidden()
    checked(page, axe_check)
    # Staff pages are checked in Arabic too (right to left), as the crawl does.
    page.get_by_role("button", name="العربية").click()
    heading(page, "إضافة مفتاح مرور")
    checked(page, axe_check, "ar")
    page.get_by_role("button", name="Svenska").click()
    heading(page, "Lägg till en inloggningsnyckel")
    page.get_by_label("Namn på nyckeln").fill("Jobbdatorn")
    page.get_by_role("button", name="Skapa nyckeln").click()

    heading(page, "Mitt konto")
    expect(page.get_by_role("status")).to_contain_text("Inloggningsnyckeln är sparad")
    expect(page.locator("ul.passkeys")).to_contain_text("Jobbdatorn")
    checked(page, axe_check)
    [added] = events(db, "staff.passkey_added")
    assert (added.actor_id, added.detail) == (karin.id, "Jobbdatorn")
    made = authenticator["cdp"].send(
        "WebAuthn.getCredentials", {"authenticatorId": authenticator["id"]}
    )
    [kept] = db.exec(select(Passkey).where(Passkey.staff_id == karin.id)).all()
    count_when_added = kept.sign_count
    [on_device] = made["credentials"]
    assert kept.credential_id == on_device["credentialId"].rstrip("=").replace("+", "-").replace(
        "/", "_"
    ), "the device's key is the one kept"
    page.get_by_role("button", name="Logga ut").click()

    # The passkey alone: the device's lock and the key on it are both steps. The login page is
    # reached by a link, which loads it whole with its script.
    heading(page, "Logga in som personal")
    checked(page, axe_check)
    page.goto(base + "/")
    page.get_by_role("link", name="Logga in som personal").click()
    heading(page, "Logga in som personal")
    page.get_by_role("button", name="Använd inloggningsnyckeln").click()
    heading(page, "Mina deltagare")
    assert events(db, "staff.login")[-1].detail == "passkey, the device's lock"
    page.get_by_role("button", name="Logga ut").click()

    # After the password, instead of the app's code.
    password_step(page, base, "karin")
    heading(page, "Skriv koden från appen")
    checked(page, axe_check)
    before = page.context.storage_state()
    with page.expect_request("**/personal/tvastegs/nyckel") as sent:
        page.get_by_role("button", name="Använd inloggningsnyckeln").click()
    heading(page, "Mina deltagare")
    assert [e.detail for e in events(db, "staff.login")] == [
        "password, code app",
        "passkey, the device's lock",
        "password, passkey",
    ]

    db.expire_all()
    used = db.get(Passkey, kept.id)
    assert used.last_used_at is not None
    assert used.sign_count > count_when_added, "the device counts its signatures"

    # The same answer sent again, with the browser's cookies as they were: refused. Many passkeys
    # that travel between devices count nothing (their count stays 0), so a copy cannot be told
    # by its count; as for such a passkey, the kept count goes back to 0 first.
    used.sign_count = 0
    db.add(used)
    db.commit()
    copy = page.context.browser.new_context(storage_state=before)
    again = copy.request.post(
        base + "/personal/tvastegs/nyckel", form=dict(parse_qsl(sent.value.post_data))
    )
    copy.close()
    assert again.status == 422
    assert len(events(db, "staff.login")) == 3
    assert events(db, "staff.second_factor_failed")[-1].detail == "passkey"

    # The key is removed: the next login offers none, and the app's code works as before.
    page.get_by_role("link", name="Mitt konto").click()
    page.get_by_role("button", name="Ta bort Jobbdatorn").click()
    expect(page.get_by_role("status")).to_contain_text("Inloggningsnyckeln är borttagen")
    page.get_by_role("button", name="Logga ut").click()
    password_step(page, base, "karin")
    heading(page, "Skriv koden från appen")
    expect(page.locator("[data-passkey]")).to_have_count(0)
