"""Onboarding from the case system: upload a CSV file, see every row's result, then save."""

from flask import abort, current_app, g, redirect, request, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from werkzeug.exceptions import RequestEntityTooLarge

from .. import audit
from ..db import get_session
from ..extensions import csrf
from ..i18n import gettext as _
from ..models import Unit
from ..web import render
from . import bp, importing
from .forms import ImportForm, SaveImportForm
from .views import admin_only

# About 50,000 rows of a usual file.
UPLOAD_LIMIT = 4 * 1024 * 1024


def _signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="admin.import")


@bp.route("/import", methods=["GET", "POST"])
@admin_only
@csrf.exempt  # checked by the form, once the larger limit for the file is set
def import_file():
    """Upload the case system's file: nothing is saved yet, every row's result is shown."""
    request.max_content_length = UPLOAD_LIMIT
    try:
        form = ImportForm()
        if form.validate_on_submit():
            text = importing.decode(form.file.data.read())
            plan = importing.plan(importing.read(text))
            signed = _signer().dumps({"by": g.staff.id, "text": text})
            return render(
                "admin/import_preview.html",
                plan=plan,
                form=SaveImportForm(formdata=None, data={"file": signed}),
            )
    except RequestEntityTooLarge:
        form = ImportForm(formdata=None)
        form.file.errors = [_("Filen är för stor. Dela upp den i filer under 4 MB.")]
    except importing.FileRefused as refused:
        form.file.errors = [str(refused)]
    return render(
        "admin/import.html",
        form=form,
        columns=importing.COLUMNS,
        status=422 if form.errors else 200,
    )


@bp.post("/import/spara")
@admin_only
@csrf.exempt  # checked by the form, once the larger limit for the file is set
def import_save():
    """Save every good row of the previewed file in one transaction. A preview that is not
    this person's own, as it was shown, starts again at the upload."""
    request.max_content_length = UPLOAD_LIMIT
    form = SaveImportForm()
    if request.files:
        abort(400)
    try:
        signed = _signer().loads(form.file.data) if form.validate_on_submit() else {}
    except BadSignature:
        signed = {}
    if signed.get("by") != g.staff.id:
        return redirect(url_for("admin.import_file"), 303)
    plan = importing.plan(importing.read(signed["text"]))
    saved = importing.save(plan, g.staff)
    units = [get_session().get(Unit, unit_id) for unit_id in saved.card_unit_ids]
    audit.record("import.save", detail=f"{saved.new} new, {saved.changed} changed")
    return render("admin/import_saved.html", saved=saved, plan=plan, units=units)
