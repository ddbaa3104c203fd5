"""Passkeys as the second factor: offered once the code app is set up, added and removed by
their owner only, offered at the code step, refused kindly when the browser's answer is missing
or forged, and gone after an administrator's reset. The whole ceremony with a real
authenticator is in tests/browser/test_passkey_journey.py (Chromium's virtual authenticator)."""

import json

from sqlmodel import select
from webauthn.helpers import bytes_to_base64url

from app.models import Passkey
from tests.conftest import page

from .helpers import events, with_second_factor
from .test_second_factor import logged_in, password_step

# An answer shaped as a browser sends it, signed by no key this site knows.
FORGED = json.dumps(
    {
        "id": "Zm9yZ2Vk",
        "rawId": "Zm9yZ2Vk",
        "type": "public-key",
        "response": {
            "clientDataJSON": "e30",
            "authenticatorData": "AAAA",
            "signature": "AAAA",
            "attestationObject": "oA",
        },
        "clientExtensionResults": {},
    }
)


def passkey_of(db, staff, name="Jobbtelefonen") -> Passkey:
    """A passkey row as a successful ceremony leaves it (its key is not used in these tests)."""
    credential_id = bytes_to_base64url(f"key of {staff.id}".encode())
    passkey = Passkey(staff_id=staff.id, credential_id=credential_id, public_key=b"key", name=name)
    db.add(passkey)
    db.commit()
    return passkey


def passkeys(db, staff) -> list[str]:
    db.expire_all()
    return [p.name for p in db.exec(select(Passkey).where(Passkey.staff_id == staff.id))]


def refused_kindly(response, other_way: str):
    """The page again (422), its title and its message saying the passkey did not work and
    which other way in there is."""
    soup = page(response, 422)
    assert soup.title.get_text().startswith("Fel: ")
    message = soup.select_one("[data-passkey-message]")
    assert not message.has_attr("hidden")
    assert "Inloggningsnyckeln gick inte att använda" in message.get_text()
    assert other_way in message.get_text()
    return soup


def test_the_account_page_offers_a_passkey_once_the_code_app_is_set_up(
    app, client, db, make_staff, login_as
):
    karin = make_staff("case_officer", username="karin")
    login_as(client, karin)  # a local run: no second factor yet
    soup = page(client.get("/personal/konto"))
    assert not soup.select_one("a[href='/personal/konto/nyckel']")
    assert client.get("/personal/konto/nyckel").headers["Location"] == "/personal/konto"

    with_second_factor(app, karin)
    soup = page(client.get("/personal/konto"))
    link = soup.select_one("a[href='/personal/konto/nyckel']")
    assert link.get_text(strip=True) == "Lägg till en inloggningsnyckel"
    boosted = client.get(link["href"], headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert boosted.headers["HX-Redirect"].endswith(link["href"]), "loaded whole: its script runs"
    soup = page(client.get("/personal/konto/nyckel"))
    box = soup.select_one("[data-passkey=register]")
    assert box.has_attr("hidden"), "without JavaScript no form that cannot work"
    options = json.loads(box["data-options"])
    assert options["rp"] == {"id": "localhost", "name": "Mina steg"}
    assert options["user"]["name"] == "karin"
    assert soup.select_one("[data-passkey-unsupported]"), "said until the script finds WebAuthn"


def test_adding_without_the_browsers_answer_keeps_the_name_and_says_what_to_do(
    app, client, db, make_staff, login_as
):
    karin = make_staff("case_officer", username="karin")
    login_as(client, karin)  # a local run: in before the code app is set up, and still in after
    with_second_factor(app, karin)
    client.get("/personal/konto/nyckel")
    for answer in ("", FORGED, "{not json"):
        response = client.post(
            "/personal/konto/nyckel", data={"name": "Jobbtelefonen", "credential": answer}
        )
        soup = page(response, 422)
        assert "Nyckeln blev inte sparad" in soup.select_one(".error-summary").get_text()
        assert soup.select_one("input[name=name]")["value"] == "Jobbtelefonen"
        client.get("/personal/konto/nyckel")  # the next try gets options of its own
    response = client.post("/personal/konto/nyckel", data={"name": " ", "credential": ""})
    assert "Skriv ett namn på nyckeln." in page(response, 422).select_one("#name-error").text
    long_name = client.post("/personal/konto/nyckel", data={"name": "x" * 61, "credential": ""})
    assert "Skriv högst 60 tecken." in page(long_name, 422).select_one("#name-error").text
    assert passkeys(db, karin) == []
    assert events(db, "staff.passkey_added") == []


def test_the_code_step_offers_the_accounts_passkeys_and_refuses_a_forged_answer(
    production, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    with_second_factor(client.application, karin)
    kept = passkey_of(db, karin)
    password_step(client, karin)

    soup = page(client.get("/personal/tvastegs"))
    offered = soup.select_one("[data-passkey=login]")
    options = json.loads(offered["data-options"])
    assert [key["id"] for key in options["allowCredentials"]] == [kept.credential_id]
    assert options["rpId"] == "localhost"
    assert offered.select_one("form[action='/personal/tvastegs/nyckel'] input[name=credential]")

    for answer in (FORGED, ""):
        response = client.post("/personal/tvastegs/nyckel", data={"credential": answer})
        soup = refused_kindly(response, "skriv koden från appen")
        assert soup.select_one("input[name=code]"), "the code from the app still works"
    assert not logged_in(client)
    failed = events(db, "staff.second_factor_failed")
    assert [e.detail for e in failed] == ["passkey", "passkey"]
    assert all(e.outcome == "failed" for e in failed)


def test_the_code_step_offers_no_passkey_to_an_account_without_one(production, client, make_staff):
    karin = make_staff("case_officer", username="karin")
    with_second_factor(client.application, karin)
    password_step(client, karin)
    soup = page(client.get("/personal/tvastegs"))
    assert not soup.select_one("[data-passkey]")
    assert not soup.select_one("script[src*=passkey]")


def test_without_the_password_step_there_is_no_passkey_step(production, client, make_staff):
    make_staff("case_officer", username="karin")
    response = client.post("/personal/tvastegs/nyckel", data={"credential": FORGED})
    assert response.headers["Location"] == "/personal/logga-in"


def test_only_its_owner_removes_a_passkey(app, client, db, make_staff, login_as):
    karin = make_staff("case_officer", username="karin")
    omar = make_staff("supervisor", username="omar")
    kept = passkey_of(db, karin)
    other = app.test_client()
    login_as(other, omar)
    response = other.post("/personal/konto/nyckel/ta-bort", data={"id": kept.id})
    assert response.status_code == 404
    assert passkeys(db, karin) == ["Jobbtelefonen"]

    login_as(client, karin)
    with_second_factor(app, karin)
    soup = page(client.get("/personal/konto"))
    assert "Jobbtelefonen" in soup.select_one("ul.passkeys").get_text()
    assert "Inte använd än." in soup.select_one("ul.passkeys").get_text()
    response = client.post("/personal/konto/nyckel/ta-bort", data={"id": kept.id})
    assert response.headers["Location"] == "/personal/konto?passkey=removed"
    assert "Inloggningsnyckeln är borttagen." in page(client.get(response.headers["Location"])).text
    assert passkeys(db, karin) == []
    [removed] = events(db, "staff.passkey_removed")
    assert (removed.actor_id, removed.detail) == (karin.id, "Jobbtelefonen")


def test_an_administrators_reset_of_the_second_factor_removes_the_passkeys(
    app, db, make_staff, login_as
):
    karin = make_staff("case_officer", username="karin")
    ali = make_staff("admin", username="ali")
    with_second_factor(app, karin)
    passkey_of(db, karin)
    admin = app.test_client()
    login_as(admin, ali)
    admin.post("/admin/personal/nollstall-tvastegs", data={"id": karin.id})
    assert passkeys(db, karin) == []


def test_the_login_page_offers_a_passkey_where_passwords_are_open_to_everyone(sso_app, client):
    soup = page(client.get("/personal/logga-in"))
    offered = soup.select_one("[data-passkey=login]")
    assert offered.has_attr("hidden"), "shown by the script, where the browser has WebAuthn"
    options = json.loads(offered["data-options"])
    assert options["rpId"] == "localhost"
    assert options["userVerification"] == "required", "the device's lock is the second step"
    assert not options.get("allowCredentials"), "no account is named: the person picks a key"
    assert soup.select_one("script[src*=passkey]")

    sso_app.config["PASSWORD_LOGIN"] = False  # single sign-on only (break-glass accounts aside)
    soup = page(client.get("/personal/logga-in"))
    assert not soup.select_one("[data-passkey]")


def test_a_passkey_login_with_a_forged_answer_is_refused_kindly(production, client, db):
    client.get("/personal/logga-in")
    response = client.post("/personal/logga-in/nyckel", data={"credential": FORGED})
    soup = refused_kindly(response, "logga in med lösenord")
    assert soup.select_one("input[name=username]"), "the password works as before"
    assert not logged_in(client)
    [failed] = events(db, "staff.login_failed")
    assert (failed.actor_id, failed.detail) == (None, "passkey")

    # Without the browser's answer nothing was tried: back to the login page, nothing logged.
    response = client.post("/personal/logga-in/nyckel", data={"credential": ""})
    assert response.headers["Location"] == "/personal/logga-in"
    assert len(events(db, "staff.login_failed")) == 1
