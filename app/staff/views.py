"""Staff pages: log in, the start page, a participant's page, cards and handing over."""

from flask import abort, current_app, g, redirect, request, url_for

from .. import audit, logins
from ..access import (
    is_admin,
    may_hand_over,
    may_manage_cards,
    may_start_new_step,
    participant_for_staff,
    reads_answers,
    staff_required,
)
from ..card_login import cards
from ..db import get_session
from ..goals import staff_page as goals_page
from ..i18n import gettext as _
from ..identity import logins_allowed, passkeys, sso, steps
from ..identity.forms import PasskeyLoginForm
from ..identity.limits import login_per_address, login_per_username
from ..identity.sso_views import provider_logout_offer
from ..meetings import brief, meetings, shared
from ..models import LoginCard, Role, StaffUser, Unit, utcnow
from ..new_step import checkin as step_checkin
from ..new_step import steps as new_steps
from ..web import render, row_id
from ..wishes import staff_page as wishes_page
from ..wishes.staff_views import since_from_request
from . import accounts, bp, people
from .forms import LoginForm


@bp.route("/logga-in", methods=["GET", "POST"])
@login_per_address
@login_per_username
def login():
    """Staff log in through the municipality's identity provider, or with username and
    password and then the second factor; a wrong try says only that it was wrong."""
    form = LoginForm()
    if form.validate_on_submit():
        allowed = logins_allowed.by_password(form.username.data)
        staff = accounts.authenticate(form.username.data, form.password.data) if allowed else None
        if staff is not None:
            return steps.begin(staff, via="password")
        known = accounts.find_by_username(form.username.data)
        audit.login_failed(known.id if known else None, None if allowed else "password login off")
        form.password.errors.append(_("Fel användarnamn eller lösenord."))
    return _login_page(form)


@bp.post("/logga-in/nyckel")
@login_per_address
def passkey_login():
    """Log in with a passkey alone, where passwords are open to everyone: the key on the device
    and the device's lock (fingerprint, face or PIN) are both steps."""
    form = PasskeyLoginForm()
    if not form.credential.data:
        return redirect(url_for("staff.login"))  # no answer: the browser tried nothing
    staff = passkeys.signing_in(form.credential.data) if form.validate_on_submit() else None
    if staff is not None and staff.active and logins_allowed.by_password(staff.username):
        return steps.begin(staff, via="passkey", factor="the device's lock")
    audit.login_failed(staff.id if staff else None, "passkey")
    return _login_page(LoginForm(formdata=None), passkey_failed=True)


def _login_page(form, passkey_failed: bool = False):
    everyone = logins_allowed.passwords_for_everyone()
    return render(
        "staff/login.html",
        form=form,
        status=422 if form.errors or passkey_failed else 200,
        sso=sso.configured(),
        passwords_for_everyone=everyone,
        any_password_login=logins_allowed.any_password_login(),
        provider_logout=provider_logout_offer(),
        local_run=current_app.config["LOCAL_RUN"],
        passkey_options=passkeys.sign_in_options() if everyone else None,
        error=passkey_failed,
    )


@bp.get("/")
@staff_required()
def index():
    """The start page: a supervisor's units, a case officer's caseload, or administration."""
    if g.staff.role == Role.admin:
        return redirect(url_for("admin.index"))
    if g.staff.role == Role.auditor:
        return redirect(url_for("auditing.index"))
    if g.staff.role == Role.manager:
        return redirect(url_for("stats.index"))
    if g.staff.role == Role.support_person:
        return redirect(url_for("new_step.people"))
    if g.staff.role == Role.case_officer:
        rows = brief.caseload(g.staff)
        in_steps = [
            (person, step, step_checkin.flags(step))
            for person, step in new_steps.in_steps_of_case_officer(g.staff)
        ]
        audit.shown(
            [row.participant.id for row in rows] + [person.id for person, _s, _f in in_steps],
            "caseload.view",
        )
        return render("staff/caseload.html", rows=rows, in_steps=in_steps)
    return _units_page()


def _units_page(pick_error=None):
    units, shown = [], []
    for unit in people.units_of(g.staff):
        at_unit = people.participants_at(unit.id)
        seen = cards.latest_card_id(p.id for p in at_unit)
        waiting = brief.waiting_for_help({unit.id})
        units.append((unit, at_unit, waiting, seen))
        shown += [p.id for p in at_unit] + [p.id for p, _meeting in waiting]
    audit.shown(shown)
    status = 422 if pick_error else 200
    return render("staff/units.html", units=units, pick_error=pick_error, status=status)


@bp.get("/deltagare/<int:participant_id>")
@staff_required()
def participant(participant_id):
    """A participant's page for staff: who they are and their login cards."""
    person = participant_for_staff(participant_id, "participant.view")
    db = get_session()
    return render(
        "staff/participant.html",
        fragment="staff/_cards.html",
        person=person,
        unit=db.get(Unit, person.unit_id),
        case_officer=db.get(StaffUser, person.case_officer_id) if person.case_officer_id else None,
        cards=cards.cards_of(person.id),
        cards_seen=cards.latest_card_id([person.id]),
        now=utcnow(),
        manages_cards=may_manage_cards(g.staff, person) and person.ended_at is None,
        reads_answers=reads_answers(g.staff, person),
        is_admin=is_admin(g.staff),
        helps_with_check_in=may_hand_over(g.staff, person),
        meetings=meetings.of_participant(person.id),
        open_meeting=meetings.open_meeting(person.id),
        shared=shared.for_supervisor(g.staff, person),
        staff_goals=goals_page.staff_goals(g.staff, person),
        staff_wishes=wishes_page.staff_wishes(g.staff, person, *since_from_request()),
        new_step=new_steps.latest(person) if may_start_new_step(g.staff, person) else None,
        may_start_new_step=may_start_new_step(g.staff, person),
    )


@bp.post("/deltagare/<int:participant_id>/kort")
@staff_required(Role.supervisor, Role.admin)
def issue_card(participant_id):
    """Make a new card and show it ready to print (the secret is shown this once only)."""
    person = participant_for_staff(participant_id, "card.print", check=may_manage_cards)
    if person.ended_at is not None:
        abort(404)
    if already_issued([person.id]):
        return already_printed(url_for("staff.participant", participant_id=person.id))
    _card, token = cards.issue(person)
    return print_page([(person, token)])


@bp.post("/enhet/<int:unit_id>/kort")
@staff_required(Role.supervisor)
def issue_unit_cards(unit_id):
    """New cards for the participants ticked at one unit, on one sheet."""
    unit = people.unit_for_supervisor(g.staff, unit_id)
    if unit is None:
        abort(404)
    chosen = set(request.form.getlist("participant", type=row_id))
    at_unit = [p for p in people.participants_at(unit.id) if p.id in chosen]
    if not at_unit:
        return _units_page(pick_error=unit.id)
    if already_issued(p.id for p in people.participants_at(unit.id)):
        return already_printed(url_for("staff.index"))
    issued = []
    for person in at_unit:
        audit.record("card.print", person.id)
        issued.append((person, cards.issue(person)[1]))
    return print_page(issued)


def already_issued(participant_ids) -> bool:
    """True when cards were made since the form was shown (a reload, a second tap)."""
    seen = request.form.get("cards_seen", type=row_id)
    return seen != cards.latest_card_id(participant_ids)


def already_printed(back: str):
    return render("staff/already_printed.html", back=back, status=409)


def print_page(issued):
    sheet = [
        {
            "person": person,
            "qr": cards.qr_data_uri(cards.card_url(token)),
        }
        for person, token in issued
    ]
    return render("staff/print_cards.html", sheet=sheet)


@bp.post("/kort/<int:card_id>/sparra")
@staff_required(Role.supervisor, Role.admin)
def revoke_card(card_id):
    """Stop a card at once; the participant's open logins end with it."""
    card = get_session().get(LoginCard, card_id)
    if card is None:
        abort(404)
    person = participant_for_staff(card.participant_id, "participant.view", check=may_manage_cards)
    cards.revoke(card)
    return redirect(url_for("staff.participant", participant_id=person.id), 303)


@bp.post("/deltagare/<int:participant_id>/lamna-over")
@staff_required(Role.supervisor)
def hand_over(participant_id):
    """Log this device in as the participant to help them with the check-in questions (their
    answers then record that the supervisor helped). The login opens the check-in only, and ends
    on "Klar", on logout, or after HAND_OVER_MAX_MINUTES."""
    person = participant_for_staff(participant_id, "session.hand_over", check=may_hand_over)
    if meetings.open_meeting(person.id) is None:
        abort(404)
    logins.start(participant=person, helper=g.staff)
    return redirect(url_for("checkins.resume"), 303)
