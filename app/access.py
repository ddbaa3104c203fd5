"""Who may see what. Every view that touches a person's data goes through here."""

from functools import wraps

from flask import abort, g, redirect, request, url_for
from sqlmodel import select

from . import audit
from .db import get_session
from .models import Participant, Role, StaffUnit, StaffUser


def staff_required(*roles: Role):
    """Only logged-in staff with one of these roles (any role when none is named)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if g.get("staff") is None:
                if request.method == "GET":
                    return redirect(url_for("staff.login"))
                abort(401)
            if roles and g.staff.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def participant_required(view):
    """Only a participant logged in with their card (or handed a device by a supervisor)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get("participant") is None:
            if request.method == "GET":
                return redirect(url_for("home.index"))
            abort(401)
        return view(*args, **kwargs)

    return wrapped


def unit_ids(staff: StaffUser) -> set[int]:
    db = get_session()
    return set(db.exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == staff.id)).all())


def may_see(staff: StaffUser, participant: Participant) -> bool:
    """A supervisor sees their units, a case officer their caseload, an admin everyone's card."""
    if staff.role == Role.admin:
        return True
    if staff.role == Role.case_officer:
        return participant.case_officer_id == staff.id
    if staff.role == Role.supervisor:
        return participant.unit_id in unit_ids(staff)
    return False


def may_manage_cards(staff: StaffUser, participant: Participant) -> bool:
    """Supervisors of the participant's unit and admins issue, print and revoke cards."""
    if staff.role == Role.admin:
        return True
    return staff.role == Role.supervisor and participant.unit_id in unit_ids(staff)


def participant_for_staff(participant_id: int, action: str, check=may_see) -> Participant:
    """The participant, if the logged-in staff member may do this; audit-logged. Else 404."""
    participant = get_session().get(Participant, participant_id)
    if participant is None or not check(g.staff, participant):
        abort(404)
    audit.record(action, participant.id)
    return participant
