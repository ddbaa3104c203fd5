"""The case officer's pages: daily activity ends for a new step with support going on, and it
starts again when the participant comes back."""

from flask import g, redirect, request, url_for
from wtforms import SelectChoice

from ..access import may_start_new_step, participant_for_staff, staff_required
from ..db import get_session
from ..i18n import gettext as _
from ..models import Role, StaffUser
from ..web import render
from . import bp, steps
from .forms import NewStepForm
from .models import StepKind


def _support_choices(person) -> tuple[list[SelectChoice], dict[int, StaffUser]]:
    db = get_session()
    officer = db.get(StaffUser, person.case_officer_id or 0)
    if g.staff.role == Role.case_officer:
        officer = g.staff
    givers = {s.id: s for s in steps.support_persons()}
    choices = []
    if officer is not None:
        givers[officer.id] = officer
        label = _("Jag, handläggaren") if officer.id == g.staff.id else officer.display_name
        choices.append(SelectChoice(officer.id, label))
    choices += [
        SelectChoice(s.id, _("%(name)s, stödperson", name=s.display_name))
        for s in steps.support_persons()
    ]
    return choices, givers


@bp.route("/personal/deltagare/<int:participant_id>/nytt-steg", methods=["GET", "POST"])
@staff_required(Role.case_officer, Role.admin)
def start(participant_id):
    """End daily activity for work, an internship, studies or a labour-market measure, with the
    support going on for a period, given by the case officer or a support person."""
    person = participant_for_staff(participant_id, "participant.view", check=may_start_new_step)
    form = NewStepForm()
    form.support_by.choices, givers = _support_choices(person)
    if request.method == "GET" and form.support_by.choices:
        form.support_by.data = form.support_by.choices[0].value
    if person.ended_at is None and form.validate_on_submit():
        giver = givers.get(form.support_by.data)
        if giver is None:
            form.support_by.errors.append(_("Välj vem som ger stödet."))
        else:
            plan = steps.StepPlan(
                StepKind(form.kind.data), form.support_months.data, giver, form.checkin_days.data
            )
            steps.start(person, plan, g.staff)
            return redirect(url_for("staff.participant", participant_id=person.id), 303)
    return render(
        "new_step/start.html",
        form=form,
        person=person,
        status=422 if form.errors else 200,
    )


@bp.post("/personal/deltagare/<int:participant_id>/aterstarta")
@staff_required(Role.case_officer, Role.admin)
def restart(participant_id):
    """Daily activity starts again; the return is recorded with its date."""
    person = participant_for_staff(participant_id, "participant.view", check=may_start_new_step)
    if person.ended_at is not None and person.anonymised_at is None:
        steps.restart(person, g.staff)
    return redirect(url_for("staff.participant", participant_id=person.id), 303)
