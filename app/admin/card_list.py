"""Every login card in the service, with its status, for the administrator's card list."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import func, select

from ..db import get_session
from ..models import LoginCard, Participant, Unit

# A working card that runs out within this many days is shown as "expiring".
EXPIRING_DAYS = 30
STATUSES = ["active", "expiring", "expired", "revoked"]


@dataclass(frozen=True)
class CardRow:
    card: LoginCard
    person: Participant
    unit: Unit
    status: str
    # The person's newest card: only that one offers a new card (older ones are history).
    newest: bool


def status(card: LoginCard, now: datetime) -> str:
    """Active, expiring (within 30 days), expired or revoked."""
    plain = card.status(now)
    if plain == "active" and card.expires_at <= now + timedelta(days=EXPIRING_DAYS):
        return "expiring"
    return plain


def rows(now: datetime, status_filter: str | None = None, unit_id: int | None = None):
    """The cards, newest first, optionally only those with one status or at one unit."""
    db = get_session()
    query = (
        select(LoginCard, Participant, Unit)
        .join(Participant, Participant.id == LoginCard.participant_id)
        .join(Unit, Unit.id == Participant.unit_id)
        .order_by(Unit.name, Participant.first_name, Participant.id, LoginCard.id.desc())
    )
    if unit_id:
        query = query.where(Participant.unit_id == unit_id)
    newest = set(db.exec(select(func.max(LoginCard.id)).group_by(LoginCard.participant_id)).all())
    result = []
    for card, person, unit in db.exec(query).all():
        row = CardRow(card, person, unit, status(card, now), card.id in newest)
        if status_filter in (None, row.status):
            result.append(row)
    return result
