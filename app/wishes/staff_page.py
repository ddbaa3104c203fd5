"""What the staff participant page shows of the wishes, for the participant's own case
officer only: the wishes with their changes since a day, and the whole history."""

from datetime import datetime

from ..access import reads_answers
from ..meetings import meetings
from ..models import Participant, StaffUser
from . import brief


def staff_wishes(
    staff: StaffUser, person: Participant, since: datetime | None, since_text: str
) -> dict | None:
    """The wishes for the staff page, or None when the staff member may not see them.

    Changes are counted from `since`, the day the case officer picked, else from the last
    follow-up meeting that was held, else from when the participant first sorted each card.
    """
    if not reads_answers(staff, person):
        return None
    if since is None:
        last = meetings.last_held(person.id)
        since = last.held_at if last else None
    return {
        "brief": brief.wishes_for_brief(person.id, since),
        "history": brief.history(person.id),
        "since_text": since_text,
    }
