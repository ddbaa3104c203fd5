"""Opening a card: "Are you Anna?", then yes starts the participant's login."""

from flask import current_app, redirect, request, url_for
from flask_babel import force_locale

from ..db import get_session
from ..extensions import limiter
from ..models import Participant
from ..web import refuse, render
from . import bp, cards


def _limit() -> str:
    return current_app.config["CARD_REDEEM_LIMIT"]


def _one_card_limit() -> str:
    return current_app.config["CARD_LIMIT"]


def _card_key() -> str:
    """The card being tried (by its secret's hash): its own count, whichever address."""
    token = (request.view_args or {}).get("token") or request.form.get("token") or ""
    return "card:" + cards.token_hash(token)[:32]


# Per address: a whole site on one wifi shares one. Per card: one card tried over and over.
card_limit = limiter.shared_limit(_limit, scope="card")
one_card_limit = limiter.shared_limit(_one_card_limit, scope="one-card", key_func=_card_key)


@bp.get("/k/<token>")
@card_limit
@one_card_limit
def confirm(token):
    """Ask "Are you Anna?" so that link previews and scanners cannot log anyone in."""
    card = cards.find(token)
    if card is None:
        return card_not_working()
    participant = get_session().get(Participant, card.participant_id)
    with force_locale(participant.language):
        return render(
            "card_login/confirm.html",
            participant=participant,
            token=token,
        )


@bp.post("/k")
@card_limit
@one_card_limit
def redeem():
    """Yes, it is me: log in and go to a clean address without the card's secret."""
    card = cards.find(request.form.get("token"))
    if card is None:
        return card_not_working()
    cards.redeem(card)
    return redirect(url_for("home.index"), 303)


@bp.get("/k/inte-jag")
def not_me():
    """No, it is not me: hand the card to a supervisor."""
    return render("card_login/not_me.html")


def card_not_working():
    """The same kind page for every card that does not work: nothing tells them apart."""
    refuse(404)
    return render("card_login/not_working.html", status=404)
