"""Fixtures for My wishes: a logged-in participant and quick access to the wish tables."""

import pytest
from sqlmodel import select

from app.wishes.models import Wish, WishCard, WishNote


@pytest.fixture
def anna(make_participant, make_staff):
    case_officer = make_staff("case_officer", username="karin")
    return make_participant("Anna", case_officer=case_officer)


@pytest.fixture
def anna_client(client, anna, login_participant):
    login_participant(client, anna)
    return client


@pytest.fixture
def card(db):
    """A card of the default catalogue by key."""

    def get(key):
        db.expire_all()
        return db.exec(select(WishCard).where(WishCard.key == key)).one()

    return get


@pytest.fixture
def wishes(db):
    """Every wish row of a participant, oldest first, as (card key, pile)."""

    def rows(participant):
        db.expire_all()
        keys = {c.id: c.key for c in db.exec(select(WishCard))}
        found = db.exec(
            select(Wish).where(Wish.participant_id == participant.id).order_by(Wish.id)
        ).all()
        return [(keys[w.card_id], w.pile) for w in found]

    return rows


@pytest.fixture
def notes(db):
    def rows(participant):
        db.expire_all()
        found = db.exec(
            select(WishNote).where(WishNote.participant_id == participant.id).order_by(WishNote.id)
        ).all()
        return [n.text for n in found]

    return rows


def table_counts(db):
    """How many rows the wish tables hold, and the catalogue as it is."""
    db.expire_all()
    return (
        len(db.exec(select(Wish)).all()),
        len(db.exec(select(WishNote)).all()),
        [
            (c.key, c.hidden, c.words, c.position, c.group)
            for c in db.exec(select(WishCard).order_by(WishCard.id))
        ],
    )
