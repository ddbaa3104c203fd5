"""The participant's check-in: which questions apply, saving answers, progress and the end."""

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Protocol

from flask import current_app, g
from sqlalchemy import bindparam, func
from sqlmodel import select

from ..db import get_session, one_change_at_a_time, save_changes
from ..goals.order import has_active_goals
from ..meetings.models import FollowUp
from ..models import utcnow
from . import questions
from .models import CheckIn, CheckInAnswer, QuestionSet

MAX_TEXT = 300
MAX_KEY = 40


class AnswerError(ValueError):
    """The answer is not one the question allows; nothing was saved."""


class Given(Protocol):
    """What pages use of an answer: a saved `CheckInAnswer`, or the row `latest` reads."""

    question_key: str
    choices: list[str]
    text: str
    helper_id: int | None


def for_meeting(meeting: FollowUp) -> CheckIn | None:
    return get_session().exec(select(CheckIn).where(CheckIn.follow_up_id == meeting.id)).first()


def start(meeting: FollowUp) -> CheckIn:
    """The meeting's check-in, made with today's question set the first time it is opened."""
    check_in = for_meeting(meeting)
    if check_in is None:
        check_in = CheckIn(
            follow_up_id=meeting.id,
            participant_id=meeting.participant_id,
            question_set_id=questions.current_set().id,
        )
        db = get_session()
        db.add(check_in)
        save_changes()
    return check_in


def question_set(check_in: CheckIn) -> list[dict]:
    """The check-in's questions. A saved set never changes (an edit is a new version), so each
    version is read once per process; the list is shared, so it is never changed in place."""
    known = current_app.extensions.setdefault("question_sets", {})
    set_id = check_in.question_set_id
    if set_id not in known:
        known[set_id] = get_session().get(QuestionSet, set_id).questions
    return known[set_id]


def latest(check_in: CheckIn) -> dict[str, Given]:
    """The answer that counts for each question: the most recent one."""
    rows = get_session().connection().execute(_LATEST, {"check_in_id": check_in.id})
    return {row.question_key: row for row in rows}


# Built once, as every check-in page asks it. Only each question's latest answer is read,
# however many times the person changed it, and as plain rows of what pages use: they cost
# half as much to read as whole answers.
_RANKED = (
    select(
        CheckInAnswer.id,
        func.row_number()
        .over(
            partition_by=CheckInAnswer.question_key,
            order_by=(CheckInAnswer.answered_at.desc(), CheckInAnswer.id.desc()),
        )
        .label("rank"),
    )
    .where(CheckInAnswer.check_in_id == bindparam("check_in_id"))
    .subquery()
)
_LATEST = (
    select(
        CheckInAnswer.question_key,
        CheckInAnswer.choices,
        CheckInAnswer.text,
        CheckInAnswer.helper_id,
    )
    .join(_RANKED, _RANKED.c.id == CheckInAnswer.id)
    .where(_RANKED.c.rank == 1)
    .order_by(CheckInAnswer.answered_at, CheckInAnswer.id)
)


def has_goals(participant_id: int) -> bool:
    """Whether to ask "How are your goals going?": only when the order has an active goal."""
    return has_active_goals(participant_id)


@dataclass(frozen=True)
class Progress:
    """How far a person has come: their answers and the questions they are asked, read once
    per page."""

    questions: list[dict]
    given: dict[str, Given]
    goals: bool

    @cached_property
    def asked(self) -> list[dict]:
        """The questions this person is asked, in order, given what they have answered."""
        return [q for q in self.questions if self._asks(q.get("when"))]

    def _asks(self, when: str | None) -> bool:
        if when is None:
            return True
        if when == "has_goals":
            return self.goals
        if when == "was_helped":
            helpers = self.given["who_helped"].choices if "who_helped" in self.given else []
            return bool(set(helpers) & questions.HELPERS)
        return False

    def find(self, key: str) -> dict | None:
        """The question with this key, if this person is asked it."""
        return next((q for q in self.asked if q["key"] == key), None)

    @property
    def next(self) -> dict | None:
        """The first question without an answer; None when all are answered."""
        return next((q for q in self.asked if q["key"] not in self.given), None)

    def after(self, key: str) -> dict | None:
        """The question that comes after this one, if any."""
        keys = [q["key"] for q in self.asked]
        return self.asked[keys.index(key) + 1] if key in keys[:-1] else None

    def with_answer(self, answer: CheckInAnswer) -> "Progress":
        """The progress once this answer is saved ("Vem hjälpte dig?" may add a question)."""
        return replace(self, given={**self.given, answer.question_key: answer})


def progress(
    check_in: CheckIn, given: dict[str, Given] | None = None, goals: bool | None = None
) -> Progress:
    """`given` and `goals` each save a query when they are at hand."""
    return Progress(
        question_set(check_in),
        latest(check_in) if given is None else given,
        has_goals(check_in.participant_id) if goals is None else goals,
    )


def applicable(check_in: CheckIn, given: dict[str, Given]) -> list[dict]:
    """The questions this person is asked, in order, given what they have answered so far."""
    return progress(check_in, given).asked


def record(
    check_in: CheckIn,
    question: dict,
    chosen: list[str],
    text: str = "",
    key: str = "",
) -> CheckInAnswer | None:
    """Save an answer and return it. Returns None when it repeats the latest one (a double tap)
    or was already stored under the phone's `key` (an offline answer sent again): nothing new."""
    allowed = {c.key for c in questions.choices_of(question)}
    chosen = list(dict.fromkeys(chosen))  # keep order, drop repeats
    if not chosen or not set(chosen) <= allowed:
        raise AnswerError("choice")
    if question["kind"] == "one" and len(chosen) != 1:
        raise AnswerError("choice")
    text = text.strip() if question.get("with_text") else ""
    if len(text) > MAX_TEXT:
        raise AnswerError("text")
    key = key[:MAX_KEY] or None
    one_change_at_a_time(CheckIn, check_in.id)  # then what an answer at the same time saved is read
    if key and _sent_before(check_in, key):
        return None
    previous = latest(check_in).get(question["key"])
    if previous is not None and previous.choices == chosen and previous.text == text:
        return None
    login = g.get("login")
    answer = CheckInAnswer(
        check_in_id=check_in.id,
        question_key=question["key"],
        choices=chosen,
        text=text,
        helper_id=login.helper_id if login else None,
        client_key=key,
    )
    # No other answer under this key can be saved meanwhile: the check-in is held (above). The
    # database's unique key on (check-in, key) stays as the last guard.
    get_session().add(answer)
    save_changes()
    return answer


def _sent_before(check_in: CheckIn, key: str) -> bool:
    return (
        get_session()
        .exec(
            select(CheckInAnswer.id).where(
                CheckInAnswer.check_in_id == check_in.id, CheckInAnswer.client_key == key
            )
        )
        .first()
        is not None
    )


def complete(check_in) -> None:
    """The participant pressed "Klar". They can still change answers until the meeting.
    `check_in` may be the row a page read (`meetings.CheckInRow`): the record is read to change."""
    if check_in.completed_at is None:
        db = get_session()
        record = db.get(CheckIn, check_in.id)
        record.completed_at = utcnow()
        db.add(record)
        save_changes()


def status(check_in: CheckIn | None, given: dict | None = None) -> str:
    """Not started, started or done; `given` saves a query when the answers are at hand."""
    if check_in is None:
        return "not_started"
    if not (latest(check_in) if given is None else given):
        return "not_started"
    return "done" if check_in.completed_at else "started"
