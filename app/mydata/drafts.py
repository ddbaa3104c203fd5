"""Drafts the participant may delete: answers before a meeting that were never sent.

A check-in is a draft until the participant presses "Klar" and as long as the meeting has not
been held. Deleting it removes its answers and the check-in itself; the questions can be
answered again from the start. Nothing else is a draft: a wish, a note, "Jag har gjort det!"
and "Jag vill veta mer" are saved and shown to staff as soon as they are given, and each has
its own way to change it (move the card, write again, take the interest back).
"""

from sqlmodel import delete, select

from ..checkins.models import CheckIn, CheckInAnswer, FollowUp
from ..db import get_session


def draft_of(participant_id: int, check_in_id: int) -> CheckIn | None:
    """The participant's own unsent check-in with this number, or None."""
    db = get_session()
    check_in = db.get(CheckIn, check_in_id)
    if check_in is None or check_in.participant_id != participant_id:
        return None
    meeting = db.get(FollowUp, check_in.follow_up_id)
    if check_in.completed_at is not None or meeting.held_at is not None:
        return None
    return check_in


def delete_draft(check_in: CheckIn) -> int:
    """Remove the unsent answers and their check-in; returns how many answers went."""
    db = get_session()
    answers = db.exec(select(CheckInAnswer).where(CheckInAnswer.check_in_id == check_in.id)).all()
    db.exec(delete(CheckInAnswer).where(CheckInAnswer.check_in_id == check_in.id))
    db.delete(check_in)
    db.commit()
    return len(answers)
