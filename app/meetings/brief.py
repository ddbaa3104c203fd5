"""What the case officer reads: the one-page brief per meeting, and the caseload overview."""

from dataclasses import dataclass, field

from sqlmodel import select

from ..alternatives import interests as alternative_interests
from ..checkins import answers, questions
from ..checkins.models import CheckIn
from ..db import get_session
from ..goals.brief import goals_for_brief
from ..models import Participant, StaffUser
from ..wishes.brief import wishes_for_brief
from . import meetings
from .models import FollowUp


@dataclass
class AnsweredQuestion:
    key: str
    text: str
    choices: list
    words: str
    note: str
    before: list | None = None  # the choices at the previous check-in, when they differ

    @property
    def changed(self) -> bool:
        return self.before is not None


@dataclass
class Brief:
    meeting: FollowUp
    participant: Participant
    check_in: CheckIn | None
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
    wishes: object = None
    goals: object = None


def _choices(keys) -> list:
    return [questions.CHOICES[k] for k in keys if k in questions.CHOICES]


def _words(keys) -> str:
    return ", ".join(str(c.label) for c in _choices(keys))


def previous_check_in(meeting: FollowUp) -> tuple[FollowUp, CheckIn] | tuple[None, None]:
    """The check-in before this meeting's, to show what has changed since."""
    db = get_session()
    row = db.exec(
        select(FollowUp, CheckIn)
        .join(CheckIn, CheckIn.follow_up_id == FollowUp.id)
        .where(
            FollowUp.participant_id == meeting.participant_id,
            FollowUp.starts_at < meeting.starts_at,
        )
        .order_by(FollowUp.starts_at.desc())
    ).first()
    return row if row else (None, None)


def _flags(given: dict) -> tuple[bool, list]:
    """Feels unsafe, and what new things the person wants to try, from their answers."""
    chosen = {key: answer.choices for key, answer in given.items()}
    unsafe = "no" in chosen.get("feels_safe", [])
    return unsafe, _choices(k for k in chosen.get("try_new", []) if k in questions.TRY_NEW)


def build(meeting: FollowUp) -> Brief:
    db = get_session()
    participant = db.get(Participant, meeting.participant_id)
    check_in = answers.for_meeting(meeting)
    given = answers.latest(check_in) if check_in else {}
    brief = Brief(meeting, participant, check_in, answers.status(check_in, given))
    last = meetings.last_held(participant.id, before=meeting.starts_at)
    brief.wishes = wishes_for_brief(participant.id, since=last.held_at if last else None)
    brief.goals = goals_for_brief(participant.id, since=last.held_at if last else None)
    if check_in is None:
        return brief
    previous_meeting, previous = previous_check_in(meeting)
    before = answers.latest(previous) if previous else {}
    brief.previous = previous_meeting
    for question in answers.applicable(check_in, given):
        answer = given.get(question["key"])
        if answer is None:
            continue
        earlier = before.get(question["key"])
        brief.answers.append(
            AnsweredQuestion(
                key=question["key"],
                text=questions.text_of(question),
                choices=_choices(answer.choices),
                words=_words(answer.choices),
                note=answer.text,
                before=_choices(earlier.choices)
                if earlier and earlier.choices != answer.choices
                else None,
            )
        )
    chosen = {key: answer.choices for key, answer in given.items()}
    brief.unsafe, brief.wants_to_try = _flags(given)
    brief.helped_by = _choices(chosen.get("who_helped", []))
    brief.helped_how = _choices(chosen.get("how_helped", []))
    brief.talk_about = _choices(chosen.get("talk_about", []))
    brief.talk_about_text = given["talk_about"].text if "talk_about" in given else ""
    helper_ids = {a.helper_id for a in given.values() if a.helper_id}
    brief.helper_staff = [db.get(StaffUser, i).display_name for i in sorted(helper_ids)]
    return brief


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
        check_in = answers.for_meeting(meeting)
        given = answers.latest(check_in) if check_in else {}
        unsafe, wants_to_try = _flags(given)
        status = answers.status(check_in, given)
        rows.append(CaseloadRow(person, meeting, status, unsafe, bool(wants_to_try)))
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
        if meeting and answers.status(answers.for_meeting(meeting)) != "done":
            waiting.append((person, meeting))
    return sorted(waiting, key=lambda pair: pair[1].starts_at)
