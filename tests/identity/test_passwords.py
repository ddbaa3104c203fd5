"""Passwords the person chooses: a change page, a first login that chooses one, an
administrator's one-time code instead of a password, and a strength check that explains."""

from datetime import timedelta

import pytest
from sqlmodel import select

from app.identity import passwords
from app.models import LoginSession, StaffUser, utcnow
from tests.conftest import PASSWORD, page
from tests.identity.helpers import events

GOOD = "kanot ljusstake tisdag"


def open_logins(db, staff):
    db.expire_all()
    return db.exec(
        select(LoginSession).where(
            LoginSession.staff_id == staff.id, LoginSession.ended_at.is_(None)
        )
    ).all()


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("kort", "minst 12 tecken"),
        ("password1234", "lösenord som många använder"),
        ("aaaaaaaaaaaa", "Upprepningar"),
        ("abcdefghijklmn", "Följder"),
        ("asdfghjkl;lk", "Tangenter"),
        ("hejhejhejhej", "Upprepningar"),
        ("karin.handlaggare", "ditt namn, ditt användarnamn"),
    ],
)
def test_weak_passwords_are_refused_with_their_reason(
    app, in_request, make_staff, password, reason
):
    karin = make_staff("case_officer", username="karin")
    with in_request():
        weakness = passwords.weakness(password, karin)
    assert weakness and reason in weakness


def test_a_long_unusual_password_is_good(app, in_request, make_staff):
    with in_request():
        assert passwords.weakness(GOOD, make_staff("case_officer")) is None


def test_changing_the_password_needs_the_current_one_and_ends_other_logins(
    app, client, db, make_staff, login_as
):
    karin = make_staff("case_officer", username="karin")
    other_device = app.test_client()
    login_as(other_device, karin)
    login_as(client, karin)
    soup = page(client.get("/personal/konto"))
    assert soup.select_one("a[href='/personal/konto/losenord']")

    wrong = page(
        client.post(
            "/personal/konto/losenord", data={"current_password": "nope", "password": GOOD}
        ),
        422,
    )
    assert wrong.select_one("#current_password-error")
    weak = page(
        client.post(
            "/personal/konto/losenord",
            data={"current_password": PASSWORD, "password": "password1234"},
        ),
        422,
    )
    assert "lösenord som många använder" in weak.select_one("#password-error").get_text()
    assert not weak.select_one("#password").get("value"), "a password is never sent back"

    response = client.post(
        "/personal/konto/losenord", data={"current_password": PASSWORD, "password": GOOD}
    )
    assert response.status_code == 303
    assert page(client.get("/personal/konto")).select_one(".notice[role=status]")
    assert other_device.get("/personal/").status_code == 302, "the other login ended"
    assert len(open_logins(db, karin)) == 1
    [change] = events(db, "staff.password_change")
    assert (change.actor_id, change.detail) == (karin.id, "changed by the person")
    client.post("/logga-ut")
    login_as(client, karin, password=GOOD)


def test_a_new_account_gets_a_one_time_code_and_chooses_its_own_password(
    client, db, make_staff, login_as
):
    ali = make_staff("admin", username="ali")
    login_as(client, ali)
    soup = page(
        client.post(
            "/admin/personal/ny",
            data={"display_name": "Nora Ny", "username": "nora", "role": "case_officer"},
        )
    )
    code = soup.select_one(".login-code code").get_text(strip=True)
    nora = db.exec(select(StaffUser).where(StaffUser.username == "nora")).one()
    assert nora.password_hash is None and nora.must_change_password
    [created] = events(db, "staff.create")[-1:]
    assert (created.actor_id, created.account_id, created.detail) == (
        ali.id,
        nora.id,
        "role case_officer",
    )
    assert code not in str([e.detail for e in events(db, "staff.password_reset")])
    client.post("/logga-ut")

    wrong = client.post("/personal/engangskod", data={"username": "nora", "code": "AAAA-BBBB"})
    assert page(wrong, 422).select_one("#code-error")
    response = client.post(
        "/personal/engangskod", data={"username": "Nora", "code": code.lower().replace("-", "")}
    )
    assert response.headers["Location"] == "/personal/nytt-losenord"
    assert client.get("/personal/").status_code == 302, "not logged in yet"
    weak = client.post("/personal/nytt-losenord", data={"password": "nora nora nora"})
    assert "ditt namn" in page(weak, 422).select_one("#password-error").get_text()
    assert client.post("/personal/nytt-losenord", data={"password": GOOD}).status_code == 303
    assert client.get("/personal/").status_code == 200
    assert events(db, "staff.login")[-1].detail == "one-time code, no second factor (local run)"
    client.post("/logga-ut")

    # The code is spent; the new password works.
    again = client.post("/personal/engangskod", data={"username": "nora", "code": code})
    assert again.status_code == 422
    login_as(client, nora, password=GOOD)


def test_an_administrators_reset_stops_the_old_password_and_lasts_a_day(
    app, client, db, make_staff, login_as
):
    karin = make_staff("case_officer", username="karin")
    ali = make_staff("admin", username="ali")
    karin_device = app.test_client()
    login_as(karin_device, karin)
    login_as(client, ali)
    soup = page(client.post("/admin/personal/engangskod", data={"id": karin.id}))
    code = soup.select_one(".login-code code").get_text(strip=True)
    assert "24 timmar" in soup.main.get_text(" ", strip=True)
    assert karin_device.get("/personal/").status_code == 302, "her logins ended"
    [reset] = events(db, "staff.password_reset")
    assert (reset.actor_id, reset.account_id) == (ali.id, karin.id)

    refused = karin_device.post(
        "/personal/logga-in", data={"username": "karin", "password": PASSWORD}
    )
    assert refused.status_code == 422, "the old password no longer works"

    db.expire_all()
    stored = db.get(StaffUser, karin.id)
    stored.reset_code_expires_at = utcnow() - timedelta(minutes=1)
    db.add(stored)
    db.commit()
    late = karin_device.post("/personal/engangskod", data={"username": "karin", "code": code})
    assert "för gammal" in page(late, 422).select_one("#code-error").get_text()


def test_an_account_whose_password_someone_else_chose_chooses_a_new_one_first(
    client, db, make_staff
):
    karin = make_staff("case_officer", username="karin")
    karin.must_change_password = True
    db.add(karin)
    db.commit()
    response = client.post("/personal/logga-in", data={"username": "karin", "password": PASSWORD})
    assert response.headers["Location"] == "/personal/nytt-losenord"
    assert client.post("/personal/nytt-losenord", data={"password": GOOD}).status_code == 303
    db.expire_all()
    assert not db.get(StaffUser, karin.id).must_change_password
    [change] = events(db, "staff.password_change")
    assert change.detail == "at login, after password"
