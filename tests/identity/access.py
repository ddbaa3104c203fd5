"""The access matrix rows of staff identity (see tests/test_access.py).

The matrix's world has no single sign-on, so its two addresses are closed to everyone. The
steps of a login answer everyone: without a password step behind them they send back to the
login page."""

from sqlmodel import select

from app.models import RecoveryCode, StaffUser
from tests.actors import ACTORS, STAFF
from tests.conftest import PASSWORD

EVERYONE = set(ACTORS)


def spare_account(db) -> int:
    """An account nobody in the matrix logs in with, for the administrator's resets (which
    end the account's logins and its password)."""
    spare = db.exec(select(StaffUser).where(StaffUser.username == "spare")).first()
    if spare is None:
        spare = StaffUser(username="spare", display_name="Spare", role="case_officer")
        db.add(spare)
        db.commit()
    return spare.id


ROUTES = {
    "identity.sso_start": ("GET", "/personal/logga-in/kommunen", {}, set()),
    "identity.sso_return": ("GET", "/personal/logga-in/kommunen/svar", {}, set()),
    "identity.code_login": ("GET", "/personal/engangskod", {}, EVERYONE),
    "identity.new_password": ("GET", "/personal/nytt-losenord", {}, EVERYONE),
    "identity.second_factor_code": ("GET", "/personal/tvastegs", {}, EVERYONE),
    "identity.recovery_code": ("GET", "/personal/tvastegs/reservkod", {}, EVERYONE),
    "identity.set_up_second_factor": ("GET", "/personal/tvastegs/ny", {}, EVERYONE),
    "identity.account": ("GET", "/personal/konto", {}, STAFF),
    "identity.change_password": (
        "POST",
        "/personal/konto/losenord",
        # The same password again, so that every later login in the matrix still works.
        {"current_password": PASSWORD, "password": PASSWORD},
        STAFF,
    ),
    "admin.reset_password": (
        "POST",
        "/admin/personal/engangskod",
        {"id": lambda db, ids: spare_account(db)},
        {"admin"},
    ),
    "admin.reset_second_factor": (
        "POST",
        "/admin/personal/nollstall-tvastegs",
        {"id": lambda db, ids: spare_account(db)},
        {"admin"},
    ),
}


def snapshot(db):
    """How every account logs in: a refused request changes none of it."""
    db.expire_all()
    return (
        [
            (s.id, s.password_hash, s.reset_code_hash, s.totp_secret, s.sso_subject)
            for s in db.exec(select(StaffUser).order_by(StaffUser.id))
        ],
        len(db.exec(select(RecoveryCode)).all()),
    )
