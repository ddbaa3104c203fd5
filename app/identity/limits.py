"""Limits on trying secrets, kept in the limiter's shared storage (Redis in production).

Per address, every login attempt counts. Per username and per account only the wrong tries
count, in steps that grow (a few a minute, fewer an hour, fewer a day), so that a guesser of
one person's password is slowed down wherever they come from, and that person is not locked
out for long by someone else's typing.
"""

import hashlib

from flask import current_app, g, request

from ..extensions import limiter
from . import steps


def _config(name: str):
    return lambda: current_app.config[name]


def _wrong_try(response) -> bool:
    return response.status_code == 422


def _username_key() -> str:
    """The username tried, hashed: the limiter's storage holds no names."""
    name = (request.form.get("username") or "").strip().lower()
    return "username:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def _account_key() -> str:
    """The account on its way in (a login's steps), or the logged-in one."""
    staff = steps.account() or g.get("staff")
    return f"account:{staff.id if staff else 0}"


login_per_address = limiter.shared_limit(
    _config("STAFF_LOGIN_LIMIT"), scope="staff-login", methods=["POST"]
)
login_per_username = limiter.shared_limit(
    _config("STAFF_USERNAME_LIMIT"),
    scope="staff-username",
    key_func=_username_key,
    methods=["POST"],
    deduct_when=_wrong_try,
)
codes_per_account = limiter.shared_limit(
    _config("SECOND_FACTOR_LIMIT"),
    scope="staff-codes",
    key_func=_account_key,
    methods=["POST"],
    deduct_when=_wrong_try,
)
