"""What the staff participant page shows of the participant's own answers, under consent.

The case officer reads answers on the meeting brief; a supervisor of the unit sees here what
the participant has said yes to, and plainly what is hidden. Each area read is audit-logged.
"""

from dataclasses import dataclass

from .. import access, audit
from ..checkins import answers
from ..consent import sharing
from ..models import Participant, StaffUser
from ..wishes.brief import WishesBrief, wishes_for_brief
from . import brief, meetings


@dataclass
class SharedWithSupervisor:
    consents: dict
    check_in: brief.Brief | None = None
    wishes: WishesBrief | None = None


def _latest_meeting_with_check_in(participant_id: int):
    return next(
        (m for m in meetings.of_participant(participant_id) if answers.for_meeting(m)), None
    )


def for_supervisor(staff: StaffUser, person: Participant) -> SharedWithSupervisor | None:
    """The shared answers for a supervisor of the participant's unit; None for anyone else."""
    if not access.supervises(staff, person):
        return None
    consents = sharing.current(person)
    shared = SharedWithSupervisor(consents)
    if consents["checkins"]:
        meeting = _latest_meeting_with_check_in(person.id)
        if meeting is not None:
            shared.check_in = brief.check_in_only(meeting)
        audit.record("checkins.shared_view", person.id)
    if consents["wishes"]:
        last = meetings.last_held(person.id)
        shared.wishes = wishes_for_brief(person.id, since=last.held_at if last else None)
        audit.record("wishes.shared_view", person.id)
    if consents["goal_comments"]:
        audit.record("goal_comments.shared_view", person.id)
    return shared
