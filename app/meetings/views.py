"""Staff pages for follow-up meetings: booking, the brief, marking a meeting held."""

from datetime import datetime

from flask import abort, make_response, redirect, request, url_for

from .. import pdf
from ..access import is_case_officer_of, participant_for_staff, staff_required
from ..db import get_session
from ..i18n import local_zone
from ..models import Role
from ..web import render
from . import bp, brief, meetings, outcome
from .forms import HeldForm, MeetingForm
from .models import FollowUp

case_officers = staff_required(Role.case_officer)


def _meeting_for_case_officer(meeting_id: int, action: str) -> FollowUp:
    meeting = get_session().get(FollowUp, meeting_id)
    if meeting is None:
        abort(404)
    participant_for_staff(meeting.participant_id, action, check=is_case_officer_of)
    return meeting


@bp.route("/personal/deltagare/<int:participant_id>/moten/nytt", methods=["GET", "POST"])
@case_officers
def schedule(participant_id):
    """Book a follow-up meeting for a participant in one's caseload."""
    person = participant_for_staff(participant_id, "participant.view", check=is_case_officer_of)
    form = MeetingForm()
    if form.validate_on_submit():
        zone = local_zone()
        starts_at = datetime.combine(form.day.data, form.time.data, tzinfo=zone)
        meeting = meetings.schedule(person, starts_at, form.place.data or "", form.remote.data)
        return redirect(url_for("meetings.brief_page", meeting_id=meeting.id), 303)
    return render(
        "meetings/schedule.html", form=form, person=person, status=422 if form.errors else 200
    )


@bp.get("/personal/moten/<int:meeting_id>")
@case_officers
def brief_page(meeting_id):
    """The one-page brief before a meeting: the participant's own answers. Audit-logged."""
    meeting = _meeting_for_case_officer(meeting_id, "brief.view")
    return render("meetings/brief.html", brief=brief.build(meeting), form=HeldForm())


@bp.get("/personal/moten/<int:meeting_id>/underlag.pdf")
@case_officers
def brief_pdf(meeting_id):
    """The brief as a PDF to file in the case system; each download is audit-logged."""
    meeting = _meeting_for_case_officer(meeting_id, "brief.pdf")
    response = make_response(pdf.render("meetings/brief_pdf.html", brief=brief.build(meeting)))
    response.headers["Content-Type"] = "application/pdf"
    day = meeting.starts_at.date().isoformat()
    # The file's name holds the meeting's day, never the person's name.
    response.headers["Content-Disposition"] = f'attachment; filename="underlag-{day}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/personal/moten/<int:meeting_id>/hallet")
@case_officers
def mark_held(meeting_id):
    """After the meeting: mark it held and note what was agreed; the check-in closes."""
    meeting = _meeting_for_case_officer(meeting_id, "brief.view")
    if meeting.held_at is not None:
        abort(render("meetings/already_held.html", meeting=meeting, status=409))
    form = HeldForm()
    if not form.validate_on_submit():
        return render("meetings/brief.html", brief=brief.build(meeting), form=form, status=422)
    if request.form.get("preview"):
        # Exactly what the participant will read, before anything is saved.
        return render(
            "meetings/brief.html",
            brief=brief.build(meeting),
            form=form,
            preview=outcome.of(meeting, form.agreed.data),
            readability=outcome.readability(form.agreed.data),
        )
    meetings.mark_held(meeting, form.agreed.data)
    return redirect(url_for("meetings.brief_page", meeting_id=meeting.id), 303)
