"""What the check-in offers the case officer's brief: the answers before one meeting, what
changed since the check-in before, and who helped. The brief (app.meetings.brief) puts it
together with the wishes, the goals and the alternatives."""

from dataclasses import dataclass, field

from sqlmodel import select

from ..db import get_session
from ..meetings.models import FollowUp
from ..models import StaffUser
from . import answers, questions
from .models import CheckIn


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
class CheckInBrief:
    """The check-in before one meeting, as the brief shows it."""

    status: str  # "not_started", "started" or "done"
    answers: list[AnsweredQuestion] = field(default_factory=list)
    unsafe: bool = False
    wants_to_try: list = field(default_factory=list)
    helped_by: list = field(default_factory=list)
    helped_how: list = field(default_factory=list)
    helper_staff: list[str] = field(default_factory=list)  # who helped in the app, by name
    talk_about: list = field(default_factory=list)
    talk_about_text: str = ""
    previous: FollowUp | None = None  # the meeting of the check-in the answers are compared to


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


def flags(given: dict) -> tuple[bool, list]:
    """Feels unsafe, and what new things the person wants to try, from their answers."""
    chosen = {key: answer.choices for key, answer in given.items()}
    unsafe = "no" in chosen.get("feels_safe", [])
    return unsafe, _choices(k for k in chosen.get("try_new", []) if k in questions.TRY_NEW)


def for_brief(meeting: FollowUp) -> CheckInBrief:
    """The meeting's check-in for the brief: the latest answer to each question asked."""
    check_in = answers.for_meeting(meeting)
    given = answers.latest(check_in) if check_in else {}
    part = CheckInBrief(answers.status(check_in, given))
    if check_in is None:
        return part
    previous_meeting, previous = previous_check_in(meeting)
    before = answers.latest(previous) if previous else {}
    part.previous = previous_meeting
    for question in answers.applicable(check_in, given):
        answer = given.get(question["key"])
        if answer is None:
            continue
        earlier = before.get(question["key"])
        part.answers.append(
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
    part.unsafe, part.wants_to_try = flags(given)
    part.helped_by = _choices(chosen.get("who_helped", []))
    part.helped_how = _choices(chosen.get("how_helped", []))
    part.talk_about = _choices(chosen.get("talk_about", []))
    part.talk_about_text = given["talk_about"].text if "talk_about" in given else ""
    helper_ids = {a.helper_id for a in given.values() if a.helper_id}
    db = get_session()
    part.helper_staff = [db.get(StaffUser, i).display_name for i in sorted(helper_ids)]
    return part


@dataclass(frozen=True)
class Glance:
    """The check-in at a glance, for the caseload and the supervisors' list."""

    status: str
    unsafe: bool
    wants_to_try: bool


def glance(meeting: FollowUp) -> Glance:
    check_in = answers.for_meeting(meeting)
    given = answers.latest(check_in) if check_in else {}
    unsafe, wants_to_try = flags(given)
    return Glance(answers.status(check_in, given), unsafe, bool(wants_to_try))
