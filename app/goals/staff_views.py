"""Staff pages for goals: the case officer writes the order, the supervisor the plan."""

from flask import abort, g, make_response, redirect, request, url_for

from .. import access, pdf
from ..access import participant_for_staff, staff_required
from ..db import get_session
from ..i18n import today
from ..models import Participant, Role
from ..web import render, row_id
from . import bp, order, plan, staff_page
from .forms import NO_GOAL, goal_form, step_form
from .models import Goal, GoalStep

case_officers = staff_required(Role.case_officer)
supervisors = staff_required(Role.supervisor)
goal_readers = staff_required(Role.case_officer, Role.supervisor)


def _goal_for_case_officer(goal_id: int, action: str) -> tuple[Goal, object]:
    goal = get_session().get(Goal, goal_id)
    if goal is None:
        abort(404)
    person = participant_for_staff(goal.participant_id, action, check=access.may_write_goals)
    return goal, person


def _step_for_supervisor(step_id: int, action: str) -> GoalStep:
    step = get_session().get(GoalStep, step_id)
    if step is None:
        abort(404)
    participant_for_staff(step.participant_id, action, check=access.may_write_steps)
    return step


def _back_to(person) -> str:
    return url_for("staff.participant", participant_id=person.id) + "#goals"


@bp.route("/personal/deltagare/<int:participant_id>/mal/nytt", methods=["GET", "POST"])
@case_officers
def new_goal(participant_id):
    """Write a new goal into the participant's order."""
    person = participant_for_staff(participant_id, "goal.view", check=access.may_write_goals)
    form = goal_form()
    if form.validate_on_submit():
        order.create(person, form.wording(), by=g.staff)
        return redirect(_back_to(person), 303)
    return render(
        "goals/goal_form.html", form=form, person=person, goal=None,
        status=422 if form.errors else 200,
    )  # fmt: skip


@bp.route("/personal/mal/<int:goal_id>/andra", methods=["GET", "POST"])
@case_officers
def edit_goal(goal_id):
    """Change a goal's wording. The earlier wording stays readable; a stale save is refused."""
    goal, person = _goal_for_case_officer(goal_id, "goal.view")
    if goal.ended_at is not None:
        return render("goals/ended.html", person=person, status=409)
    saved = order.current(goal)
    form = goal_form(saved)
    conflict = None
    if form.validate_on_submit():
        try:
            based_on = int(form.version.data or 0)
        except ValueError:
            based_on = 0
        try:
            order.revise(goal, form.wording(), based_on=based_on, by=g.staff)
            return redirect(_back_to(person), 303)
        except order.GoalEnded:
            return render("goals/ended.html", person=person, status=409)
        except order.StaleGoal as stale:
            conflict = stale.current
            # What the person typed stays in the form; saving again is based on the newer one.
            form.version.data = str(conflict.version)
    status = 409 if conflict else 422 if form.errors else 200
    versions = order.versions(goal)
    return render(
        "goals/goal_form.html", form=form, person=person, goal=goal,
        saved=conflict or saved, conflict=conflict, versions=versions,
        names=staff_page.staff_names(v.created_by_id for v in [*versions, conflict] if v),
        status=status,
    )  # fmt: skip


@bp.post("/personal/mal/<int:goal_id>/avsluta")
@case_officers
def end_goal(goal_id):
    """End a goal: it leaves the participant's list; its history and steps stay readable."""
    goal, person = _goal_for_case_officer(goal_id, "goal.view")
    try:
        order.end(goal, by=g.staff)
    except order.GoalEnded:
        return render("goals/ended.html", person=person, status=409)
    return redirect(_back_to(person), 303)


@bp.route("/personal/deltagare/<int:participant_id>/mal/steg/nytt", methods=["GET", "POST"])
@supervisors
def new_step(participant_id):
    """Add a next step to the plan: what happens, who does it, and when."""
    person = participant_for_staff(participant_id, "goal.view", check=access.may_write_steps)
    paths = plan.plan_of(person.id).paths
    form = step_form(paths, request.args.get("mal", type=row_id))
    if form.validate_on_submit():
        plan.add(
            person, _chosen_goal(form, paths), form.what.data, form.who.data,
            form.who_name.data or "", form.due.data, by=g.staff,
        )  # fmt: skip
        return redirect(_back_to(person), 303)
    return render(
        "goals/step_form.html", form=form, person=person, status=422 if form.errors else 200
    )


@bp.route("/personal/mal/steg/<int:step_id>/andra", methods=["GET", "POST"])
@supervisors
def edit_step(step_id):
    """Change a step of the plan: what, who, when, or its goal. The earlier wording is kept."""
    step = _step_for_supervisor(step_id, "goal.view")
    if step.removed_at is not None:
        abort(404)
    person = get_session().get(Participant, step.participant_id)
    paths = plan.plan_of(person.id).paths
    form = step_form(paths, step=step)
    if form.validate_on_submit():
        plan.edit(
            step, _chosen_goal(form, paths), form.what.data, form.who.data,
            form.who_name.data or "", form.due.data, by=g.staff,
        )  # fmt: skip
        return redirect(_back_to(person), 303)
    return render(
        "goals/step_form.html", form=form, person=person, step=step,
        status=422 if form.errors else 200,
    )  # fmt: skip


@bp.post("/personal/mal/steg/<int:step_id>/ta-bort")
@supervisors
def remove_step(step_id):
    """Take a step out of the plan; it stays in the plan's history."""
    return _change_step(step_id, plan.remove)


def _change_step(step_id, change):
    """Make `change` (plan.remove, plan.confirm, plan.reopen) to a step the supervisor may
    see, then go back to the goals on the participant's page."""
    step = _step_for_supervisor(step_id, "goal.view")
    change(step, by=g.staff)
    return redirect(
        url_for("staff.participant", participant_id=step.participant_id) + "#goals", 303
    )


def _chosen_goal(form, paths):
    if form.goal.data == NO_GOAL:
        return None
    return next((p.goal for p in paths if str(p.goal.id) == form.goal.data), None)


@bp.post("/personal/mal/steg/<int:step_id>/bekrafta")
@supervisors
def confirm_step(step_id):
    """Confirm that the step is done."""
    return _change_step(step_id, plan.confirm)


@bp.post("/personal/mal/steg/<int:step_id>/oppna")
@supervisors
def reopen_step(step_id):
    """Open the step again: it was not done after all."""
    return _change_step(step_id, plan.reopen)


@bp.get("/personal/deltagare/<int:participant_id>/plan.pdf")
@goal_readers
def plan_pdf(participant_id):
    """The goals and the plan's steps as a PDF for the provider's own records (the
    genomförandeplan), so nobody writes it twice; each download is audit-logged."""
    person = participant_for_staff(participant_id, "plan.pdf", check=access.may_see_goals)
    document = pdf.render(
        "goals/plan_pdf.html",
        person=person,
        plan=plan.plan_of(person.id),
        shows_feelings=access.sees_area(g.staff, person, "goal_comments"),
    )
    response = make_response(document)
    response.headers["Content-Type"] = "application/pdf"
    # The file's name holds the day it was made, never the person's name.
    day = today().isoformat()
    response.headers["Content-Disposition"] = f'attachment; filename="plan-{day}.pdf"'
    return response


@bp.record_once
def goals_helpers(state):
    """Template names, set once (a context processor would build them for every page)."""
    state.app.jinja_env.globals.update(
        goal_who=plan.WHO_BY_KEY,
        goal_feelings=plan.FEELING_BY_KEY,
    )
