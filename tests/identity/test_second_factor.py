"""The second factor: outside a local run every password login sets up the code app at first
and then asks for its code; recovery codes work once; an administrator's reset starts over; the
code app's secret is kept sealed."""

import pyotp
from sqlmodel import select

from app.models import AuditEvent, LoginSession, RecoveryCode, StaffUser, utcnow
from tests.conftest import PASSWORD, page

from .helpers import code_now, events, secret_of


def password_step(client, staff, password=PASSWORD):
    return client.post(
        "/personal/logga-in", data={"username": staff.username, "password": password}
    )


def logged_in(client) -> bool:
    return client.get("/personal/").status_code == 200


def set_up(client, db, staff) -> list[str]:
    """Log in for the first time and set up the code app; returns the recovery codes."""
    assert password_step(client, staff).headers["Location"] == "/personal/tvastegs/ny"
    soup = page(client.get("/personal/tvastegs/ny"))
    secret = soup.select_one(".setup-key").get_text(strip=True)
    assert secret == secret_of(client.application, db, staff)
    assert soup.select_one("img.setup-qr")["src"].startswith("data:image/svg+xml;base64,")
    soup = page(client.post("/personal/tvastegs/ny", data={"code": code_now(secret)}))
    return [code.get_text(strip=True) for code in soup.select(".recovery-codes code")]


def test_the_first_login_sets_up_the_code_app_and_shows_ten_recovery_codes_once(
    production, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    codes = set_up(client, db, karin)
    assert len(codes) == len(set(codes)) == 10
    assert logged_in(client)
    stored = db.exec(select(RecoveryCode).where(RecoveryCode.staff_id == karin.id)).all()
    assert len(stored) == 10
    assert not {row.code_hash for row in stored} & set(codes), "only hashes are kept"
    assert [e.detail for e in events(db, "staff.login")] == ["password, code app set up"]
    assert len(events(db, "staff.second_factor_setup")) == 1
    assert codes[0] not in str([(e.detail, e.action) for e in db.exec(select(AuditEvent))])


def test_after_setup_a_password_alone_is_not_enough(production, client, db, make_staff):
    karin = make_staff("case_officer", username="karin")
    set_up(client, db, karin)
    client.post("/logga-ut")

    response = password_step(client, karin)
    assert response.headers["Location"] == "/personal/tvastegs"
    assert not logged_in(client), "nobody is logged in between the steps"
    assert page(client.get("/personal/tvastegs")).h1.get_text(strip=True) == (
        "Skriv koden från appen"
    )
    # The code used at setup is spent; the next one from the app works.
    secret = secret_of(client.application, db, karin)
    wrong = page(client.post("/personal/tvastegs", data={"code": code_now(secret)}), 422)
    assert wrong.select_one("#code-error")
    assert client.post("/personal/tvastegs", data={"code": code_now(secret, 1)}).status_code == 303
    assert logged_in(client)
    assert events(db, "staff.login")[-1].detail == "password, code app"
    assert len(events(db, "staff.second_factor_failed")) == 1


def test_a_recovery_code_works_once(production, client, db, make_staff):
    karin = make_staff("case_officer", username="karin")
    codes = set_up(client, db, karin)
    client.post("/logga-ut")

    password_step(client, karin)
    response = client.post("/personal/tvastegs/reservkod", data={"code": codes[3].upper()})
    assert response.status_code == 303
    assert logged_in(client)
    assert events(db, "staff.login")[-1].detail == "password, recovery code"
    client.post("/logga-ut")

    password_step(client, karin)
    again = page(client.post("/personal/tvastegs/reservkod", data={"code": codes[3]}), 422)
    assert "redan använd" in again.select_one("#code-error").get_text()
    assert not logged_in(client)


def test_without_the_password_step_there_is_no_code_step(production, client, make_staff):
    make_staff("case_officer", username="karin")
    for path in ("/personal/tvastegs", "/personal/tvastegs/reservkod", "/personal/tvastegs/ny"):
        assert client.get(path).headers["Location"] == "/personal/logga-in"
        assert client.post(path, data={"code": "123456"}).status_code == 302


def test_wrong_codes_are_limited_per_account(production, app, client, db, make_staff):
    app.config["SECOND_FACTOR_LIMIT"] = "3 per minute"
    karin = make_staff("case_officer", username="karin")
    set_up(client, db, karin)
    client.post("/logga-ut")
    password_step(client, karin)
    for _ in range(3):
        assert client.post("/personal/tvastegs", data={"code": "000000"}).status_code == 422
    secret = secret_of(client.application, db, karin)
    response = client.post("/personal/tvastegs", data={"code": code_now(secret, 1)})
    assert page(response, 429).h1.get_text(strip=True) == "Vänta en liten stund"


def test_an_administrators_reset_means_a_new_setup(production, client, db, make_staff, login_as):
    karin = make_staff("case_officer", username="karin")
    ali = make_staff("admin", username="ali")
    set_up(client, db, karin)
    old_secret = secret_of(client.application, db, karin)

    admin = client.application.test_client()
    admin.application.config["LOCAL_RUN"] = True  # the admin logs in as in the other tests
    login_as(admin, ali)
    admin.application.config["LOCAL_RUN"] = False
    soup = page(admin.get(f"/admin/personal/andra?id={karin.id}"))
    assert soup.select_one("form[action='/admin/personal/nollstall-tvastegs']")
    admin.post("/admin/personal/nollstall-tvastegs", data={"id": karin.id})

    assert not logged_in(client), "whoever has the phone is logged out"
    assert not db.exec(select(RecoveryCode).where(RecoveryCode.staff_id == karin.id)).all()
    [reset] = events(db, "staff.second_factor_reset")
    assert (reset.actor_id, reset.account_id) == (ali.id, karin.id)
    set_up(client, db, karin)
    assert secret_of(client.application, db, karin) != old_secret


def test_a_local_run_lets_accounts_without_a_second_factor_in_and_says_so(
    app, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    soup = page(client.get("/personal/logga-in"))
    assert "I drift krävs alltid ett andra steg" in soup.main.get_text(" ", strip=True)
    assert password_step(client, karin).headers["Location"] == "/personal/"
    assert events(db, "staff.login")[0].detail == "password, no second factor (local run)"

    # Outside a local run the page says nothing of it, and the same account must set one up.
    client.post("/logga-ut")
    app.config["LOCAL_RUN"] = False
    soup = page(client.get("/personal/logga-in"))
    assert "Lokal körning" not in soup.main.get_text(" ", strip=True)
    assert password_step(client, karin).headers["Location"] == "/personal/tvastegs/ny"
    assert db.exec(select(LoginSession)).all()[-1].ended_at is not None


def test_an_account_with_a_second_factor_needs_it_in_a_local_run_too(client, db, make_staff):
    karin = make_staff("case_officer", username="karin")
    app = client.application
    app.config["LOCAL_RUN"] = False
    set_up(client, db, karin)
    client.post("/logga-ut")
    app.config["LOCAL_RUN"] = True
    assert password_step(client, karin).headers["Location"] == "/personal/tvastegs"


def stored_secret(db, staff) -> str:
    """The column as a copy of the database shows it."""
    db.expire_all()
    return db.get(StaffUser, staff.id).totp_secret


def test_the_code_apps_secret_is_kept_sealed_and_only_the_apps_key_opens_it(
    production, monkeypatch, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    set_up(client, db, karin)
    secret = secret_of(client.application, db, karin)
    stored = stored_secret(db, karin)
    assert len(secret) == 32
    assert secret not in stored
    assert stored.startswith("gAAAAA"), "a Fernet token"
    monkeypatch.setitem(client.application.config, "SECRET_KEY", "another-secret-key")
    assert secret_of(client.application, db, karin) is None


def test_after_the_secret_key_changed_codes_are_refused_and_a_recovery_code_still_works(
    production, monkeypatch, caplog, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    codes = set_up(client, db, karin)
    secret = secret_of(client.application, db, karin)
    client.post("/logga-ut")
    monkeypatch.setitem(client.application.config, "SECRET_KEY", "another-secret-key")

    password_step(client, karin)
    wrong = page(client.post("/personal/tvastegs", data={"code": code_now(secret, 1)}), 422)
    assert wrong.select_one("#code-error")
    assert "the secret key has changed" in caplog.text
    assert secret not in caplog.text
    assert client.post("/personal/tvastegs/reservkod", data={"code": codes[0]}).status_code == 303
    assert logged_in(client)


def test_a_secret_stored_before_sealing_works_and_is_sealed_at_its_first_use(
    production, client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    secret = pyotp.random_base32()
    account = db.get(StaffUser, karin.id)
    account.totp_secret, account.totp_confirmed_at = secret, utcnow()
    db.add(account)
    db.commit()

    assert password_step(client, karin).headers["Location"] == "/personal/tvastegs"
    assert client.post("/personal/tvastegs", data={"code": code_now(secret)}).status_code == 303
    assert logged_in(client)
    assert stored_secret(db, karin).startswith("gAAAAA")
    assert secret_of(client.application, db, karin) == secret
