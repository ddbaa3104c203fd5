"""The catalogue for administrators: add, change, hide and reorder the other paths."""

from flask import g, redirect, url_for

from .. import catalogues
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
    return _form_page(catalogues.found(catalogue.find(key)))


def _form_page(alternative):
    return catalogues.form_page(
        alternative,
        alternative_form(alternative),
        catalogue.save,
        template="alternatives/admin_form.html",
        back="alternatives.admin_list",
        alternative=alternative,
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
