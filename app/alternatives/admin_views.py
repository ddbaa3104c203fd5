"""The catalogue for administrators: add, change, hide and reorder the other paths."""

from flask import abort, g, redirect, url_for

from ..access import staff_required
from ..i18n import LANGUAGES
from ..models import Role
from ..web import render
from . import bp, catalogue, come_back
from .forms import ComeBackForm, alternative_form

admin_only = staff_required(Role.admin)


@bp.get("/admin/andra-vagar")
@admin_only
def admin_list():
    """Every alternative in order, hidden ones marked, each with a link to change it."""
    return render(
        "alternatives/admin_list.html",
        alternatives=catalogue.all_alternatives(),
        languages=LANGUAGES,
    )


@bp.route("/admin/andra-vagar/ny", methods=["GET", "POST"])
@admin_only
def admin_new():
    """Add an alternative (a local one, say)."""
    return _form_page(None)


@bp.route("/admin/andra-vagar/<key>", methods=["GET", "POST"])
@admin_only
def admin_edit(key):
    """Change an alternative's texts, picture, order or local contact, or hide it."""
    alternative = catalogue.find(key)
    if alternative is None:
        abort(404)
    return _form_page(alternative)


def _form_page(alternative):
    form = alternative_form(alternative)
    if form.validate_on_submit():
        catalogue.save(
            alternative,
            texts=form.texts(),
            position=form.position.data,
            pictogram=form.pictogram.data,
            hidden=form.visibility.data == "hidden",
            facts_checked_on=form.facts_checked_on.data,
            facts_check_note=form.facts_check_note.data or "",
            staff=g.staff,
        )
        return redirect(url_for("alternatives.admin_list"), 303)
    return render(
        "alternatives/admin_form.html",
        form=form,
        alternative=alternative,
        status=422 if form.errors else 200,
    )


@bp.route("/admin/kan-jag-komma-tillbaka", methods=["GET", "POST"])
@admin_only
def admin_come_back():
    """The answer to "Kan jag komma tillbaka?", written once for the job paths and once for the
    study paths: every path of the group and the participant's "Jag vill komma tillbaka" show
    it."""
    form = ComeBackForm()
    if form.validate_on_submit():
        come_back.save(form.texts(), g.staff)
        return redirect(url_for("alternatives.admin_list"), 303)
    if not form.is_submitted():
        form.fill(come_back.texts())
    return render(
        "alternatives/admin_come_back.html", form=form, status=422 if form.errors else 200
    )
