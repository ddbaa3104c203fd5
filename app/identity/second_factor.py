"""The second factor: a code from an app on the phone (TOTP), and ten recovery codes for the
day the phone is lost. Every password login outside a local run needs it.

The code app's secret is kept sealed (encrypted with a key made from the app's secret key), so a
copy of the database alone, a backup say, does not give anyone the codes."""

import base64
import hashlib
import hmac
import logging
import secrets
from datetime import datetime

import pyotp
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import current_app
from sqlmodel import delete, select

from .. import audit
from ..db import get_session, save_changes
from ..models import RecoveryCode, StaffUser, utcnow
from . import passkeys

ISSUER = "Mina steg"
RECOVERY_CODES = 10
# A code from the step before or after the current one still counts: phone clocks drift.
_DRIFT_STEPS = 1
# Lower case letters and digits a person cannot mix up (no 0/o, 1/l/i).
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
# Every Fernet token starts so (its version byte); a code app's secret is upper case and digits.
_SEALED = "gAAAAA"

log = logging.getLogger(__name__)


def required(staff: StaffUser) -> bool:
    """Outside a local run always; in a local run only for accounts that have one set up."""
    return staff.totp_confirmed_at is not None or not current_app.config["LOCAL_RUN"]


def is_set_up(staff: StaffUser) -> bool:
    return staff.totp_confirmed_at is not None


def _seal_box() -> Fernet:
    key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"mina-steg second factor"
    ).derive(current_app.config["SECRET_KEY"].encode())
    return Fernet(base64.urlsafe_b64encode(key))


def _seal(secret: str) -> str:
    return _seal_box().encrypt(secret.encode()).decode()


def secret(staff: StaffUser) -> str | None:
    """The account's code-app secret, opened. None when it has none, or when it cannot be
    opened because the app's secret key has changed since: then no code matches, recovery codes
    still work, and an administrator's reset lets the person set the app up again. A secret
    stored before secrets were sealed is read as it is, and sealed at its next use."""
    stored = staff.totp_secret
    if stored is None or not stored.startswith(_SEALED):
        return stored
    try:
        return _seal_box().decrypt(stored.encode()).decode()
    except InvalidToken:
        log.warning(
            "A second-factor secret cannot be opened: the secret key has changed. Reset the "
            "account's second factor (staff account %s).",
            staff.id,
        )
        return None


def start_setup(staff: StaffUser) -> str:
    """The secret for the code app, new unless one is waiting for the person to confirm it with
    a code."""
    waiting = secret(staff) if staff.totp_confirmed_at is None else None
    if waiting is not None:
        return waiting
    new = pyotp.random_base32()
    staff.totp_secret = _seal(new)
    staff.totp_confirmed_at = None
    staff.totp_last_step = None
    db = get_session()
    db.add(staff)
    save_changes()
    return new


def setup_address(staff: StaffUser) -> str:
    """What the QR code holds: the otpauth:// address code apps read."""
    return pyotp.TOTP(secret(staff)).provisioning_uri(name=staff.username, issuer_name=ISSUER)


def code_matches(staff: StaffUser, code: str, now: datetime | None = None) -> bool:
    """The code the app shows now. Each code works once: a code seen by someone looking over
    the shoulder is spent."""
    code = "".join(code.split())
    opened = secret(staff)
    if opened is None or not code.isdigit() or len(code) != 6:
        return False
    totp = pyotp.TOTP(opened)
    step_now = totp.timecode(now or utcnow())
    for step in range(step_now - _DRIFT_STEPS, step_now + _DRIFT_STEPS + 1):
        if staff.totp_last_step is not None and step <= staff.totp_last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            staff.totp_last_step = step
            if not staff.totp_secret.startswith(_SEALED):
                staff.totp_secret = _seal(opened)
            get_session().add(staff)
            return True
    return False


def confirm_setup(staff: StaffUser, code: str) -> list[str] | None:
    """The first code from the app turns the second factor on; returns the recovery codes, to
    be shown this once. None when the code is wrong."""
    if not code_matches(staff, code):
        return None
    staff.totp_confirmed_at = utcnow()
    codes = _new_recovery_codes(staff)
    audit.record("staff.second_factor_setup", actor_id=staff.id)
    return codes


def _new_recovery_codes(staff: StaffUser) -> list[str]:
    db = get_session()
    db.exec(delete(RecoveryCode).where(RecoveryCode.staff_id == staff.id))
    codes = []
    for _ in range(RECOVERY_CODES):
        code = "-".join(
            "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(5)) for _ in range(3)
        )
        codes.append(code)
        db.add(RecoveryCode(staff_id=staff.id, code_hash=recovery_hash(staff, code)))
    return codes


def recovery_hash(staff: StaffUser, code: str) -> str:
    """Codes are compared by hash (75 random bits each), with the account mixed in."""
    normal = "".join(code.split()).replace("-", "").lower()
    return hashlib.sha256(f"{staff.id}:{normal}".encode()).hexdigest()


def use_recovery_code(staff: StaffUser, code: str) -> bool:
    """A recovery code that has not been used; it is used up now."""
    db = get_session()
    wanted = recovery_hash(staff, code)
    unused = db.exec(
        select(RecoveryCode).where(
            RecoveryCode.staff_id == staff.id, RecoveryCode.used_at.is_(None)
        )
    ).all()
    for row in unused:
        if hmac.compare_digest(row.code_hash, wanted):
            row.used_at = utcnow()
            db.add(row)
            return True
    return False


def recovery_codes_left(staff: StaffUser) -> int:
    return len(
        get_session()
        .exec(
            select(RecoveryCode.id).where(
                RecoveryCode.staff_id == staff.id, RecoveryCode.used_at.is_(None)
            )
        )
        .all()
    )


def reset(staff: StaffUser, by: StaffUser) -> None:
    """An administrator's reset (a lost phone): the person sets up a new one at next login, the
    account's passkeys stop working, and whoever has the phone is logged out."""
    from .passwords import end_other_logins

    db = get_session()
    staff.totp_secret = staff.totp_confirmed_at = staff.totp_last_step = None
    db.add(staff)
    db.exec(delete(RecoveryCode).where(RecoveryCode.staff_id == staff.id))
    passkeys.remove_all(staff)
    end_other_logins(staff)
    audit.record("staff.second_factor_reset", actor_id=by.id, account_id=staff.id)


def qr_image(staff: StaffUser) -> str:
    """The setup address as a QR code image for the code app to scan."""
    from ..card_login.cards import qr_data_uri

    return qr_data_uri(setup_address(staff))
