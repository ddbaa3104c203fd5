"""Administration of login cards: the list of every card, revoke, a new card, unit sheets.

Printing reuses the staff pages' card sheet: a card's secret is shown once, when it is made,
so "reprint" always means a new card (and the old one stops working).
"""

from flask import abort, redirect, request, url_for
from sqlmodel import select

from .. import audit
from ..access import participant_for_staff
from ..card_login import cards
from ..db import get_session
from ..models import LoginCard, Unit, utcnow
from ..staff import people as staff_people
from ..staff.views import already_issued, already_printed, print_page
from ..web import render, row_id
from . import bp, card_list, directory
from .views import admin_only


@bp.get("/kort")
@admin_only
def card_list_page():
    """Every card with its status; filter by status and unit."""
    wanted = request.args.get("status") or None
    wanted = wanted if wanted in card_list.STATUSES else None
    unit_id = request.args.get("enhet", type=row_id)
    rows = card_list.rows(utcnow(), wanted, unit_id)
    audit.shown(row.person.id for row in rows)
    return render(
        "admin/cards.html",
        rows=rows,
        chosen=wanted,
        unit_id=unit_id,
        units=directory.units(),
        statuses=card_list.STATUSES,
        cards_seen={row.person.id: row.card.id for row in rows if row.newest},
    )


@bp.post("/kort/<int:card_id>/sparra")
@admin_only
def revoke_card(card_id):
    """Stop a card at once; the participant's open logins end with it."""
    card = get_session().get(LoginCard, card_id)
    if card is None:
        abort(404)
    participant_for_staff(card.participant_id, "participant.view")
    if card.revoked_at is None:
        cards.revoke(card)
    return redirect(_back_to_list(), 303)


@bp.post("/deltagare/<int:participant_id>/nytt-kort")
@admin_only
def new_card(participant_id):
    """Print a new card (reprint or reissue); the person's earlier cards stop working."""
    person = participant_for_staff(participant_id, "card.print")
    if person.ended_at is not None:
        abort(404)
    if already_issued([person.id]):
        return already_printed(_back_to_list())
    _card, token = cards.issue(person)
    return print_page([(person, token)])


@bp.route("/enheter/<int:unit_id>/kort", methods=["GET", "POST"])
@admin_only
def unit_cards(unit_id):
    """A print sheet for one unit: new cards for the participants ticked."""
    unit = get_session().get(Unit, unit_id)
    if unit is None:
        abort(404)
    at_unit = staff_people.participants_at(unit.id)
    if request.method == "POST":
        chosen = set(request.form.getlist("participant", type=row_id))
        picked = [p for p in at_unit if p.id in chosen]
        if picked and already_issued(p.id for p in at_unit):
            return already_printed(url_for("admin.unit_cards", unit_id=unit.id))
        if picked:
            issued = []
            for person in picked:
                audit.record("card.print", person.id)
                issued.append((person, cards.issue(person)[1]))
            return print_page(issued)
    audit.shown(p.id for p in at_unit)
    return render(
        "admin/unit_cards.html",
        unit=unit,
        participants=at_unit,
        current=_current_cards(p.id for p in at_unit),
        now=utcnow(),
        cards_seen=cards.latest_card_id(p.id for p in at_unit),
        pick_error=request.method == "POST",
        status=422 if request.method == "POST" else 200,
    )


def _current_cards(participant_ids) -> dict[int, LoginCard]:
    """Each participant's newest card, to show whether it still works."""
    ids = list(participant_ids)
    newest = {}
    if ids:
        query = select(LoginCard).where(LoginCard.participant_id.in_(ids)).order_by(LoginCard.id)
        for card in get_session().exec(query).all():
            newest[card.participant_id] = card
    return newest


def _back_to_list() -> str:
    """The card list with the filters the form came from."""
    status = request.form.get("status") or None
    unit_id = request.form.get("enhet", type=row_id)
    return url_for(
        "admin.card_list_page",
        status=status if status in card_list.STATUSES else None,
        enhet=unit_id or None,
    )
