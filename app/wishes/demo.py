"""Demo wishes: the second demo participant has sorted some cards and changed their mind once."""

from datetime import timedelta

from sqlmodel import select

from ..db import get_session, save_changes
from ..models import Participant, utcnow
from . import catalogue
from .models import Wish, WishNote

# (card key, pile, days ago). "datorer" was "not sure" a month ago and is "want to try" now.
DEMO_WISHES = [
    ("kafe", "like", 30),
    ("laga-mat", "like", 30),
    ("musik", "like", 30),
    ("djur", "like", 30),
    ("datorer", "not_sure", 30),
    ("stada", "dislike", 30),
    ("manga", "not_sure", 30),
    ("langa-dagar", "dislike", 30),
    ("lager", "want_to_try", 30),
    ("bilar", "want_to_try", 30),
    ("datorer", "want_to_try", 3),
]
DEMO_NOTE = "Jag vill tvätta bilar. Kanske på en bilverkstad?"


def seed(participant: Participant) -> None:
    """Give the participant the demo wishes, unless they have sorted anything already."""
    catalogue.ensure_defaults()
    db = get_session()
    if db.exec(select(Wish.id).where(Wish.participant_id == participant.id)).first():
        return
    now = utcnow()
    for key, pile, days_ago in DEMO_WISHES:
        card = catalogue.find(key)
        if card is not None:
            db.add(
                Wish(
                    participant_id=participant.id,
                    card_id=card.id,
                    pile=pile,
                    created_at=now - timedelta(days=days_ago),
                )
            )
    db.add(
        WishNote(participant_id=participant.id, text=DEMO_NOTE, created_at=now - timedelta(days=3))
    )
    save_changes()
