"""The participant's display choices, the offline page and the service worker."""

from flask import make_response, redirect, request, url_for

from .. import logins
from ..access import participant_required
from ..web import render
from . import bp, choices, offline


@bp.get("/sa-vill-jag-se-det")
@participant_required
def choices_page():
    """Larger text, clearer colours, a calmer screen: one big button each."""
    return render("display/choices.html", choices=choices.CHOICES)


@bp.post("/sa-vill-jag-se-det")
@participant_required
def choose():
    """Save the choice at once and show the page again, now looking the new way."""
    try:
        choices.choose(logins.participant_to_change(), request.form)
    except choices.ChoiceError:
        return render("display/choices.html", choices=choices.CHOICES, error=True, status=422)
    return redirect(url_for("display.choices_page"), 303)


@bp.get("/utan-nat")
def offline_page():
    """Shown by the phone when there is no connection and the page is not kept."""
    return render("display/offline.html")


@bp.get("/sw.js")
def service_worker():
    """The phone's helper for weak connections, served from the root so it covers every page."""
    response = make_response(offline.script())
    response.mimetype = "text/javascript"
    return response
