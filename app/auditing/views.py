"""Auditors' pages: choose a participant or a staff member, read who opened what, download CSV;
check the log regularly and note it.

Auditors and administrators only. Reading a report is itself logged. The person is chosen by
the numeric id the app already uses (`?id=`); nothing else personal goes in the address.
"""

from flask import abort, g, make_response, redirect, request, url_for

from .. import audit
from ..access import staff_required
from ..db import get_session
from ..i18n import local_zone
from ..models import Participant, Role, StaffUser, utcnow
from ..web import render, row_id
from . import bp, reports, review
from .forms import PeriodForm, ReviewForm

auditors = staff_required(Role.auditor, Role.admin)


@bp.get("/")
@auditors
def index():
    """Choose whose report to read: a participant, or a staff member."""
    participants = reports.participants()
    audit.shown(p.id for p in participants)
    last_check = review.last()
    return render(
        "auditing/index.html",
        participants=participants,
        staff_members=reports.staff_members(),
        last_check=last_check,
        check_late=review.late(last_check, utcnow()),
        check_every=review.every_days(),
    )


def _chosen(model):
    """The participant or staff member in `?id=`; None when nobody is chosen yet."""
    chosen = request.args.get("id", type=row_id)
    if not chosen:
        return None
    record = get_session().get(model, chosen)
    if record is None:
        abort(404)
    return record


def _participant():
    person = _chosen(Participant)
    if person is not None:
        audit.record("audit.participant_report", person.id)
    return person


def _staff():
    staff = _chosen(StaffUser)
    if staff is not None:
        audit.record("audit.staff_report", detail=f"staff {staff.id}")
    return staff


def _period_or_errors(kind, subject):
    form = PeriodForm(formdata=request.args)
    if form.validate():
        return form, None
    page = render(
        "auditing/report.html", kind=kind, subject=subject, form=form, rows=None, status=422
    )
    return form, page


def _report(kind: str, subject, rows_of):
    if subject is None:
        return redirect(url_for("auditing.index"), 303)
    form, errors = _period_or_errors(kind, subject)
    if errors:
        return errors
    start, end = form.period()
    return render(
        "auditing/report.html", kind=kind, subject=subject, form=form,
        rows=rows_of(subject.id, start, end),
    )  # fmt: skip


def _csv(kind: str, subject, rows_of):
    if subject is None:
        return redirect(url_for("auditing.index"), 303)
    form, errors = _period_or_errors(kind, subject)
    if errors:
        return errors
    start, end = form.period()
    response = make_response(reports.to_csv(rows_of(subject.id, start, end)))
    response.mimetype = "text/csv"
    name = reports.filename(kind, subject.id, start, end)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@bp.get("/deltagare")
@auditors
def participant_report():
    """Everyone who opened this participant's data, with time and what they did."""
    return _report("deltagare", _participant(), reports.for_participant)


@bp.get("/deltagare/csv")
@auditors
def participant_csv():
    """The participant's report as a CSV file."""
    return _csv("deltagare", _participant(), reports.for_participant)


@bp.get("/personal")
@auditors
def staff_report():
    """Every participant this staff member opened, with time and what they did."""
    return _report("personal", _staff(), reports.for_staff)


@bp.get("/personal/csv")
@auditors
def staff_csv():
    """The staff member's report as a CSV file."""
    return _csv("personal", _staff(), reports.for_staff)


@bp.route("/kontroll", methods=["GET", "POST"])
@auditors
def log_review():
    """What stands out in the log since the last check; saving notes that it was checked."""
    form = ReviewForm()
    if form.validate_on_submit():
        review.save(g.staff, form.note.data.strip())
        return redirect(url_for("auditing.log_review", sparad=1), 303)
    now = utcnow()
    start = review.period_start(now)
    zone = local_zone()
    return render(
        "auditing/review.html",
        form=form,
        start=start,
        findings=review.findings(start, now),
        # The staff report over the same days, for the detail behind a count.
        report_period={
            "fran": start.astimezone(zone).date().isoformat(),
            "till": now.astimezone(zone).date().isoformat(),
        },
        earlier=review.earlier(),
        saved=request.args.get("sparad") == "1",
        status=422 if form.errors else 200,
    )


bp.add_app_template_global(reports.role_name)
