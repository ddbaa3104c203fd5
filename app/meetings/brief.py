"""What the case officer reads: the one-page brief per meeting, and the caseload overview.

The brief is put together here from what each area offers it, each in one call with a plain
result: the check-in's answers (`checkins.for_brief`), the wishes (`wishes.brief`), the goals
(`goals.brief`) and the alternatives the participant wants to know more about
(`alternatives.interests`). The brief's templates get everything from it and query nothing.
"""

from dataclasses import dataclass, field, fields

from sqlmodel import select

from ..alternatives import interests as alternative_interests
from ..checkins.for_brief import CheckInBrief, for_brief, glance
from ..db import get_session
from ..goals.brief import GoalsBrief, goals_for_brief
from ..models import Participant, StaffUser
from ..wishes.brief import WishesBrief, wishes_for_brief
from . import meetings
from .models import FollowUp


@dataclass
class Brief:
    meeting: FollowUp
    participant: Participant
    status: str
    answers: list = field(default_factory=list)
    unsafe: bool = False
    wants_to_try: list = field(default_factory=list)
    helped_by: list = field(default_factory=list)
    helped_how: list = field(default_factory=list)
    helper_staff: list = field(default_factory=list)
    talk_about: list = field(default_factory=list)
    talk_about_text: str = ""
    previous: FollowUp | None = None
    wishes: WishesBrief | None = None
    goals: GoalsBrief | None = None
    interests: list = field(default_factory=list)  # alternatives.interests.InterestEntry


def _with_check_in(meeting: FollowUp, participant: Participant) -> Brief:
    part: CheckInBrief = for_brief(meeting)
    return Brief(meeting, participant, **{f.name: getattr(part, f.name) for f in fields(part)})


def build(meeting: FollowUp) -> Brief:
    """The whole brief before (or after) one meeting."""
    participant = get_session().get(Participant, meeting.participant_id)
    brief = _with_check_in(meeting, participant)
    last = meetings.last_held(participant.id, before=meeting.starts_at)
    since = last.held_at if last else None
    brief.wishes = wishes_for_brief(participant.id, since=since)
    brief.goals = goals_for_brief(participant.id, since=since)
    brief.interests = alternative_interests.entries(participant.id)
    return brief


def check_in_only(meeting: FollowUp) -> Brief:
    """The brief's check-in answers alone: what a supervisor may be shown with consent."""
    return _with_check_in(meeting, get_session().get(Participant, meeting.participant_id))


@dataclass
class CaseloadRow:
    participant: Participant
    meeting: FollowUp | None
    status: str
    unsafe: bool
    wants_to_try: bool
    wants_to_know_more: int = 0  # open "Jag vill veta mer" nobody has followed up


def caseload(staff: StaffUser) -> list[CaseloadRow]:
    """The case officer's participants, the soonest meeting first; those without one last."""
    db = get_session()
    people = db.exec(
        select(Participant).where(
            Participant.case_officer_id == staff.id, Participant.ended_at.is_(None)
        )
    ).all()
    rows = []
    for person in people:
        upcoming = meetings.not_held(person.id)
        meeting = upcoming[0] if upcoming else None
        if meeting is None:
            rows.append(CaseloadRow(person, None, "no_meeting", False, False))
            continue
        seen = glance(meeting)
        rows.append(CaseloadRow(person, meeting, seen.status, seen.unsafe, seen.wants_to_try))
    for row in rows:
        row.wants_to_know_more = alternative_interests.waiting_count(row.participant.id)
    far_future = (1, 0)
    return sorted(
        rows,
        key=lambda r: (0, r.meeting.starts_at.timestamp()) if r.meeting else far_future,
    )


def waiting_for_help(unit_ids: set[int]) -> list[tuple[Participant, FollowUp]]:
    """Participants at these units whose check-in is open and not done, for supervisors."""
    if not unit_ids:
        return []
    db = get_session()
    people = db.exec(
        select(Participant)
        .where(Participant.unit_id.in_(unit_ids), Participant.ended_at.is_(None))
        .order_by(Participant.first_name)
    ).all()
    waiting = []
    for person in people:
        meeting = meetings.open_meeting(person.id)
        if meeting and glance(meeting).status != "done":
            waiting.append((person, meeting))
    return sorted(waiting, key=lambda pair: pair[1].starts_at)
