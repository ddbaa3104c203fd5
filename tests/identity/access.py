"""The access matrix rows of staff identity (see tests/test_access.py).

The matrix's world has no single sign-on, so its two addresses are closed to everyone. The
steps of a login answer everyone: without a password step behind them they send back to the
login page."""

from sqlmodel import select

from app.models import Passkey, StaffUser
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


def spare_passkey(db) -> int:
    """A passkey of the spare account: somebody else's for everyone in the matrix."""
    owner = spare_account(db)
    passkey = db.exec(select(Passkey).where(Passkey.staff_id == owner)).first()
    if passkey is None:
        passkey = Passkey(staff_id=owner, credential_id="c3BhcmU", public_key=b"key", name="Spare")
        db.add(passkey)
        db.commit()
    return passkey.id


ROUTES = {
    "identity.sso_start": ("GET", "/personal/logga-in/kommunen", {}, set()),
    "identity.sso_return": ("GET", "/personal/logga-in/kommunen/svar", {}, set()),
    "identity.code_login": ("GET", "/personal/engangskod", {}, EVERYONE),
    "identity.new_password": ("GET", "/personal/nytt-losenord", {}, EVERYONE),
    "identity.second_factor_code": ("GET", "/personal/tvastegs", {}, EVERYONE),
    "identity.recovery_code": ("GET", "/personal/tvastegs/reservkod", {}, EVERYONE),
    "identity.set_up_second_factor": ("GET", "/personal/tvastegs/ny", {}, EVERYONE),
    "identity.account": ("GET", "/personal/konto", {}, STAFF),
    "identity.passkey_login": ("POST", "/personal/tvastegs/nyckel", {}, EVERYONE),
    "staff.passkey_login": ("POST", "/personal/logga-in/nyckel", {}, EVERYONE),
    "identity.add_passkey": ("GET", "/personal/konto/nyckel", {}, STAFF),
    # Only its owner removes a passkey: nobody in the matrix owns the spare account's.
    "identity.remove_passkey": (
        "POST",
        "/personal/konto/nyckel/ta-bort",
        {"id": lambda db, ids: spare_passkey(db)},
        set(),
    ),
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
