"""The participant's pages: the list of other paths, one page per path, and "Jag vill veta mer"
or "Inte nu". Both answers are fine; nothing here pushes."""

from flask import abort, g, redirect, url_for

from ..access import participant_required
from ..i18n import current as current_language
from ..web import render
from . import bp, catalogue, come_back, interests
from .models import PARTS


def _alternative_or_404(key: str):
    """An alternative the participant may read: hidden and unknown ones do not exist for them."""
    alternative = catalogue.find_visible(key)
    if alternative is None:
        abort(404)
    return alternative


def _language() -> str:
    return current_language()["code"]


@bp.get("/andra-vagar")
@participant_required
def index():
    """Andra vägar: every shown alternative as a picture card."""
    return render(
        "alternatives/index.html", alternatives=catalogue.visible(), language_code=_language()
    )


@bp.get("/andra-vagar/<key>")
@participant_required
def page(key):
    """One alternative in six short parts, ending with "Jag vill veta mer" and "Inte nu"."""
    alternative = _alternative_or_404(key)
    return render(
        "alternatives/page.html",
        alternative=alternative,
        language_code=_language(),
        parts=PARTS,
        come_back=come_back.for_alternative(alternative.key, _language()),
        interest=interests.open_interest(g.participant.id, alternative.id),
    )


@bp.post("/andra-vagar/<key>/veta-mer")
@participant_required
def want_to_know(key):
    """Record "Jag vill veta mer" (once, however often it is tapped) and say who will call."""
    alternative = _alternative_or_404(key)
    interests.want_to_know_more(g.participant, alternative)
    return redirect(url_for("alternatives.interest", key=alternative.key), 303)


@bp.get("/andra-vagar/<key>/veta-mer")
@participant_required
def interest(key):
    """ "Bra!": who will get in touch, and roughly when; the answer can be taken back."""
    alternative = _alternative_or_404(key)
    if interests.open_interest(g.participant.id, alternative.id) is None:
        return redirect(url_for("alternatives.page", key=alternative.key))
    return render(
        "alternatives/interest.html",
        alternative=alternative,
        language_code=_language(),
        case_officer=interests.case_officer_name(g.participant),
    )


@bp.post("/andra-vagar/<key>/angra")
@participant_required
def withdraw(key):
    """Take "Jag vill veta mer" back. The page says so kindly."""
    alternative = _alternative_or_404(key)
    interests.take_back(g.participant, alternative)
    return redirect(url_for("alternatives.not_now", key=alternative.key), 303)


@bp.get("/andra-vagar/<key>/inte-nu")
@participant_required
def not_now(key):
    """ "Inte nu" is a good answer: come back whenever you like."""
    alternative = _alternative_or_404(key)
    return render("alternatives/not_now.html", alternative=alternative, language_code=_language())


@bp.record_once
def alternatives_helpers(state):
    """The words for how an interest was followed up. Set once (a context processor would
    build them for every page). The check-in summary and the brief get the alternatives
    from their views."""
    state.app.jinja_env.globals.update(
        follow_up_words=interests.FOLLOW_UP_KINDS,
    )
