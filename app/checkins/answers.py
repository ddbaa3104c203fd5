"""The participant's check-in: which questions apply, saving answers, progress and the end."""

from flask import g
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from ..db import get_session
from ..goals.order import has_active_goals
from ..models import utcnow
from . import questions
from .models import CheckIn, CheckInAnswer, FollowUp, QuestionSet

MAX_TEXT = 300
MAX_KEY = 40


class AnswerError(ValueError):
    """The answer is not one the question allows; nothing was saved."""


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
        db.commit()
    return check_in


def question_set(check_in: CheckIn) -> QuestionSet:
    return get_session().get(QuestionSet, check_in.question_set_id)


def latest(check_in: CheckIn) -> dict[str, CheckInAnswer]:
    """The answer that counts for each question: the most recent one."""
    rows = get_session().exec(
        select(CheckInAnswer)
        .where(CheckInAnswer.check_in_id == check_in.id)
        .order_by(CheckInAnswer.answered_at, CheckInAnswer.id)
    )
    return {row.question_key: row for row in rows}


def has_goals(participant_id: int) -> bool:
    """Whether to ask "How are your goals going?": only when the order has an active goal."""
    return has_active_goals(participant_id)


def applicable(check_in: CheckIn, answered: dict[str, CheckInAnswer]) -> list[dict]:
    """The questions this person is asked, in order, given what they have answered so far."""
    conditions = {
        "has_goals": lambda: has_goals(check_in.participant_id),
        "was_helped": lambda: bool(
            "who_helped" in answered and set(answered["who_helped"].choices) & questions.HELPERS
        ),
    }
    return [
        q
        for q in question_set(check_in).questions
        if "when" not in q or conditions.get(q["when"], lambda: False)()
    ]


def next_question(check_in: CheckIn) -> dict | None:
    answered = latest(check_in)
    return next((q for q in applicable(check_in, answered) if q["key"] not in answered), None)


def record(
    check_in: CheckIn, question: dict, chosen: list[str], text: str = "", key: str = ""
) -> bool:
    """Save an answer. Returns False when it repeats the latest one (a double tap) or was
    already stored under the phone's `key` (an offline answer sent again): nothing new."""
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
    if key and _sent_before(check_in, key):
        return False
    previous = latest(check_in).get(question["key"])
    if previous is not None and previous.choices == chosen and previous.text == text:
        return False
    login = g.get("login")
    db = get_session()
    db.add(
        CheckInAnswer(
            check_in_id=check_in.id,
            question_key=question["key"],
            choices=chosen,
            text=text,
            helper_id=login.helper_id if login else None,
            client_key=key,
        )
    )
    try:
        db.commit()
    except IntegrityError:  # the same offline answer arrived twice at once: one is stored
        db.rollback()
        return False
    return True


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


def complete(check_in: CheckIn) -> None:
    """The participant pressed "Klar". They can still change answers until the meeting."""
    if check_in.completed_at is None:
        check_in.completed_at = utcnow()
        db = get_session()
        db.add(check_in)
        db.commit()


def status(check_in: CheckIn | None, given: dict | None = None) -> str:
    """Not started, started or done; `given` saves a query when the answers are at hand."""
    if check_in is None:
        return "not_started"
    if not (latest(check_in) if given is None else given):
        return "not_started"
    return "done" if check_in.completed_at else "started"
