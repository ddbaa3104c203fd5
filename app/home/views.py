"""The participant's home page and the choices about themselves."""

from datetime import date

from flask import current_app, g, redirect, request, url_for

from .. import audit, logins, outage, pictograms
from ..access import is_hand_over, participant_required, refuse_hand_over
from ..checkins.tile import meeting_tile
from ..consent import sharing
from ..db import get_session
from ..i18n import LANGUAGES
from ..identity.sso_views import log_out_staff
from ..meetings import outcome
from ..models import Role, StaffUser
from ..new_step import steps
from ..new_step.tiles import kind_of
from ..web import local_address, render
from . import bp, profile
from .tiles import TILES


def g_support_person(step):
    """The support person named for the step, if it is not the case officer."""
    staff = get_session().get(StaffUser, step.support_by_id)
    return staff if staff is not None and staff.role == Role.support_person else None


# When the accessibility statement was last checked against the app.
STATEMENT_REVIEWED = date(2026, 12, 7)


@bp.get("/")
def index():
    """Home: a participant's tiles, staff's start page, or how to log in."""
    if is_hand_over():
        if steps.current(g.participant) is not None:
            return redirect(url_for("new_step.questions"))
        return redirect(url_for("checkins.resume"))
    if g.participant is not None:
        step = steps.current(g.participant)
        if step is not None:
            return _step_home(step)
        meeting = meeting_tile(g.participant.id)
        return render(
            "home/index.html",
            tiles=TILES,
            meeting=meeting,
            # What the last meeting decided stays until the next check-in opens.
            outcome=outcome.for_home(g.participant.id) if meeting is None else None,
            ask_consent=sharing.asked_again(g.participant),
        )
    if g.staff is not None:
        return redirect(url_for("staff.index"))
    return render("home/welcome.html")


def _step_home(step):
    """The home of a participant in a new step: "Mitt jobb" or "Mina studier", the short
    check-in, and "Jag vill komma tillbaka", always there."""
    support_person = g_support_person(step)
    return render(
        "new_step/home.html",
        step=step,
        step_kind=kind_of(step),
        tiles=[t for t in TILES if t.key not in ("goals.mine", "consent.page")],
        due=steps.due_day(step) is not None,
        support_person=support_person,
        ask_consent=support_person is not None
        and not sharing.asked_for_support(g.participant, support_person),
    )


@bp.get("/min-bild")
@participant_required
def my_picture():
    """Let the participant pick the picture that shows it is them."""
    return render("home/my_picture.html", choices=pictograms.personal())


@bp.post("/min-bild")
@participant_required
def choose_picture():
    choice = request.form.get("pictogram", "")
    if not pictograms.is_personal(choice):
        return render("home/my_picture.html", choices=pictograms.personal(), error=True, status=422)
    profile.choose_picture(logins.participant_to_change(), choice)
    return redirect(url_for("home.index"), 303)


@bp.get("/sprak")
def language():
    """Choose the language, each one named in itself."""
    return render("home/language.html")


@bp.post("/sprak")
def choose_language():
    refuse_hand_over()
    code = request.form.get("lang", "")
    if code not in LANGUAGES:
        return render("home/language.html", error=True, status=422)
    profile.choose_language(logins.participant_to_change() if g.participant else None, code)
    return redirect(_back_to(request.form.get("next")), 303)


@bp.get("/tillganglighet")
def accessibility():
    """The accessibility statement (tillgänglighetsredogörelse), open to everyone."""
    return render(
        "home/accessibility.html",
        contact=current_app.config["ACCESSIBILITY_CONTACT"],
        staff_idle_minutes=current_app.config["STAFF_IDLE_MINUTES"],
        reviewed=STATEMENT_REVIEWED,
    )


@bp.post("/logga-ut")
def logout():
    """Log out, for participants and staff alike."""
    if g.staff is not None:
        return log_out_staff()
    handed_back = is_hand_over()
    if handed_back:
        audit.record("session.hand_back", g.participant.id)
    logins.end_current()
    # A supervisor's device handed back goes to the staff login; a participant's phone home.
    return redirect(url_for("staff.login" if handed_back else "home.index"), 303)


def _back_to(target: str | None) -> str:
    """Only ever go back to a page of this app."""
    return local_address(target) or url_for("home.index")


@bp.get("/healthz")
def health():
    """For the platform's health check: 200 "ok" when the database can be read and written,
    else 503 and what is wrong. Redis gone is said too, with 200: limits then count in memory."""
    problems = outage.health()
    database_down = any(p.startswith("database") for p in problems)
    body = "\n".join(problems) or "ok"
    return body, 503 if database_down else 200, {"Content-Type": "text/plain; charset=utf-8"}
