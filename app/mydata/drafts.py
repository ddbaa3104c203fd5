"""Drafts the participant may delete: answers before a meeting that were never sent.

A check-in is a draft until the participant presses "Klar" and as long as the meeting has not
been held. Deleting it removes its answers and the check-in itself; the questions can be
answered again from the start. One answer stays: "Jag känner mig inte trygg". The case officer
must see it (the caseload and the brief flag it), so it is never silently erased: the page that
asks "Ta bort svaren?" says it stays, and the check-in stays with that one answer. The
participant can still change it by answering the question again.

Nothing else is a draft: a wish, a note, "Jag har gjort det!" and "Jag vill veta mer" are saved
and shown to staff as soon as they are given, and each has its own way to change it (move the
card, write again, take the interest back).
"""

from sqlmodel import delete, select

from ..checkins.models import CheckIn, CheckInAnswer
from ..db import get_session, save_changes
from ..meetings.models import FollowUp

# The question whose "no" the case officer must always see.
SAFE = "feels_safe"


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


def unsafe_answer(check_in: CheckIn) -> CheckInAnswer | None:
    """The latest answer to "Känner du dig trygg?" when it is no: it outlives a deletion."""
    latest = (
        get_session()
        .exec(
            select(CheckInAnswer)
            .where(CheckInAnswer.check_in_id == check_in.id, CheckInAnswer.question_key == SAFE)
            .order_by(CheckInAnswer.answered_at.desc(), CheckInAnswer.id.desc())
        )
        .first()
    )
    return latest if latest is not None and "no" in latest.choices else None


def delete_draft(check_in: CheckIn) -> int:
    """Remove the unsent answers, and the check-in when nothing is left; a "not safe" answer
    stays (see the module's note). Returns how many answers went."""
    db = get_session()
    kept = unsafe_answer(check_in)
    doomed = select(CheckInAnswer.id).where(CheckInAnswer.check_in_id == check_in.id)
    if kept is not None:
        doomed = doomed.where(CheckInAnswer.id != kept.id)
    gone = len(db.exec(doomed).all())
    db.exec(delete(CheckInAnswer).where(CheckInAnswer.id.in_(doomed.scalar_subquery())))
    if kept is None:
        db.delete(check_in)
    save_changes()
    return gone
