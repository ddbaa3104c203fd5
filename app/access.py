"""Who may see what. Every view that touches a person's data goes through here.

Each rule is written once, as a named function, and every area builds its checks from these:

- `is_case_officer_of`: the participant's own case officer (the municipality). Reads the
  participant's answers, wishes and goals, books meetings, writes the order.
- `supervises`: a supervisor at the participant's unit (the provider) while the participant is
  in the service. Manages cards, writes the plan, helps with the check-in; sees answers only
  where the participant said yes to that unit (`shares_with`).
- `is_admin`: manages accounts, cards and catalogues, never answers. A data-rights export is a
  deliberate, audited step of its own (`mydata.break_glass`).
- `supports`: a support person named for the participant's new step (work, studies), while the
  support period lasts and the participant has not come back. Sees the step's check-in answers
  and wishes only where the participant said yes to that person (`shares_with_support`).
- A hand-over login (a supervisor's or support person's device logged in as the participant)
  opens the check-in pages only (`check_in_page`); every other participant page refuses it
  kindly.
"""

from functools import wraps

from flask import abort, g, redirect, request, url_for
from sqlmodel import select

from . import audit, logins
from .db import get_session
from .models import Participant, Role, StaffUnit, StaffUser

# Staff rules -----------------------------------------------------------------------------


def unit_ids(staff: StaffUser) -> set[int]:
    """The units a staff member works at (supervisors only have any)."""
    db = get_session()
    return set(db.exec(select(StaffUnit.unit_id).where(StaffUnit.staff_id == staff.id)).all())


def is_admin(staff: StaffUser) -> bool:
    return staff.role == Role.admin


def is_case_officer_of(staff: StaffUser, participant: Participant) -> bool:
    """The participant's own case officer: the only staff who read their answers as such."""
    return staff.role == Role.case_officer and participant.case_officer_id == staff.id


def supervises_unit(staff: StaffUser, unit_id: int) -> bool:
    """A supervisor who works at this unit."""
    return staff.role == Role.supervisor and unit_id in unit_ids(staff)


def supervises(staff: StaffUser, participant: Participant) -> bool:
    """A supervisor at the participant's unit, while the participant is in the service: ending
    the participant ends the supervisor's access."""
    return participant.ended_at is None and supervises_unit(staff, participant.unit_id)


def may_see(staff: StaffUser, participant: Participant) -> bool:
    """Who opens the participant's staff page: their case officer, a supervisor of their unit,
    an administrator (for the account and cards, never the answers)."""
    return (
        is_admin(staff) or is_case_officer_of(staff, participant) or supervises(staff, participant)
    )


def may_manage_cards(staff: StaffUser, participant: Participant) -> bool:
    """Supervisors of the participant's unit and admins issue, print and revoke cards."""
    return is_admin(staff) or supervises(staff, participant)


def shares_with(staff: StaffUser, participant: Participant, area: str) -> bool:
    """A supervisor of the participant's unit, where the participant said yes to that unit."""
    from .consent import sharing  # the consent area reads its own table

    return supervises(staff, participant) and sharing.current(participant)[area]


def sees_area(staff: StaffUser, participant: Participant, area: str) -> bool:
    """The participant's own case officer always; a supervisor of their unit with consent."""
    return is_case_officer_of(staff, participant) or shares_with(staff, participant, area)


def hidden_from(staff: StaffUser, participant: Participant, area: str) -> bool:
    """A supervisor who would see this area with consent, but has none now."""
    return supervises(staff, participant) and not shares_with(staff, participant, area)


def supports(staff: StaffUser, participant: Participant) -> bool:
    """The support person named for the participant's new step, while the support lasts."""
    from .new_step import steps  # the step area reads its own table

    step = steps.supported(participant)
    return staff.role == Role.support_person and step is not None and step.support_by_id == staff.id


def shares_with_support(staff: StaffUser, participant: Participant, area: str) -> bool:
    """The participant's support person, where the participant said yes to that person."""
    from .consent import sharing

    return supports(staff, participant) and sharing.current_for_support(participant, staff)[area]


def may_start_new_step(staff: StaffUser, participant: Participant) -> bool:
    """The participant's case officer (or an administrator) ends daily activity for work or
    studies with support going on, and restarts it when the participant comes back."""
    return is_admin(staff) or is_case_officer_of(staff, participant)


def owns_passkey(staff: StaffUser, passkey) -> bool:
    """A passkey is used and removed by the account it belongs to, by nobody else (an
    administrator's reset of the second factor removes them all)."""
    return passkey.staff_id == staff.id


# What each area asks, built from the rules above.
reads_answers = is_case_officer_of  # the brief, wishes, Mina uppgifter for staff
may_write_goals = is_case_officer_of  # the order (beställning)
may_write_steps = supervises  # the plan (genomförandeplan)


def may_see_goals(staff: StaffUser, participant: Participant) -> bool:
    """The participant's own case officer and the supervisors of their unit; not admins."""
    return is_case_officer_of(staff, participant) or supervises(staff, participant)


def may_hand_over(staff: StaffUser, participant: Participant) -> bool:
    """A supervisor of the participant's unit may help with the check-in on their device."""
    return supervises(staff, participant)


# The support person may help with the new step's short check-in on their own device.
may_hand_over_in_step = supports


# Decorators ------------------------------------------------------------------------------


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


def is_hand_over() -> bool:
    """This browser is a supervisor's or support person's device, logged in as the participant
    for the check-in."""
    login = g.get("login")
    return g.get("participant") is not None and login.helper_id is not None


def refuse_hand_over() -> None:
    """In a hand-over login, a page other than the check-in: a kind page, and a log row."""
    if is_hand_over():
        from .web import refuse, render

        refuse(403)
        abort(render("errors/hand_over.html", status=403))


def _participant_or_redirect():
    if g.get("participant") is None:
        if request.method == "GET":
            return redirect(url_for("home.index"))
        abort(401)
    return None


def participant_required(view):
    """Only a participant logged in with their own card. A hand-over login is refused."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        elsewhere = _participant_or_redirect()
        if elsewhere is not None:
            return elsewhere
        refuse_hand_over()
        return view(*args, **kwargs)

    return wrapped


def _hand_over_page(helper_may):
    """A check-in page: the participant's own login, or a hand-over login whose helper still
    may help (`helper_may`), where each read and write is logged as the helper acting for the
    participant."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            elsewhere = _participant_or_redirect()
            if elsewhere is not None:
                return elsewhere
            if is_hand_over():
                helper = get_session().get(StaffUser, g.login.helper_id)
                helps = helper is not None and helper.active
                if helps and not helper_may(helper, g.participant):
                    # A supervisor's device on the step's questions, or the other way round.
                    if may_hand_over(helper, g.participant) or supports(helper, g.participant):
                        refuse_hand_over()
                    helps = False
                if not helps:
                    # Moved to another unit since, or the support is over: the device no
                    # longer opens anything.
                    logins.end_current()
                    return _participant_or_redirect()
                action = "handover.read" if request.method == "GET" else "handover.write"
                audit.record(action, g.participant.id, detail=request.endpoint)
            return view(*args, **kwargs)

        return wrapped

    return decorator


# The check-in before a follow-up: Anna's own login, or her supervisor's device.
check_in_page = _hand_over_page(may_hand_over)
# The short check-in of a new step: Lisa's own login, or her support person's device.
step_check_in_page = _hand_over_page(may_hand_over_in_step)


def participant_for_staff(participant_id: int, action: str, check=may_see) -> Participant:
    """The participant, if the logged-in staff member may do this; audit-logged. Else 404."""
    participant = get_session().get(Participant, participant_id)
    if participant is None or not check(g.staff, participant):
        abort(404)
    audit.record(action, participant.id)
    return participant
