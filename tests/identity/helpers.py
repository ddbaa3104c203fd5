"""Helpers of the staff identity tests and journeys: what the code app shows, and an account
with the second factor already set up."""

import time
from datetime import timedelta

import pyotp
from flask import g
from sqlmodel import select

from app.db import get_session
from app.identity import second_factor
from app.models import AuditEvent, StaffUser, utcnow


def events(db, action: str) -> list[AuditEvent]:
    """The audit events of one kind, oldest first."""
    db.expire_all()
    return db.exec(
        select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    ).all()


def code_now(secret: str, steps_ahead: int = 0) -> str:
    """What the code app shows (or will show `steps_ahead` steps of 30 seconds later)."""
    return pyotp.TOTP(secret).at(utcnow() + timedelta(seconds=30 * steps_ahead))


def secret_of(app, db, staff: StaffUser) -> str:
    """The secret the code app holds for the account (kept sealed in the database)."""
    db.expire_all()
    with app.app_context():
        return second_factor.secret(db.get(StaffUser, staff.id))


def unused_code(app, db, staff: StaffUser) -> str:
    """A code the app shows now or shortly that the account has not used yet (each code works
    once), waiting for the app's next one if need be. The current step's code, not the one
    before: the server takes one step either side, and a slow test may cross into the next."""
    db.expire_all()
    stored = db.get(StaffUser, staff.id)
    totp = pyotp.TOTP(secret_of(app, db, staff))
    step = max(totp.timecode(utcnow()), (stored.totp_last_step or 0) + 1)
    while step > totp.timecode(utcnow()) + 1:
        time.sleep(1)
    return totp.generate_otp(step)


def with_second_factor(app, staff: StaffUser) -> list[str]:
    """Set the code app up for the account as its first login would; returns the recovery
    codes."""
    with app.test_request_context():
        g.staff = None
        account = get_session().get(StaffUser, staff.id)
        secret = second_factor.start_setup(account)
        return second_factor.confirm_setup(account, code_now(secret))
