"""Single sign-on against a real OpenID provider on 127.0.0.1: the whole code flow, and every
way its answer can be wrong."""

from urllib.parse import urlsplit

import pytest
from sqlmodel import select

from app.models import LoginSession, StaffUser
from tests.conftest import page
from tests.identity.helpers import events

from .provider import CLIENT_ID, provider, query


def start(client, oidc) -> str:
    """Press "Logga in med kommunens konto": where the browser is sent."""
    response = client.get("/personal/logga-in/kommunen")
    assert response.status_code == 302
    return response.headers["Location"]


def come_back(client, url):
    parts = urlsplit(url)
    return client.get(f"{parts.path}?{parts.query}")


def test_a_known_person_logs_in_with_code_flow_pkce_state_and_nonce(
    sso_app, client, db, oidc, make_staff
):
    karin = make_staff("case_officer", username="karin")
    karin.sso_subject = "karin-0"
    db.add(karin)
    db.commit()
    soup = page(client.get("/personal/logga-in"))
    assert soup.select_one("main a[href='/personal/logga-in/kommunen']")

    authorize = start(client, oidc)
    asked = query(authorize)
    assert asked["client_id"] == CLIENT_ID
    assert asked["response_type"] == "code"
    assert asked["code_challenge_method"] == "S256" and len(asked["code_challenge"]) >= 43
    assert asked["state"] and asked["nonce"]
    assert set(asked["scope"].split()) >= {"openid"}
    assert asked["redirect_uri"] == "http://localhost/personal/logga-in/kommunen/svar"

    back = oidc.log_in(authorize, "karin-0")
    response = come_back(client, back)
    assert response.status_code == 303
    assert page(client.get("/personal/")).h1.get_text(strip=True) == "Mina deltagare"
    [login] = events(db, "staff.login")
    assert (login.actor_id, login.detail) == (karin.id, "single sign-on")


def test_a_replayed_answer_is_refused(sso_app, client, db, oidc, make_staff):
    make_staff("case_officer", username="karin")
    db.exec(select(StaffUser)).one().sso_subject = "karin-1"
    db.commit()
    back = oidc.log_in(start(client, oidc), "karin-1")
    assert come_back(client, back).status_code == 303
    client.post("/logga-ut")

    replay = come_back(client, back)
    assert page(replay, 403).h1.get_text(strip=True) == "Du kan inte logga in"
    assert client.get("/personal/").status_code == 302
    [failed] = events(db, "staff.login_failed")
    assert "state" in failed.detail


@pytest.mark.parametrize(
    "claims",
    [
        {"aud": "another-application"},
        # Naming us as the authorised party does not make us the audience.
        {"aud": "another-application", "azp": CLIENT_ID},
    ],
)
def test_an_id_token_for_another_audience_is_refused(sso_app, client, db, oidc, make_staff, claims):
    make_staff("case_officer", username="karin")
    db.exec(select(StaffUser)).one().sso_subject = "karin-2"
    db.commit()
    # The provider signs a token meant for another application.
    oidc.set_claims("karin-2", claims)
    back = oidc.log_in(start(client, oidc), "karin-2")
    assert page(come_back(client, back), 403).h1.get_text(strip=True) == "Du kan inte logga in"
    assert db.exec(select(LoginSession)).all() == []
    [failed] = events(db, "staff.login_failed")
    assert "'aud'" in failed.detail


def test_an_expired_id_token_is_refused(app, client, db, make_staff):
    from app.identity import sso

    make_staff("case_officer", username="karin")
    db.exec(select(StaffUser)).one().sso_subject = "karin-3"
    db.commit()
    # Tokens from this provider expired ten minutes before they were made.
    with provider(token_minutes=-10) as stale:
        app.config.update(stale.config())
        sso.init_app(app)
        back = stale.log_in(start(client, stale), "karin-3")
        response = come_back(client, back)
    assert page(response, 403).h1.get_text(strip=True) == "Du kan inte logga in"
    assert db.exec(select(LoginSession)).all() == []
    [failed] = events(db, "staff.login_failed")
    assert "expired" in failed.detail.lower()


def test_an_unknown_person_is_refused_kindly_and_logged(sso_app, client, db, oidc):
    back = oidc.log_in(start(client, oidc), "stranger")
    soup = page(come_back(client, back), 403)
    assert "inget konto i Mina steg" in soup.main.get_text(" ", strip=True)
    [failed] = events(db, "staff.login_failed")
    assert (failed.actor_id, failed.detail) == (None, "single sign-on: unknown person")
    assert failed.source == "127.0.0.1"


def test_a_deactivated_account_is_refused(sso_app, client, db, oidc, make_staff):
    karin = make_staff("case_officer", username="karin")
    karin.sso_subject, karin.active = "karin-5", False
    db.add(karin)
    db.commit()
    back = oidc.log_in(start(client, oidc), "karin-5")
    soup = page(come_back(client, back), 403)
    assert "avstängt" in soup.main.get_text(" ", strip=True)
    [failed] = events(db, "staff.login_failed")
    assert (failed.actor_id, failed.detail) == (karin.id, "single sign-on: deactivated account")


def test_the_match_can_be_on_e_mail_and_the_role_can_follow_groups(
    sso_app, client, db, oidc, make_staff
):
    sso_app.config.update(
        OIDC_MATCH_CLAIM="email",
        OIDC_GROUPS_CLAIM="groups",
        OIDC_ROLE_GROUPS={"mina-steg-admins": "admin", "mina-steg-handlaggare": "case_officer"},
    )
    karin = make_staff("supervisor", username="karin")
    karin.sso_subject = "karin@kommun.example"
    db.add(karin)
    db.commit()
    oidc.set_claims(
        "0f3c-6", {"email": "Karin@Kommun.example", "groups": ["mina-steg-handlaggare"]}
    )
    assert come_back(client, oidc.log_in(start(client, oidc), "0f3c-6")).status_code == 303
    db.expire_all()
    assert db.get(StaffUser, karin.id).role == "case_officer"
    [change] = events(db, "staff.role_change")
    assert (change.account_id, change.detail) == (karin.id, "role case_officer (groups claim)")

    # In none of the groups: no role, no login.
    client.post("/logga-ut")
    oidc.set_claims("0f3c-6", {"email": "karin@kommun.example", "groups": ["somebody-else"]})
    soup = page(come_back(client, oidc.log_in(start(client, oidc), "0f3c-6")), 403)
    assert "ingen roll" in soup.main.get_text(" ", strip=True)


def test_logging_out_ends_the_login_and_offers_the_providers_logout(
    sso_app, client, db, oidc, make_staff
):
    karin = make_staff("case_officer", username="karin")
    karin.sso_subject = "karin-7"
    db.add(karin)
    db.commit()
    come_back(client, oidc.log_in(start(client, oidc), "karin-7"))
    response = client.post("/logga-ut")
    assert response.headers["Location"] == "/personal/logga-in"
    assert db.exec(select(LoginSession)).one().ended_at is not None
    [logout] = events(db, "staff.logout")
    assert logout.actor_id == karin.id

    soup = page(client.get("/personal/logga-in"))
    offer = soup.select_one("a.provider-logout")["href"]
    assert offer.startswith(f"{oidc.issuer}/oauth2/end_session?")
    assert query(offer)["post_logout_redirect_uri"] == "http://localhost/personal/logga-in"
    assert query(offer)["client_id"] == CLIENT_ID
    # Offered once, right after logging out.
    assert not page(client.get("/personal/logga-in")).select_one("a.provider-logout")


def test_password_login_can_be_off_but_for_break_glass_accounts(
    sso_app, client, db, make_staff, login_as
):
    sso_app.config.update(PASSWORD_LOGIN=False, BREAK_GLASS_ACCOUNTS="reserv-admin")
    karin = make_staff("case_officer", username="karin")
    make_staff("admin", username="reserv-admin")
    soup = page(client.get("/personal/logga-in"))
    assert soup.select_one("details.break-glass form[action='/personal/logga-in']")

    response = client.post(
        "/personal/logga-in", data={"username": "karin", "password": "correct horse battery"}
    )
    assert page(response, 422).select_one("#password-error")
    [failed] = events(db, "staff.login_failed")
    assert (failed.actor_id, failed.detail) == (karin.id, "password login off")
    assert db.exec(select(LoginSession)).all() == []

    login_as(client, db.exec(select(StaffUser).where(StaffUser.username == "reserv-admin")).one())

    sso_app.config["BREAK_GLASS_ACCOUNTS"] = []
    client.post("/logga-ut")
    assert not page(client.get("/personal/logga-in")).select_one(
        "form[action='/personal/logga-in']"
    )
