"""The case officer's follow-up of "Jag vill veta mer" (the brief and caseload show the flags)."""

from flask import abort, g, redirect, request, url_for

from ..access import is_case_officer_of, participant_for_staff, staff_required
from ..db import get_session
from ..i18n import today
from ..models import Role
from ..web import local_address, render
from . import bp, interests
from .forms import FollowUpForm
from .models import Alternative, AlternativeInterest


def _back_to() -> str | None:
    """Where to go after saving: a staff page of this app (the brief), never another site."""
    return local_address(request.values.get("tillbaka"), under="/personal/")


@bp.route("/personal/intressen/<int:interest_id>/uppfoljning", methods=["GET", "POST"])
@staff_required(Role.case_officer)
def follow_up(interest_id):
    """Mark an interest followed up: what was done ("Vi har pratat", …) and when. Audit-logged."""
    db = get_session()
    interest = db.get(AlternativeInterest, interest_id)
    if interest is None:
        abort(404)
    person = participant_for_staff(
        interest.participant_id, "interest.follow_up", check=is_case_officer_of
    )
    if interest.withdrawn_at is not None:
        abort(404)
    form = FollowUpForm()
    if not form.is_submitted():
        form.day.data = today()
    if form.validate_on_submit():
        interests.follow_up(interest, form.kind.data, form.text.data or "", form.day.data, g.staff)
        target = _back_to() or url_for("staff.participant", participant_id=person.id)
        return redirect(target, 303)
    entry = next(e for e in interests.entries(person.id, True) if e.interest.id == interest.id)
    return render(
        "alternatives/follow_up.html",
        form=form,
        person=person,
        entry=entry,
        alternative=db.get(Alternative, interest.alternative_id),
        back_to=_back_to(),
        status=422 if form.errors else 200,
    )
