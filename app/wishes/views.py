"""The participant's pages: start, one card at a time, the overview, and "Något annat?"."""

from flask import abort, g, redirect, request, url_for

from ..access import participant_required
from ..i18n import current as current_language
from ..web import render
from . import bp, catalogue, sorting
from .forms import NoteForm

# Cards opened from the overview go back there after a choice; in the walk they go on.
FROM_OVERVIEW = "oversikt"


def _card_or_404(key: str):
    """A card the participant may sort: hidden and unknown cards do not exist for them."""
    card = catalogue.find_visible(key)
    if card is None:
        abort(404)
    return card


def _after(card, from_overview: bool) -> str:
    """Where a choice (or a skip) leads: on to the next unsorted card, else the overview."""
    if not from_overview:
        following = sorting.next_unsorted(g.participant.id, after=card)
        if following is not None:
            return url_for("wishes.card", key=following.key)
    return url_for("wishes.overview")


@bp.get("/onskemal")
@participant_required
def start():
    """My wishes: what the cards are for, and a big button to begin (or go on)."""
    overview = sorting.overview(g.participant.id)
    first = sorting.next_unsorted(g.participant.id)
    return render(
        "wishes/start.html",
        piles=sorting.PILES,
        first=first,
        sorted_count=sum(len(cards) for _pile, cards in overview.piles),
    )


def _card_page(card, from_overview: bool, error: bool = False, status: int = 200):
    cards = catalogue.visible_cards()
    placed = sorting.state(g.participant.id).get(card.id)
    return render(
        "wishes/card.html",
        card=card,
        word=card.word(current_language()["code"]),
        word_language=card.word_language(current_language()["code"]),
        group=catalogue.group_label(card.group),
        number=[c.id for c in cards].index(card.id) + 1,
        total=len(cards),
        piles=sorting.PILES,
        current=sorting.pile(placed.pile) if placed else None,
        from_overview=from_overview,
        skip_to=_after(card, from_overview),
        error=error,
        status=status,
    )


@bp.get("/onskemal/kort/<key>")
@participant_required
def card(key):
    """One card, big, with four choices: like, not sure, don't like, want to try."""
    return _card_page(_card_or_404(key), request.args.get("fran") == FROM_OVERVIEW)


@bp.post("/onskemal/kort/<key>")
@participant_required
def place(key):
    """Put the card on the chosen pile (saved at once), then show the next card."""
    card = _card_or_404(key)
    from_overview = request.form.get("fran") == FROM_OVERVIEW
    pile = request.form.get("pile", "")
    if pile not in sorting.PILE_KEYS:
        return _card_page(card, from_overview, error=True, status=422)
    sorting.place(g.participant, card, pile)
    return redirect(_after(card, from_overview), 303)


@bp.get("/onskemal/oversikt")
@participant_required
def overview():
    """All my cards in their piles; a card opens again to move it to another pile."""
    return render(
        "wishes/overview.html",
        overview=sorting.overview(g.participant.id),
        language_code=current_language()["code"],
        from_overview=FROM_OVERVIEW,
    )


@bp.get("/onskemal/nagot-annat")
@participant_required
def note():
    """ "Något annat?": a short text of the participant's own."""
    form = NoteForm(text=sorting.current_note(g.participant.id))
    return render("wishes/note.html", form=form)


@bp.post("/onskemal/nagot-annat")
@participant_required
def save_note():
    form = NoteForm()
    if not form.validate_on_submit():
        return render("wishes/note.html", form=form, status=422)
    sorting.save_note(g.participant, form.text.data or "")
    return redirect(url_for("wishes.overview"), 303)
