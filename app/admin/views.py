"""Administration pages: the directory, and adding units, staff and participants."""

from flask import g, redirect, url_for
from wtforms import SelectChoice

from .. import audit, pictograms
from ..access import staff_required
from ..i18n import LANGUAGES
from ..i18n import gettext as _
from ..identity import logins_allowed, passwords, sso
from ..models import Role
from ..staff import accounts
from ..web import render
from . import bp, directory, login_views
from .forms import ParticipantForm, StaffForm, UnitForm, without_sso

admin_only = staff_required(Role.admin)


@bp.get("/")
@admin_only
def index():
    """Everything an administrator keeps: units, staff and participants."""
    participants = directory.participants()
    audit.shown(p.id for p in participants)
    return render(
        "admin/index.html",
        units=directory.units(),
        staff=directory.staff(),
        participants=participants,
        unit_names={u.id: u.name for u in directory.units()},
    )


@bp.route("/enheter/ny", methods=["GET", "POST"])
@admin_only
def new_unit():
    """Add a daily activity site."""
    form = UnitForm()
    if form.validate_on_submit():
        if directory.unit_name_taken(form.name.data):
            form.name.errors.append(_("Det finns redan en enhet med det namnet."))
        else:
            directory.create_unit(form.name.data, g.staff)
            return redirect(url_for("admin.index"), 303)
    return _form_page("admin/unit_form.html", form)


@bp.route("/personal/ny", methods=["GET", "POST"])
@admin_only
def new_staff():
    """Add a supervisor, case officer or administrator. They log in through the
    municipality's identity provider, or choose their own password with a one-time code."""
    form = StaffForm()
    if not sso.configured():
        without_sso(form)
    form.units.choices = [SelectChoice(u.id, u.name) for u in directory.units()]
    if form.validate_on_submit():
        subject = login_views.subject_in(form)
        if accounts.find_by_username(form.username.data):
            form.username.errors.append(_("Användarnamnet finns redan. Välj ett annat."))
        elif not login_views.subject_free(form, subject):
            pass
        else:
            staff = accounts.create(
                form.username.data,
                form.display_name.data,
                Role(form.role.data),
                unit_ids=form.units.data if form.role.data == Role.supervisor else [],
                created_by=g.staff,
                sso_subject=subject,
            )
            if subject is None and logins_allowed.by_password(staff.username):
                return login_views.code_page(staff, passwords.issue_reset_code(staff, g.staff))
            return redirect(url_for("admin.index"), 303)
    return _form_page("admin/staff_form.html", form)


@bp.route("/deltagare/ny", methods=["GET", "POST"])
@admin_only
def new_participant():
    """Add a participant to a unit and a case officer's caseload."""
    form = ParticipantForm()
    form.language.choices = [SelectChoice(code, lang["name"]) for code, lang in LANGUAGES.items()]
    form.unit.choices = [SelectChoice(u.id, u.name) for u in directory.units()]
    form.case_officer.choices = [SelectChoice(0, _("Ingen ännu"))] + [
        SelectChoice(s.id, s.display_name) for s in directory.case_officers()
    ]
    form.pictogram.choices = [SelectChoice(c, word) for c, word in pictograms.personal()]
    if form.validate_on_submit():
        person = directory.create_participant(
            form.first_name.data,
            form.language.data,
            form.unit.data,
            form.case_officer.data or None,
            form.pictogram.data or None,
            g.staff,
        )
        return redirect(url_for("staff.participant", participant_id=person.id), 303)
    return _form_page("admin/participant_form.html", form)


def _form_page(template, form):
    return render(template, form=form, status=422 if form.errors else 200)
