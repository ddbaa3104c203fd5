"""Mina uppgifter: the participant's own page, staff's view on their behalf, the JSON export,
and deleting unsent answers."""

import json

from flask import abort, g, make_response, redirect, request, url_for

from .. import audit
from ..access import (
    is_admin,
    participant_for_staff,
    participant_required,
    reads_answers,
    staff_required,
)
from ..models import Participant, Role, StaffUser
from ..web import render
from . import bp, drafts, export, holdings
from .forms import BreakGlassForm


@bp.get("/mina-uppgifter")
@participant_required
def mine():
    """Everything the app keeps about me, in easy words, ready to print."""
    return render(
        "mydata/mine.html",
        data=holdings.gather(g.participant),
        deleted=request.args.get("borttaget") == "1",
    )


@bp.route("/mina-uppgifter/svar/<int:check_in_id>/ta-bort", methods=["GET", "POST"])
@participant_required
def delete_draft(check_in_id):
    """Delete answers I have not sent yet, after I say yes once more."""
    check_in = drafts.draft_of(g.participant.id, check_in_id)
    if check_in is None:
        abort(404)
    if request.method == "POST":
        drafts.delete_draft(check_in)
        return redirect(url_for("mydata.mine", borttaget=1), 303)
    return render(
        "mydata/delete_draft.html", check_in=check_in, keeps_unsafe=drafts.unsafe_answer(check_in)
    )


@bp.get("/personal/deltagare/<int:participant_id>/uppgifter")
@staff_required(Role.case_officer)
def for_staff(participant_id):
    """The participant's "Mina uppgifter", for their case officer, who goes through it with
    them. Supervisors see only what is shared; administrators use the export below."""
    person = participant_for_staff(participant_id, "mydata.view", check=reads_answers)
    return render("mydata/staff.html", data=holdings.gather(person))


@bp.get("/personal/deltagare/<int:participant_id>/uppgifter.json")
@staff_required(Role.case_officer)
def export_json(participant_id):
    """Every row the app holds about the participant, as a JSON file to hand over."""
    person = participant_for_staff(participant_id, "mydata.export", check=reads_answers)
    return _json_file(person)


@bp.route("/admin/deltagare/<int:participant_id>/utlamning", methods=["GET", "POST"])
@staff_required(Role.admin)
def break_glass(participant_id):
    """An administrator answers a data-rights request: everything about the person as a JSON
    file. A deliberate step: the reason and the case number are kept in the access log, and
    the auditor's report shows it."""
    person = participant_for_staff(participant_id, "participant.view", check=is_admin_of)
    form = BreakGlassForm()
    if form.validate_on_submit():
        audit.record("mydata.break_glass", person.id, detail=form.audit_detail())
        return _json_file(person)
    status = 422 if form.errors else 200
    return render("mydata/break_glass.html", form=form, person=person, status=status)


def is_admin_of(staff: StaffUser, _person: Participant) -> bool:
    return is_admin(staff)


def _json_file(person: Participant):
    body = json.dumps(export.export(person), ensure_ascii=False, indent=2, default=str)
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="mina-uppgifter-{person.id}.json"'
    )
    return response
