"""Administration pages for changing people: a staff account, a participant, ending a
participant in the service."""

from flask import abort, g, redirect, request, url_for
from wtforms import SelectChoice

from .. import audit
from ..access import participant_for_staff
from ..db import get_session
from ..i18n import LANGUAGES
from ..i18n import gettext as _
from ..identity import logins_allowed, second_factor, sso
from ..models import EndReason, Role, StaffUser, Unit
from ..retention import retention_days
from ..web import render, row_id
from . import bp, directory, login_views, people
from .forms import EndParticipantForm, ParticipantEditForm, StaffEditForm, without_sso
from .views import admin_only


# The account's number is a query parameter, not a path part, so that the access matrix (whose
# world names no staff member by id) can post it as a form field.
@bp.route("/personal/andra", methods=["GET", "POST"])
@admin_only
def edit_staff():
    """Change a staff account: name, role, units, and whether it may log in."""
    staff = get_session().get(StaffUser, request.values.get("id", type=row_id) or 0)
    if staff is None:
        abort(404)
    form = StaffEditForm(
        obj=staff if request.method == "GET" else None,
        data={"units": people.unit_ids_of(staff)} if request.method == "GET" else None,
    )
    if not sso.configured():
        without_sso(form)
    form.units.choices = [SelectChoice(u.id, u.name) for u in directory.units()]
    if form.validate_on_submit():
        subject = login_views.subject_in(form)
        if staff.id == g.staff.id and (form.role.data != Role.admin or not form.active.data):
            form.active.errors.append(
                _("Du kan inte ta bort din egen behörighet. Be en annan administratör.")
            )
        elif login_views.subject_free(form, subject, staff):
            change = people.StaffChange(
                form.display_name.data,
                Role(form.role.data),
                form.active.data,
                form.units.data,
                subject if sso.configured() else staff.sso_subject,
            )
            people.update_staff(staff, change, g.staff)
            return redirect(url_for("admin.index"), 303)
    status = 422 if form.errors else 200
    caseload = [p for p in directory.participants() if p.case_officer_id == staff.id]
    audit.shown(p.id for p in caseload)
    return render(
        "admin/staff_edit.html",
        form=form,
        staff=staff,
        caseload=caseload,
        status=status,
        may_get_code=logins_allowed.by_password(staff.username),
        second_factor_on=second_factor.is_set_up(staff),
    )


def _participant_form(person):
    form = ParticipantEditForm(obj=person if request.method == "GET" else None)
    if request.method == "GET":
        form.unit.data, form.case_officer.data = person.unit_id, person.case_officer_id or 0
        form.gender.data = person.gender or ""
    form.language.choices = [SelectChoice(code, lang["name"]) for code, lang in LANGUAGES.items()]
    form.unit.choices = [SelectChoice(u.id, u.name) for u in directory.units()]
    officers = directory.case_officers()
    current = get_session().get(StaffUser, person.case_officer_id or 0)
    if current is not None and current not in officers:
        officers.append(current)  # keep showing who it is, even if no longer a case officer
    form.case_officer.choices = [SelectChoice(0, _("Ingen ännu"))] + [
        SelectChoice(s.id, s.display_name) for s in officers
    ]
    return form


@bp.route("/deltagare/<int:participant_id>", methods=["GET", "POST"])
@admin_only
def edit_participant(participant_id):
    """Change a participant: name, language, unit, case officer and stated gender."""
    person = participant_for_staff(participant_id, "participant.view")
    form = _participant_form(person)
    if form.validate_on_submit():
        change = people.ParticipantChange(
            form.first_name.data,
            form.language.data,
            form.unit.data,
            form.case_officer.data or None,
            form.gender.data or None,
        )
        people.update_participant(person, change)
        return redirect(url_for("staff.participant", participant_id=person.id), 303)
    status = 422 if form.errors else 200
    return render("admin/participant_edit.html", form=form, person=person, status=status)


@bp.route("/deltagare/<int:participant_id>/avsluta", methods=["GET", "POST"])
@admin_only
def end_participant(participant_id):
    """End a participant in the service, with the reason; their card and logins stop at once."""
    person = participant_for_staff(participant_id, "participant.view")
    form = EndParticipantForm()
    if person.ended_at is None and form.validate_on_submit():
        people.end_participant(person, EndReason(form.reason.data), g.staff)
        return redirect(url_for("staff.participant", participant_id=person.id), 303)
    return render(
        "admin/participant_end.html",
        form=form,
        person=person,
        unit=get_session().get(Unit, person.unit_id),
        days=retention_days(),
        status=422 if form.errors else 200,
    )
