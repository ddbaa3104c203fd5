"""What was decided at the meeting, told back to the participant on their home page.

After "Mötet är hållet" the participant's home shows the agreed line, the goals that changed
and the next meeting when one is booked, until the next check-in opens. The case officer sees
exactly the same text before saving it, with the line's LIX.
"""

from dataclasses import dataclass

from ..goals.brief import goals_for_brief
from ..readability import EASY, FAIRLY_EASY, lix
from . import meetings
from .meetings import meeting_when
from .models import FollowUp


@dataclass
class Outcome:
    agreed: str
    goals: list  # GoalProgress of the goals written or changed since the meeting before
    next_meeting: dict | None  # when the next booked meeting is (see meeting_when)


def of(meeting: FollowUp, agreed: str) -> Outcome:
    """What the participant is told about this meeting, with `agreed` as the line."""
    previous = meetings.last_held(meeting.participant_id, before=meeting.starts_at)
    since = previous.held_at if previous else None
    goals = goals_for_brief(meeting.participant_id, since).goals
    changed = [g for g in goals if since is None or g.new or g.changed]
    upcoming = [m for m in meetings.not_held(meeting.participant_id) if m.id != meeting.id]
    return Outcome(
        " ".join(agreed.split()),
        changed,
        meeting_when(upcoming[0]) if upcoming else None,
    )


def for_home(participant_id: int) -> Outcome | None:
    """The latest meeting held, told back; the home calls this only while no check-in is open."""
    held = meetings.last_held(participant_id)
    if held is None or not held.agreed:
        return None
    return of(held, held.agreed)


def readability(line: str) -> tuple[int, str] | None:
    """The line's LIX, rounded, and how easy that is: "easy", "fairly_easy" or "hard"."""
    try:
        value = round(lix([line]))
    except ValueError:
        return None
    if value < EASY:
        return value, "easy"
    return value, "fairly_easy" if value < FAIRLY_EASY else "hard"
