"""Mina uppgifter: the participant's own page, staff's view on their behalf, the JSON export,
and deleting unsent answers."""

import json

from flask import abort, g, make_response, redirect, request, url_for

from ..access import participant_for_staff, participant_required, staff_required
from ..models import Participant, Role, StaffUser
from ..web import render
from . import bp, drafts, export, holdings


def may_see_everything(staff: StaffUser, person: Participant) -> bool:
    """The person's case officer and administrators. Supervisors work for the provider and see
    only what the participant shares; they help the participant open the page themselves."""
    if staff.role == Role.admin:
        return True
    return staff.role == Role.case_officer and person.case_officer_id == staff.id


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
    return render("mydata/delete_draft.html", check_in=check_in)


@bp.get("/personal/deltagare/<int:participant_id>/uppgifter")
@staff_required(Role.case_officer, Role.admin)
def for_staff(participant_id):
    """The participant's "Mina uppgifter", for staff who go through it with them."""
    person = participant_for_staff(participant_id, "mydata.view", check=may_see_everything)
    return render("mydata/staff.html", data=holdings.gather(person))


@bp.get("/personal/deltagare/<int:participant_id>/uppgifter.json")
@staff_required(Role.case_officer, Role.admin)
def export_json(participant_id):
    """Every row the app holds about the participant, as a JSON file to hand over."""
    person = participant_for_staff(participant_id, "mydata.export", check=may_see_everything)
    body = json.dumps(export.export(person), ensure_ascii=False, indent=2, default=str)
    response = make_response(body)
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="mina-uppgifter-{person.id}.json"'
    )
    return response
