"""What the app holds about one participant, gathered for the "Mina uppgifter" page.

The page shows each part in easy words; the JSON export (export.py) has every row as stored.
"""

from dataclasses import dataclass, field

from sqlmodel import func, select

from ..alternatives.interests import FOLLOW_UP_KINDS
from ..alternatives.models import Alternative, AlternativeInterest, InterestFollowUp
from ..checkins import questions
from ..checkins.models import CheckIn, CheckInAnswer, QuestionSet
from ..consent import sharing
from ..db import get_session
from ..goals import order
from ..goals.models import Goal, GoalStep
from ..i18n import LANGUAGES, code
from ..meetings.models import FollowUp
from ..models import AuditEvent, LoginCard, LoginSession, Participant, StaffUser, Unit, utcnow
from ..wishes import sorting
from ..wishes.models import Wish, WishCard


@dataclass
class Answer:
    question: str
    choices: list
    text: str
    helped: bool


@dataclass
class CheckInPart:
    check_in: CheckIn
    meeting: FollowUp
    answers: list[Answer]

    @property
    def is_draft(self) -> bool:
        """Answers not yet sent with "Klar", before the meeting was held."""
        return self.check_in.completed_at is None and self.meeting.held_at is None and self.answers


@dataclass
class GoalPart:
    goal: Goal
    words: str
    pictogram: str
    steps: list[GoalStep]


@dataclass
class Holdings:
    person: Participant
    unit: Unit | None
    case_officer: StaffUser | None
    language: str
    cards: list[LoginCard]
    logins: int
    meetings: list[FollowUp]
    check_ins: list[CheckInPart]
    piles: list
    note: str
    wish_changes: int
    goals: list[GoalPart]
    interests: list[tuple[AlternativeInterest, str, list[InterestFollowUp]]]
    consent: list = field(default_factory=list)
    staff_looks: int = 0
    now: object = None

    @property
    def drafts(self) -> list[CheckInPart]:
        return [part for part in self.check_ins if part.is_draft]


def _all(query) -> list:
    return list(get_session().exec(query).all())


def _count(model, condition) -> int:
    return get_session().exec(select(func.count()).select_from(model).where(condition)).one()


def gather(person: Participant) -> Holdings:
    """Everything about the person, in the shape the page shows it."""
    db = get_session()
    language = code()
    return Holdings(
        person=person,
        unit=db.get(Unit, person.unit_id),
        case_officer=db.get(StaffUser, person.case_officer_id or 0),
        language=LANGUAGES.get(person.language, {}).get("name", person.language),
        cards=_all(
            select(LoginCard)
            .where(LoginCard.participant_id == person.id)
            .order_by(LoginCard.issued_at.desc(), LoginCard.id.desc())
        ),
        logins=_count(LoginSession, LoginSession.participant_id == person.id),
        meetings=_all(
            select(FollowUp)
            .where(FollowUp.participant_id == person.id)
            .order_by(FollowUp.starts_at.desc())
        ),
        check_ins=check_ins_of(person.id),
        piles=_piles(person.id, language),
        note=sorting.current_note(person.id),
        wish_changes=_count(Wish, Wish.participant_id == person.id),
        goals=_goals(person.id),
        interests=_interests(person.id, language),
        consent=[(e, sharing.AREA_BY_KEY.get(e.area)) for e in sharing.history(person.id)],
        staff_looks=_count(AuditEvent, AuditEvent.participant_id == person.id),
        now=utcnow(),
    )


def check_ins_of(participant_id: int) -> list[CheckInPart]:
    """Each check-in with the answers that count (the latest per question), newest first."""
    db = get_session()
    parts = []
    rows = _all(
        select(CheckIn, FollowUp)
        .join(FollowUp, FollowUp.id == CheckIn.follow_up_id)
        .where(CheckIn.participant_id == participant_id)
        .order_by(FollowUp.starts_at.desc())
    )
    for check_in, meeting in rows:
        question_set = db.get(QuestionSet, check_in.question_set_id)
        latest = {}
        for row in _all(
            select(CheckInAnswer)
            .where(CheckInAnswer.check_in_id == check_in.id)
            .order_by(CheckInAnswer.answered_at, CheckInAnswer.id)
        ):
            latest[row.question_key] = row
        answers = []
        for key, row in latest.items():
            question = questions.find(question_set, key)
            answers.append(
                Answer(
                    question=questions.text_of(question) if question else key,
                    choices=[questions.CHOICES[c] for c in row.choices if c in questions.CHOICES],
                    text=row.text,
                    helped=row.helper_id is not None,
                )
            )
        parts.append(CheckInPart(check_in, meeting, answers))
    return parts


def _piles(participant_id: int, language: str) -> list:
    """Each pile with the words of the cards on it now."""
    placed = sorting.state(participant_id)
    if not placed:
        return []
    cards = {c.id: c for c in _all(select(WishCard).where(WishCard.id.in_(list(placed))))}
    piles = []
    for pile in sorting.PILES:
        words = [cards[w.card_id].word(language) for w in placed.values() if w.pile == pile.key]
        if words:
            piles.append((pile, words))
    return piles


def _goals(participant_id: int) -> list[GoalPart]:
    goals = _all(
        select(Goal).where(Goal.participant_id == participant_id).order_by(Goal.created_at)
    )
    steps = _all(
        select(GoalStep)
        .where(GoalStep.participant_id == participant_id)
        .order_by(GoalStep.created_at, GoalStep.id)
    )
    parts = []
    for goal in goals:
        wording = order.current(goal)
        mine = [s for s in steps if s.goal_id == goal.id]
        parts.append(GoalPart(goal, wording.easy_text, wording.pictogram, mine))
    loose = [s for s in steps if s.goal_id not in {g.id for g in goals}]
    if loose:
        parts.append(GoalPart(None, "", "step", loose))
    return parts


def _interests(participant_id: int, language: str):
    rows = _all(
        select(AlternativeInterest, Alternative)
        .join(Alternative, Alternative.id == AlternativeInterest.alternative_id)
        .where(AlternativeInterest.participant_id == participant_id)
        .order_by(AlternativeInterest.created_at)
    )
    result = []
    for interest, alternative in rows:
        follow_ups = _all(
            select(InterestFollowUp)
            .where(InterestFollowUp.interest_id == interest.id)
            .order_by(InterestFollowUp.day)
        )
        done = [(FOLLOW_UP_KINDS.get(f.kind, f.kind), f) for f in follow_ups]
        result.append((interest, alternative.title(language), done))
    return result
