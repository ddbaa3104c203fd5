"""The steps of a staff login after the password or one-time code: the second factor, a
password of one's own, and then the login itself.

Until the last step, the browser's session holds only which account is on its way in and
what it has shown so far, for ten minutes; nobody is logged in.
"""

import time

from flask import redirect, session, url_for

from .. import audit, logins
from ..db import get_session
from ..models import StaffUser
from . import second_factor

_KEY = "login_steps"
STEP_MINUTES = 10


def begin(staff: StaffUser, via: str, factor: str | None = None):
    """The password (or one-time code, or a passkey with the device's lock: then `factor` says
    the second step is done too) was right: go on to the next step."""
    session[_KEY] = {"staff": staff.id, "via": via, "since": time.time(), "factor": factor}
    return next_step(staff)


def account() -> StaffUser | None:
    """The account on its way in, if its steps are fresh and it may still log in."""
    steps = session.get(_KEY)
    if not steps or time.time() - steps["since"] > STEP_MINUTES * 60:
        return None
    staff = get_session().get(StaffUser, steps["staff"])
    return staff if staff is not None and staff.active else None


def via() -> str:
    return session[_KEY]["via"]


def factor_shown(staff: StaffUser, factor: str):
    """The second factor was right (a code from the app, or a recovery code)."""
    steps = dict(session[_KEY], factor=factor)
    session[_KEY] = steps
    return next_step(staff)


def next_step(staff: StaffUser):
    """Where the login goes now: the code, a new password, setting up the code app, or in."""
    steps = session[_KEY]
    if second_factor.is_set_up(staff) and steps["factor"] is None:
        return redirect(url_for("identity.second_factor_code"), 303)
    if staff.must_change_password or staff.password_hash is None:
        return redirect(url_for("identity.new_password"), 303)
    if second_factor.required(staff) and steps["factor"] is None:
        return redirect(url_for("identity.set_up_second_factor"), 303)
    finish(staff)
    return redirect(url_for("staff.index"), 303)


def finish(staff: StaffUser, factor: str | None = None) -> None:
    """Every step is done: log in, and write how into the audit log."""
    steps = session[_KEY]
    # Only a local run lets an account without a second factor through (see next_step).
    factor = factor or steps["factor"] or "no second factor (local run)"
    logins.start(staff=staff)
    audit.record("staff.login", actor_id=staff.id, detail=f"{steps['via']}, {factor}")
