"""Sorting cards into piles, and the participant's own words. Every change is a new row."""

from dataclasses import dataclass
from datetime import datetime

from flask import g
from sqlmodel import select

from ..db import get_session, one_change_at_a_time, save_changes
from ..i18n import lazy_gettext as _l
from ..models import Participant
from ..options import Option, by_key
from . import catalogue
from .models import NOTE_MAX_LENGTH, Wish, WishCard, WishNote

# The four piles, in the order they are offered (Talking Mats: like, unsure, dislike).
PILES = [
    Option("like", _l("Jag gillar"), "like"),
    Option("not_sure", _l("Vet inte"), "dont_know"),
    Option("dislike", _l("Jag gillar inte"), "dislike"),
    Option("want_to_try", _l("Jag vill prova"), "want_to_try"),
]
PILE_BY_KEY = by_key(PILES)
PILE_KEYS = set(PILE_BY_KEY)


def pile(key: str) -> Option:
    return PILE_BY_KEY[key]


def _history(participant_id: int, until: datetime | None = None) -> list[Wish]:
    query = select(Wish).where(Wish.participant_id == participant_id)
    if until is not None:
        query = query.where(Wish.created_at <= until)
    return list(get_session().exec(query.order_by(Wish.created_at, Wish.id)).all())


def state(participant_id: int, at: datetime | None = None) -> dict[int, Wish]:
    """Where each card lay (card id → its latest wish) now, or at a moment in the past."""
    latest = {}
    for wish in _history(participant_id, until=at):
        latest[wish.card_id] = wish
    return latest


def _helper_id() -> int | None:
    """The supervisor who handed their device over, when the participant uses theirs."""
    login = g.get("login")
    return login.helper_id if login is not None else None


def place(participant: Participant, card: WishCard, pile_key: str) -> Wish | None:
    """Put a card on a pile. The same pile again stores nothing; returns the new row or None."""
    if pile_key not in PILE_KEYS:
        raise ValueError(f"unknown pile {pile_key!r}")
    if card.hidden:
        raise ValueError(f"card {card.key!r} is hidden")
    db = get_session()
    one_change_at_a_time(Participant, participant.id)
    current = db.exec(
        select(Wish)
        .where(Wish.participant_id == participant.id, Wish.card_id == card.id)
        .order_by(Wish.created_at.desc(), Wish.id.desc())
    ).first()
    if current is not None and current.pile == pile_key:
        save_changes()
        return None
    wish = Wish(
        participant_id=participant.id, card_id=card.id, pile=pile_key, helper_id=_helper_id()
    )
    db.add(wish)
    save_changes()
    return wish


def next_unsorted(participant_id: int, after: WishCard | None = None) -> WishCard | None:
    """The next shown card (after `after`, in catalogue order) that is in no pile yet."""
    cards = catalogue.visible_cards()
    if after is not None:
        ids = [card.id for card in cards]
        cards = cards[ids.index(after.id) + 1 :] if after.id in ids else []
    placed = state(participant_id)
    return next((card for card in cards if card.id not in placed), None)


@dataclass(frozen=True)
class Overview:
    piles: list[tuple[Option, list[WishCard]]]
    unsorted: list[WishCard]
    note: str


def overview(participant_id: int) -> Overview:
    """The participant's shown cards in their piles, the cards not sorted yet, and their text."""
    placed = state(participant_id)
    cards = catalogue.visible_cards()
    piles = [
        (p, [c for c in cards if c.id in placed and placed[c.id].pile == p.key]) for p in PILES
    ]
    unsorted = [card for card in cards if card.id not in placed]
    return Overview(piles=piles, unsorted=unsorted, note=current_note(participant_id))


def _notes(participant_id: int, until: datetime | None = None) -> list[WishNote]:
    query = select(WishNote).where(WishNote.participant_id == participant_id)
    if until is not None:
        query = query.where(WishNote.created_at <= until)
    return list(get_session().exec(query.order_by(WishNote.created_at, WishNote.id)).all())


def current_note(participant_id: int, at: datetime | None = None) -> str:
    """The participant's text for "Något annat?" now or at a moment ("" when there is none)."""
    notes = _notes(participant_id, until=at)
    return notes[-1].text if notes else ""


def save_note(participant: Participant, text: str) -> WishNote | None:
    """Keep a new version of the text (an empty text clears it); the same text stores nothing."""
    text = text.strip()
    if len(text) > NOTE_MAX_LENGTH:
        raise ValueError("text too long")
    db = get_session()
    one_change_at_a_time(Participant, participant.id)
    if text == current_note(participant.id):
        save_changes()
        return None
    note = WishNote(participant_id=participant.id, text=text, helper_id=_helper_id())
    db.add(note)
    save_changes()
    return note
