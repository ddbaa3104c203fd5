"""How staff log in, as an administrator sets it: the account at the identity provider, a
one-time code for choosing a new password, and a new setup of the second factor."""

from flask import abort, current_app, g, redirect, request, url_for
from sqlmodel import select

from ..access import staff_required
from ..db import get_session
from ..i18n import gettext as _
from ..identity import logins_allowed, passwords, second_factor, sso
from ..models import Role, StaffUser, utcnow
from ..web import render
from . import bp

admin_only = staff_required(Role.admin)


def _account() -> StaffUser:
    staff = get_session().get(StaffUser, request.values.get("id", type=int) or 0)
    if staff is None:
        abort(404)
    return staff


@bp.post("/personal/engangskod")
@admin_only
def reset_password():
    """Give a one-time code instead of a password: the person chooses their own with it. The
    old password stops working at once."""
    staff = _account()
    if not logins_allowed.by_password(staff.username):
        abort(404)
    return code_page(staff, passwords.issue_reset_code(staff, g.staff))


@bp.post("/personal/nollstall-tvastegs")
@admin_only
def reset_second_factor():
    """A lost phone: the person sets up the code app again at their next login."""
    staff = _account()
    second_factor.reset(staff, g.staff)
    return redirect(url_for("admin.edit_staff", id=staff.id), 303)


def code_page(staff: StaffUser, code: str):
    """The code, shown this once, to hand to the person."""
    hours = current_app.config["RESET_CODE_HOURS"]
    return render("admin/staff_code.html", staff=staff, code=code, hours=hours, now=utcnow())


def subject_in(form) -> str | None:
    """The account at the identity provider as typed, in the form it is compared in."""
    field = getattr(form, "sso_subject", None)
    if field is None or not (field.data or "").strip():
        return None
    return sso.normal_subject(field.data)


def subject_free(form, subject: str | None, staff: StaffUser | None = None) -> bool:
    """No other account has this identity provider account; else the field says so."""
    if subject is None:
        return True
    other = get_session().exec(select(StaffUser).where(StaffUser.sso_subject == subject)).first()
    if other is None or (staff is not None and other.id == staff.id):
        return True
    form.sso_subject.errors.append(_("Det kontot hör redan till någon annan i Mina steg."))
    return False
