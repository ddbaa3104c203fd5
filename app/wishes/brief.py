"""What staff see of a participant's wishes: the piles, their own words, and what changed.

Only the participant's own case officer sees wishes. Supervisors work for the provider, a
different organisation: they may see wishes only when the participant's consent covers it,
and until consent is recorded in the app they do not see them at all.
"""

from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import select

from ..db import get_session
from ..models import StaffUser
from ..options import Option
from . import catalogue, sorting
from .models import Wish, WishCard, WishNote
from .sorting import PILES


@dataclass(frozen=True)
class PlacedCard:
    card: WishCard
    wish: Wish


@dataclass(frozen=True)
class Change:
    """A card that is new since the baseline (before is None) or moved from another pile."""

    card: WishCard
    before: Option | None
    after: Option
    at: datetime


@dataclass
class WishesBrief:
    """The current piles, the participant's text and the changes since `since`.

    With `since`, a change is a card sorted for the first time after it ("new") or a card on
    another pile than at that moment. Without `since` (no earlier follow-up) nothing is "new":
    the changes are the cards the participant has moved since they first sorted them.
    """

    since: datetime | None
    piles: list[tuple[Option, list[PlacedCard]]]
    note: str
    note_at: datetime | None
    note_changed: bool
    changes: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.note and not any(cards for _pile, cards in self.piles)


def wishes_for_brief(participant_id: int, since: datetime | None = None) -> WishesBrief:
    """A participant's wishes for their case officer's brief (the caller checks and audits)."""
    db = get_session()
    history = list(
        db.exec(
            select(Wish)
            .where(Wish.participant_id == participant_id)
            .order_by(Wish.created_at, Wish.id)
        ).all()
    )
    cards = {card.id: card for card in db.exec(select(WishCard)).all()}
    first, current, at_since = {}, {}, {}
    for wish in history:
        first.setdefault(wish.card_id, wish)
        current[wish.card_id] = wish
        if since is not None and wish.created_at <= since:
            at_since[wish.card_id] = wish

    order = {card.id: n for n, card in enumerate(sorted(cards.values(), key=catalogue.sort_key))}
    placed = sorted(current.values(), key=lambda w: order[w.card_id])
    piles = [
        (p, [PlacedCard(cards[w.card_id], w) for w in placed if w.pile == p.key]) for p in PILES
    ]

    changes = []
    for card_id, wish in current.items():
        if since is not None and card_id not in at_since:
            changes.append(Change(cards[card_id], None, sorting.pile(wish.pile), wish.created_at))
            continue
        baseline = at_since.get(card_id) or first[card_id]
        if baseline.pile != wish.pile:
            changes.append(
                Change(
                    cards[card_id],
                    sorting.pile(baseline.pile),
                    sorting.pile(wish.pile),
                    wish.created_at,
                )
            )
    # Newest first; changes made at the same time in catalogue order.
    changes.sort(key=lambda c: order[c.card.id])
    changes.sort(key=lambda c: c.at, reverse=True)

    notes = list(
        db.exec(
            select(WishNote)
            .where(WishNote.participant_id == participant_id)
            .order_by(WishNote.created_at, WishNote.id)
        ).all()
    )
    note = notes[-1].text if notes else ""
    if since is None:
        baseline_note = notes[0].text if notes else ""
    else:
        baseline_note = next((n.text for n in reversed(notes) if n.created_at <= since), "")
    return WishesBrief(
        since=since,
        piles=piles,
        note=note,
        note_at=notes[-1].created_at if notes else None,
        note_changed=note != baseline_note,
        changes=changes,
    )


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    card: WishCard | None
    pile: Option | None
    text: str | None
    helper: StaffUser | None


def history(participant_id: int) -> list[HistoryEntry]:
    """Every placement and every version of the text, newest first, with who helped."""
    db = get_session()
    cards = {card.id: card for card in db.exec(select(WishCard)).all()}
    helpers = {}

    def helper(helper_id):
        if helper_id is None:
            return None
        if helper_id not in helpers:
            helpers[helper_id] = db.get(StaffUser, helper_id)
        return helpers[helper_id]

    entries = [
        HistoryEntry(
            w.created_at, cards[w.card_id], sorting.pile(w.pile), None, helper(w.helper_id)
        )
        for w in db.exec(select(Wish).where(Wish.participant_id == participant_id)).all()
    ] + [
        HistoryEntry(n.created_at, None, None, n.text, helper(n.helper_id))
        for n in db.exec(select(WishNote).where(WishNote.participant_id == participant_id)).all()
    ]
    return sorted(entries, key=lambda e: e.at, reverse=True)
