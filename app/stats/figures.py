"""The counts behind the statistics, per unit and gender, as grouped SQL aggregates.

Every function returns counts only, never a person: {(unit_id, gender, …): count}.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import String, and_, case, cast, distinct, exists, func, literal, or_
from sqlmodel import select

from ..alternatives.models import AlternativeInterest, InterestFollowUp
from ..checkins.models import CheckIn, CheckInAnswer, FollowUp
from ..db import get_session
from ..models import EndReason, Gender, Participant

NOT_STATED = "not_stated"
GENDERS = [Gender.woman.value, Gender.man.value, Gender.other.value, NOT_STATED]
TRY_CHOICES = ["internship", "job", "studies", "another_activity"]
HELPER_CHOICES = ["supervisor", "family", "someone_else"]
END_REASONS = [reason.value for reason in EndReason]


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, moment: datetime) -> "Quarter":
        local = moment.astimezone(_zone())
        return cls(local.year, (local.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> "Quarter | None":
        """ "2026-3" is the third quarter of 2026."""
        try:
            year, number = (int(part) for part in text.split("-"))
        except ValueError:
            return None
        return cls(year, number) if 2000 <= year <= 2100 and 1 <= number <= 4 else None

    @property
    def key(self) -> str:
        return f"{self.year}-{self.number}"

    @property
    def start(self) -> datetime:
        return datetime(self.year, 3 * self.number - 2, 1, tzinfo=_zone())

    @property
    def end(self) -> datetime:
        following = self.next()
        return datetime(following.year, 3 * following.number - 2, 1, tzinfo=_zone())

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)


def _zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])


def first_quarter() -> Quarter | None:
    """The quarter the oldest participant started in."""
    first = get_session().exec(select(func.min(Participant.created_at))).one()
    return Quarter.of(first) if first else None


def _gender():
    stated = [Gender.woman.value, Gender.man.value, Gender.other.value]
    return case((Participant.gender.in_(stated), Participant.gender), else_=literal(NOT_STATED))


def _in_scope(query, unit_id: int | None):
    return query.where(Participant.unit_id == unit_id) if unit_id else query


def _counts(query) -> dict:
    return {tuple(row[:-1]): row[-1] for row in get_session().exec(query)}


def participants(quarter: Quarter, unit_id: int | None) -> dict:
    """People with daily activity at some time during the quarter."""
    gender = _gender()
    query = (
        select(Participant.unit_id, gender, func.count())
        .where(
            Participant.created_at < quarter.end,
            or_(Participant.ended_at.is_(None), Participant.ended_at >= quarter.start),
        )
        .group_by(Participant.unit_id, gender)
    )
    return _counts(_in_scope(query, unit_id))


def ended(quarter: Quarter, unit_id: int | None) -> dict:
    """People who left daily activity during the quarter: {(unit, gender, reason): count}."""
    gender = _gender()
    reason = case(
        (Participant.end_reason.in_(END_REASONS), Participant.end_reason), else_=literal("other")
    )
    query = (
        select(Participant.unit_id, gender, reason, func.count())
        .where(Participant.ended_at >= quarter.start, Participant.ended_at < quarter.end)
        .group_by(Participant.unit_id, gender, reason)
    )
    return _counts(_in_scope(query, unit_id))


def meetings(quarter: Quarter, unit_id: int | None) -> dict:
    """Per (unit, gender): meetings held, check-ins done before them, answered alone or with
    help, and how many people want to try each new thing: {(unit, gender): {name: count}}."""
    done = and_(CheckIn.completed_at.is_not(None), CheckIn.completed_at <= FollowUp.held_at)
    held = _in_scope(
        select(
            FollowUp.id.label("meeting"),
            Participant.unit_id.label("unit"),
            _gender().label("gender"),
            Participant.id.label("person"),
            CheckIn.id.label("check_in"),
            case((done, 1), else_=0).label("done"),
        )
        .select_from(FollowUp)
        .join(Participant, Participant.id == FollowUp.participant_id)
        .outerjoin(CheckIn, CheckIn.follow_up_id == FollowUp.id)
        .where(FollowUp.held_at >= quarter.start, FollowUp.held_at < quarter.end),
        unit_id,
    ).cte("held")
    # The two answers that count, ranked: the latest answer to a question counts. Given on a
    # supervisor's device (handed over to the participant) means answered with help.
    ranked = (
        select(
            CheckInAnswer.check_in_id,
            CheckInAnswer.question_key,
            cast(CheckInAnswer.choices, String).label("choices"),
            CheckInAnswer.helper_id,
            func.row_number()
            .over(
                partition_by=(CheckInAnswer.check_in_id, CheckInAnswer.question_key),
                order_by=(CheckInAnswer.answered_at.desc(), CheckInAnswer.id.desc()),
            )
            .label("rank"),
        )
        .join(held, held.c.check_in == CheckInAnswer.check_in_id)
        .where(held.c.done == 1, CheckInAnswer.question_key.in_(["who_helped", "try_new"]))
        .subquery()
    )

    def latest(key: str):
        return func.max(
            case((and_(ranked.c.question_key == key, ranked.c.rank == 1), ranked.c.choices))
        )

    answers = (
        select(
            ranked.c.check_in_id,
            func.max(case((ranked.c.helper_id.is_not(None), 1), else_=0)).label("device"),
            latest("who_helped").label("who"),
            latest("try_new").label("wish"),
        )
        .group_by(ranked.c.check_in_id)
        .subquery()
    )
    is_done = held.c.done == 1
    on_device = answers.c.device == 1
    helped = or_(on_device, *(_has_choice(answers.c.who, k) for k in HELPER_CHOICES))
    alone = and_(~on_device, _has_choice(answers.c.who, "nobody"))

    def count_if(condition):
        return func.sum(case((condition, 1), else_=0))

    def people_if(condition):
        return func.count(distinct(case((condition, held.c.person))))

    columns = {
        "held": func.count(held.c.meeting),
        "before": func.sum(held.c.done),
        "alone": count_if(and_(is_done, alone)),
        "helped": count_if(and_(is_done, helped)),
        **{
            f"try_{k}": people_if(and_(is_done, _has_choice(answers.c.wish, k)))
            for k in TRY_CHOICES
        },
        "try_any": people_if(
            and_(is_done, or_(*(_has_choice(answers.c.wish, k) for k in TRY_CHOICES)))
        ),
    }
    query = (
        select(held.c.unit, held.c.gender, *columns.values())
        .select_from(held)
        .outerjoin(answers, answers.c.check_in_id == held.c.check_in)
        .group_by(held.c.unit, held.c.gender)
    )
    names = list(columns)
    return {
        (row[0], row[1]): dict(zip(names, (int(v or 0) for v in row[2:]), strict=True))
        for row in get_session().exec(query)
    }


def _has_choice(choices, key: str):
    # Choices are a JSON list of keys; its text holds each key in quotes.
    return choices.like(f'%"{key}"%')


def interests(quarter: Quarter, unit_id: int | None) -> dict:
    """Per unit and alternative: people who said "Jag vill veta mer" during the quarter, and
    how many of them have had that interest followed up: {(unit, alternative, name): count}."""
    followed = exists().where(InterestFollowUp.interest_id == AlternativeInterest.id)
    query = (
        select(
            Participant.unit_id,
            AlternativeInterest.alternative_id,
            func.count(distinct(AlternativeInterest.participant_id)),
            func.count(distinct(case((followed, AlternativeInterest.participant_id)))),
        )
        .join(Participant, Participant.id == AlternativeInterest.participant_id)
        .where(
            AlternativeInterest.created_at >= quarter.start,
            AlternativeInterest.created_at < quarter.end,
        )
        .group_by(Participant.unit_id, AlternativeInterest.alternative_id)
    )
    result = {}
    for unit, alternative, interested, followed_up in get_session().exec(_in_scope(query, unit_id)):
        result[(unit, alternative, "interested")] = interested
        result[(unit, alternative, "followed_up")] = followed_up
    # The same for any alternative at all (alternative None): a person counts once.
    any_query = (
        select(
            Participant.unit_id,
            func.count(distinct(AlternativeInterest.participant_id)),
            func.count(distinct(case((followed, AlternativeInterest.participant_id)))),
        )
        .join(Participant, Participant.id == AlternativeInterest.participant_id)
        .where(
            AlternativeInterest.created_at >= quarter.start,
            AlternativeInterest.created_at < quarter.end,
        )
        .group_by(Participant.unit_id)
    )
    for unit, interested, followed_up in get_session().exec(_in_scope(any_query, unit_id)):
        result[(unit, None, "interested")] = interested
        result[(unit, None, "followed_up")] = followed_up
    return result
