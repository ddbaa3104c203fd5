"""Staff login: passwords, sessions, timeouts, cookies, rate limits."""

from datetime import timedelta

from sqlmodel import select

from app import create_app
from app.config import Defaults
from app.models import AuditEvent, LoginSession, utcnow
from app.staff.accounts import hash_password
from tests.conftest import PASSWORD, page


def test_staff_log_in_with_username_and_password(client, make_staff, make_unit):
    make_staff("supervisor", units=[make_unit()], username="sara")
    response = client.post("/personal/logga-in", data={"username": "Sara", "password": PASSWORD})
    assert response.status_code == 303
    assert page(client.get("/personal/")).h1.get_text(strip=True) == "Mina enheter"


def test_wrong_password_and_unknown_user_get_the_same_message(client, db, make_staff):
    make_staff("case_officer", username="karin")
    answers = []
    for username, password in [("karin", "wrong password"), ("nobody", PASSWORD)]:
        response = client.post(
            "/personal/logga-in", data={"username": username, "password": password}
        )
        soup = page(response, status=422)
        assert soup.title.string.startswith("Fel:")
        assert soup.select_one("#username")["value"] == username, "the username is kept"
        assert not soup.select_one("#password").get("value"), "the password is never sent back"
        assert soup.select_one("#password")["aria-describedby"] == "password-error"
        assert soup.select_one(".error-summary a")["href"] == "#password"
        answers.append(soup.select_one("#password-error").get_text(" ", strip=True))
    assert answers[0] == answers[1] == "Fel: Fel användarnamn eller lösenord."
    failed = db.exec(select(AuditEvent).where(AuditEvent.action == "staff.login_failed")).all()
    assert len(failed) == 2
    assert db.exec(select(LoginSession)).all() == []


def test_empty_and_overlong_login_fields_are_refused_kindly(client):
    soup = page(client.post("/personal/logga-in", data={"username": "", "password": ""}), 422)
    assert (
        soup.select_one("#username-error").get_text(strip=True).endswith("Skriv ditt användarnamn.")
    )
    long_name = "x" * 500
    soup = page(
        client.post("/personal/logga-in", data={"username": long_name, "password": "p"}), 422
    )
    assert soup.select_one("#username-error")


def test_deactivated_staff_cannot_log_in_and_lose_open_logins(client, db, make_staff, login_as):
    karin = make_staff("case_officer")
    login_as(client, karin)
    karin.active = False
    db.add(karin)
    db.commit()
    assert client.get("/personal/").status_code == 302
    response = client.post(
        "/personal/logga-in", data={"username": karin.username, "password": PASSWORD}
    )
    assert response.status_code == 422


def test_login_renews_the_session_and_logout_deletes_it(client, db, make_staff, login_as):
    karin = make_staff("case_officer")
    client.get("/personal/logga-in")
    before = client.get_cookie("mina_steg").value
    login_as(client, karin)
    after = client.get_cookie("mina_steg").value
    assert before != after
    client.post("/logga-ut")
    login = db.exec(select(LoginSession)).one()
    assert login.ended_at is not None
    client.set_cookie("mina_steg", after)
    assert client.get("/personal/").status_code == 302


def test_staff_sessions_end_after_30_idle_minutes(client, db, make_staff, login_as):
    login_as(client, make_staff("case_officer"))
    login = db.exec(select(LoginSession)).one()
    login.last_seen_at = utcnow() - timedelta(minutes=31)
    db.add(login)
    db.commit()
    assert client.get("/personal/").status_code == 302


def test_staff_sessions_end_after_12_hours_however_active(client, db, make_staff, login_as):
    login_as(client, make_staff("case_officer"))
    login = db.exec(select(LoginSession)).one()
    login.created_at = utcnow() - timedelta(hours=12, minutes=1)
    db.add(login)
    db.commit()
    assert client.get("/personal/").status_code == 302


def test_staff_login_is_rate_limited(app, client, make_staff):
    app.config["STAFF_LOGIN_LIMIT"] = "2 per minute"
    make_staff("case_officer", username="karin")
    for _ in range(2):
        client.post("/personal/logga-in", data={"username": "karin", "password": "nope"})
    response = client.post("/personal/logga-in", data={"username": "karin", "password": PASSWORD})
    assert page(response, status=429).h1.get_text(strip=True) == "Vänta en liten stund"


def test_session_cookie_flags(database_url, make_staff):
    production = create_app(
        {"SECRET_KEY": "production-secret", "DATABASE_URL": database_url, "TESTING": True}
    )
    client = production.test_client()
    response = client.get("/personal/logga-in")
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    production.extensions["db_engine"].dispose()


def test_passwords_are_hashed_with_scrypt_at_full_cost_by_default(app, in_request):
    app.config["PASSWORD_HASH_METHOD"] = Defaults.PASSWORD_HASH_METHOD
    with in_request():
        hashed = hash_password("a long enough password")
    assert hashed.startswith("scrypt:32768:8:1$")
