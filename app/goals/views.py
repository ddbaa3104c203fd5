"""The participant's pages: my goals, one goal with its path of steps, and "I did it!"."""

from flask import abort, g, redirect, request, url_for

from ..access import participant_required
from ..db import get_session
from ..web import render
from . import bp, plan
from .models import GoalStep


def _path_or_404(goal_id: int) -> plan.GoalPath:
    """One of the participant's own active goals; anyone else's does not exist for them."""
    path = next((p for p in plan.plan_of(g.participant.id).paths if p.goal.id == goal_id), None)
    if path is None:
        abort(404)
    return path


def _step_or_404(step_id: int) -> tuple[plan.GoalPath, GoalStep]:
    step = get_session().get(GoalStep, step_id)
    if step is None or step.participant_id != g.participant.id or step.goal_id is None:
        abort(404)
    path = _path_or_404(step.goal_id)
    current = next((s for s in path.steps if s.id == step.id), None)
    if current is None:  # removed from the plan
        abort(404)
    return path, current


@bp.get("/mina-mal")
@participant_required
def mine():
    """My goals: each goal as a card with its picture, its words and how far I have come."""
    return render("goals/mine.html", paths=plan.plan_of(g.participant.id).paths)


@bp.get("/mina-mal/<int:goal_id>")
@participant_required
def goal(goal_id):
    """One goal: the path of its steps (done, next, later), the next step big."""
    return render(
        "goals/goal.html", path=_path_or_404(goal_id), done_now=request.args.get("klart") == "1"
    )


@bp.route("/mina-mal/steg/<int:step_id>/klart", methods=["GET", "POST"])
@participant_required
def step_done(step_id):
    """ "Jag har gjort det!": the participant picks a face for how it went; saved at once."""
    path, step = _step_or_404(step_id)
    if request.method == "GET":
        return render("goals/done.html", path=path, step=step)
    feeling = request.form.get("feeling", "")
    if feeling not in plan.FEELING_BY_KEY:
        return render("goals/done.html", path=path, step=step, error=True, status=422)
    plan.mark_done(step, feeling)
    return redirect(url_for("goals.goal", goal_id=path.goal.id, klart=1), 303)
