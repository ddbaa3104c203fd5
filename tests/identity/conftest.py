"""Fixtures of staff identity: a real OpenID provider, an app as in production (second factor
required), and codes from the code app."""

from datetime import timedelta

import pyotp
import pytest

from app.models import StaffUser, utcnow

from .provider import provider


@pytest.fixture(scope="session")
def oidc():
    """A real OpenID provider on 127.0.0.1, shared by the tests (each uses subjects of its
    own, as the provider keeps the claims it was given)."""
    with provider() as running:
        yield running


@pytest.fixture
def sso_app(app, oidc):
    """The test's app with single sign-on through `oidc` (registered as create_app does)."""
    from app.identity import sso

    app.config.update(oidc.config())
    sso.init_app(app)
    return app


@pytest.fixture
def production(app):
    """Outside a local run: every password login needs the second factor."""
    app.config["LOCAL_RUN"] = False
    return app


def code_now(secret: str, steps_ahead: int = 0) -> str:
    """What the code app shows (or will show `steps_ahead` steps of 30 seconds later)."""
    return pyotp.TOTP(secret).at(utcnow() + timedelta(seconds=30 * steps_ahead))


def secret_of(db, staff: StaffUser) -> str:
    db.expire_all()
    return db.get(StaffUser, staff.id).totp_secret
