"""Admins edit the wording and order of the check-in questions; each save is a new version."""

from flask import g, redirect, request, url_for

from ..access import staff_required
from ..i18n import LANGUAGES
from ..models import Role
from ..web import render
from . import bp, questions


@bp.route("/admin/fragor", methods=["GET", "POST"])
@staff_required(Role.admin)
def admin_questions():
    """Change what the check-in asks, in every language, and in which order."""
    current = questions.current_set()
    keys = [q["key"] for q in current.questions]
    problems, saved = {}, request.args.get("sparat") == "1"
    if request.method == "POST":
        texts = {
            key: {lang: request.form.get(f"{key}-{lang}", "") for lang in LANGUAGES} for key in keys
        }
        positions = {key: request.form.get(f"{key}-order", type=int) for key in keys}
        try:
            questions.revise(texts, positions, by=g.staff)
            return redirect(url_for("checkins.admin_questions", sparat=1), 303)
        except questions.RevisionError as error:
            problems = error.problems
    return render(
        "checkins/admin_questions.html",
        question_set=current,
        problems=problems,
        error=bool(problems),
        saved=saved,
        form_data=request.form,
        status=422 if problems else 200,
    )
