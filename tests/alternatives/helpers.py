"""Small helpers other test modules (the access matrix) use to arrange interests."""

from sqlmodel import select

from app.alternatives.models import Alternative, AlternativeInterest


def make_interest(db, participant_id: int, key: str = "iwork") -> int:
    """An open "Jag vill veta mer" of this participant; returns its id."""
    alternative = db.exec(select(Alternative).where(Alternative.key == key)).one()
    interest = AlternativeInterest(participant_id=participant_id, alternative_id=alternative.id)
    db.add(interest)
    db.commit()
    return interest.id
