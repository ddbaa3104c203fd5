"""The "Inför mötet" tile on the participant's home page."""

from ..meetings import meetings
from ..meetings.meetings import meeting_when
from . import answers


def meeting_tile(participant_id: int) -> dict | None:
    """When the open check-in's meeting is, and how far the participant has come, if any."""
    found = meetings.open_with_check_in(participant_id)
    if found is None:
        return None
    meeting, check_in, _has_goals = found
    return {
        "meeting": meeting,
        "status": answers.status(check_in),
        **meeting_when(meeting),
    }
