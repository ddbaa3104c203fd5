"""The participant's page "Vem får se?": one yes or no per area, saved at once."""

from flask import g, redirect, request, url_for

from ..access import participant_required
from ..db import get_session
from ..models import Unit
from ..web import render, wants_fragment
from . import bp, sharing

ANSWERS = {"ja": True, "nej": False}


@bp.get("/vem-far-se")
@participant_required
def page():
    """Who sees my answers: the case officer always, the supervisor what I say yes to."""
    return _page(saved=request.args.get("sparat"))


@bp.post("/vem-far-se")
@participant_required
def choose():
    """Save yes or no for one area at once. Both answers are just as easy, and can be undone."""
    key = request.form.get("area", "")
    answer = request.form.get("answer", "")
    if key not in sharing.AREA_BY_KEY or answer not in ANSWERS:
        return _page(error=True, status=422)
    sharing.choose(g.participant, key, ANSWERS[answer])
    if wants_fragment():
        return render(
            "consent/_area.html",
            area=sharing.AREA_BY_KEY[key],
            given=ANSWERS[answer],
            saved=True,
        )
    return redirect(url_for("consent.page", sparat=key, _anchor=f"area-{key}"), 303)


def _page(saved=None, error=False, status=200):
    return render(
        "consent/page.html",
        areas=sharing.AREAS,
        consents=sharing.current(g.participant),
        unit=get_session().get(Unit, g.participant.unit_id),
        saved_area=saved,
        error=error,
        status=status,
    )
