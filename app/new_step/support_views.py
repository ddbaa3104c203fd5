"""The support person's pages: their people in a new step, the latest check-in with flags,
and what each participant said yes to showing them. Every read is in the audit log."""

from flask import g, redirect, url_for

from .. import audit, logins
from ..access import (
    may_hand_over_in_step,
    participant_for_staff,
    shares_with_support,
    staff_required,
    supports,
)
from ..db import get_session
from ..models import Role, StaffUser
from ..web import render
from ..wishes.brief import wishes_for_brief
from . import bp, checkin, steps
from .tiles import kind_of


@bp.get("/personal/stod")
@staff_required(Role.support_person)
def people():
    """The support person's people: each step, and the flags where the participant said yes."""
    rows = []
    for person, step in steps.supported_by(g.staff):
        sees = shares_with_support(g.staff, person, "checkins")
        rows.append((person, step, checkin.flags(step) if sees else None))
    audit.shown((person.id for person, _step, _flags in rows), "support.list")
    return render("new_step/support_people.html", rows=rows)


def _latest_answers(step):
    done = checkin.latest_done(step)
    if done is None:
        return None, {}, []
    return done, checkin.given(done), checkin.helpers(done)


@bp.get("/personal/stod/<int:participant_id>")
@staff_required(Role.support_person)
def person(participant_id):
    """One participant's step, for the support person: the latest check-in and the wishes, where
    the participant said yes to them."""
    person = participant_for_staff(participant_id, "support.view", check=supports)
    step = steps.supported(person)
    sees_answers = shares_with_support(g.staff, person, "checkins")
    sees_wishes = shares_with_support(g.staff, person, "wishes")
    done, given, helpers = _latest_answers(step) if sees_answers else (None, {}, [])
    return render(
        "new_step/support_person.html",
        person=person,
        step=step,
        step_kind=kind_of(step),
        case_officer=get_session().get(StaffUser, person.case_officer_id or 0),
        sees_answers=sees_answers,
        sees_wishes=sees_wishes,
        flags=checkin.flags(step) if sees_answers else None,
        done=done,
        given=given,
        helpers=helpers,
        questions=checkin.QUESTIONS,
        choices=checkin.CHOICES,
        wishes=wishes_for_brief(person.id) if sees_wishes else None,
        due=steps.due_day(step),
    )


@bp.get("/personal/stod/<int:participant_id>/svar")
@staff_required(Role.support_person)
def answers(participant_id):
    """Every check-in of the step, as it was answered, where the participant said yes."""

    def allowed(staff, participant):
        return shares_with_support(staff, participant, "checkins")

    person = participant_for_staff(participant_id, "support.answers", check=allowed)
    step = steps.supported(person)
    if step is None:
        return redirect(url_for("new_step.people"))
    return render(
        "new_step/support_answers.html",
        person=person,
        check_ins=[(c, checkin.given(c), checkin.helpers(c)) for c in checkin.all_done(step)],
        questions=checkin.QUESTIONS,
        choices=checkin.CHOICES,
        kind=step.kind,
    )


@bp.post("/personal/stod/<int:participant_id>/lamna-over")
@staff_required(Role.support_person)
def hand_over(participant_id):
    """Log this device in as the participant to help them with the step's short questions (their
    answers then record that the support person helped). The login opens those questions only,
    and ends with the last answer, on logout, or after HAND_OVER_MAX_MINUTES."""
    person = participant_for_staff(participant_id, "session.hand_over", check=may_hand_over_in_step)
    logins.start(participant=person, helper=g.staff)
    return redirect(url_for("new_step.questions"), 303)
