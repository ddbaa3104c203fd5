"""The access matrix's rows for "Vem får se?": only the participant themself."""

from sqlmodel import select

from app.consent.models import ConsentEvent
from tests.actors import PARTICIPANTS

ROUTES = {
    "consent.page": ("GET", "/vem-far-se", {}, PARTICIPANTS),
    "consent.choose": (
        "POST",
        "/vem-far-se",
        {"area": "checkins", "answer": "ja"},
        PARTICIPANTS,
    ),
}


def snapshot(db):
    """Every consent row: a refused request must add none."""
    return [
        (c.id, c.participant_id, c.area, c.given)
        for c in db.exec(select(ConsentEvent).order_by(ConsentEvent.id))
    ]
