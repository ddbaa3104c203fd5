"""The short check-in during the new step: one question per screen, "Inte nu" always fine.

Every answer is kept as it was given, with who helped the participant answer."""

from dataclasses import dataclass

from flask import g
from sqlmodel import select

from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..models import StaffUser, utcnow
from ..options import FACES, YES_SOMETIMES_NO, Option, by_key
from .models import NewStep, StepAnswer, StepCheckIn, StepKind


@dataclass(frozen=True)
class Question:
    key: str
    # At work (work, internship, measure) and at school (studies).
    at_work: str
    at_school: str
    choices: tuple[str, ...]

    def text(self, kind: str) -> str:
        return str(self.at_school if kind == StepKind.studies else self.at_work)


CHOICES = by_key(
    [
        *FACES,
        *YES_SOMETIMES_NO,
        Option("dont_know", _l("Vet inte"), "dont_know"),
        Option("nobody", _l("Ingen. Jag svarade själv."), "nobody"),
        Option("support_person", _l("Min stödperson"), "help"),
        Option("family", _l("Någon i min familj"), "family"),
        Option("someone_else", _l("Någon annan"), "someone_else"),
    ]
)

QUESTIONS = [
    Question(
        "how_it_is",
        _l("Hur har du det på jobbet?"),
        _l("Hur har du det i skolan?"),
        ("good", "so_so", "not_good"),
    ),
    Question(
        "feels_safe",
        _l("Känner du dig trygg på jobbet?"),
        _l("Känner du dig trygg i skolan?"),
        ("yes", "sometimes", "no"),
    ),
    Question(
        "gets_help",
        _l("Får du den hjälp du behöver?"),
        _l("Får du den hjälp du behöver?"),
        ("yes", "sometimes", "no"),
    ),
    Question(
        "more_support",
        _l("Vill du ha mer stöd?"),
        _l("Vill du ha mer stöd?"),
        ("yes", "no", "dont_know"),
    ),
    Question(
        "come_back",
        _l("Vill du gå tillbaka till daglig verksamhet?"),
        _l("Vill du gå tillbaka till daglig verksamhet?"),
        ("yes", "no", "dont_know"),
    ),
    Question(
        "helped",
        _l("Vem hjälpte dig att svara?"),
        _l("Vem hjälpte dig att svara?"),
        ("nobody", "support_person", "family", "someone_else"),
    ),
]
QUESTION_BY_KEY = {q.key: q for q in QUESTIONS}


def open_check_in(step: NewStep) -> StepCheckIn | None:
    """The check-in begun and not finished, if any."""
    return (
        get_session()
        .exec(
            select(StepCheckIn)
            .where(StepCheckIn.new_step_id == step.id, StepCheckIn.completed_at.is_(None))
            .order_by(StepCheckIn.id.desc())
        )
        .first()
    )


def begin(step: NewStep, due_day: int | None) -> StepCheckIn:
    """The open check-in, or a new one for the point of the rhythm that is due."""
    found = open_check_in(step)
    if found is not None:
        return found
    db = get_session()
    check_in = StepCheckIn(new_step_id=step.id, due_day=due_day or 0)
    db.add(check_in)
    save_changes()
    return check_in


def record(check_in: StepCheckIn, question: Question, choice: str) -> None:
    """Keep the answer as it was given."""
    if choice not in question.choices:
        raise ValueError(f"unknown choice {choice!r}")
    db = get_session()
    login = g.get("login")
    helper_id = login.helper_id if login else None
    db.add(
        StepAnswer(
            check_in_id=check_in.id, question_key=question.key, choice=choice, helper_id=helper_id
        )
    )
    save_changes()


def complete(check_in: StepCheckIn) -> None:
    db = get_session()
    check_in.completed_at = utcnow()
    db.add(check_in)
    save_changes()


def given(check_in: StepCheckIn) -> dict[str, str]:
    """The latest answer per question."""
    rows = get_session().exec(
        select(StepAnswer.question_key, StepAnswer.choice)
        .where(StepAnswer.check_in_id == check_in.id)
        .order_by(StepAnswer.answered_at, StepAnswer.id)
    )
    return dict(rows.all())


def latest_done(step: NewStep) -> StepCheckIn | None:
    return (
        get_session()
        .exec(
            select(StepCheckIn)
            .where(StepCheckIn.new_step_id == step.id, StepCheckIn.completed_at.is_not(None))
            .order_by(StepCheckIn.completed_at.desc())
        )
        .first()
    )


def answered_days(step: NewStep) -> set[int]:
    return set(
        get_session()
        .exec(
            select(StepCheckIn.due_day).where(
                StepCheckIn.new_step_id == step.id, StepCheckIn.completed_at.is_not(None)
            )
        )
        .all()
    )


@dataclass(frozen=True)
class Flags:
    unsafe: bool = False
    wants_more_support: bool = False
    wants_back: bool = False


def flags(step: NewStep) -> Flags:
    """What the case officer and the support person should know first."""
    done = latest_done(step)
    answers = given(done) if done else {}
    return Flags(
        unsafe=answers.get("feels_safe") == "no",
        wants_more_support=answers.get("more_support") == "yes",
        wants_back=step.wants_back_at is not None or answers.get("come_back") == "yes",
    )


def all_done(step: NewStep) -> list[StepCheckIn]:
    """The finished check-ins of the step, newest first."""
    return list(
        get_session()
        .exec(
            select(StepCheckIn)
            .where(StepCheckIn.new_step_id == step.id, StepCheckIn.completed_at.is_not(None))
            .order_by(StepCheckIn.completed_at.desc())
        )
        .all()
    )


def helpers(check_in: StepCheckIn) -> list[str]:
    """The names of the staff whose device answers were given on ("Hjälp Lisa med frågorna")."""
    rows = get_session().exec(
        select(StaffUser.display_name)
        .join(StepAnswer, StepAnswer.helper_id == StaffUser.id)
        .where(StepAnswer.check_in_id == check_in.id)
        .distinct()
        .order_by(StaffUser.display_name)
    )
    return list(rows.all())
