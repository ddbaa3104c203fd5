"""The counts behind the statistics, per period, unit and gender, as grouped SQL aggregates.

Each function gives a query over every period at once (a quarter or a year), grouped by
period, unit and gender: counts only, never a person. The summary (summary.py) stores them.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import String, and_, case, cast, distinct, exists, func, literal, or_, union_all
from sqlmodel import select

from ..alternatives.models import AlternativeInterest, InterestFollowUp
from ..checkins.models import CheckIn, CheckInAnswer
from ..db import get_session
from ..i18n import gettext as _
from ..i18n import local_zone
from ..meetings.models import FollowUp
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
        local = moment.astimezone(local_zone())
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
    def label(self) -> str:
        return _("Kvartal %(number)s %(year)s", number=self.number, year=self.year)

    @property
    def start(self) -> datetime:
        return datetime(self.year, 3 * self.number - 2, 1, tzinfo=local_zone())

    @property
    def end(self) -> datetime:
        following = self.next()
        return datetime(following.year, 3 * following.number - 2, 1, tzinfo=local_zone())

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - (self.number == 1), (self.number - 2) % 4 + 1)


@dataclass(frozen=True)
class Year:
    year: int

    @classmethod
    def parse(cls, text: str) -> "Year | None":
        return cls(int(text)) if text.isdigit() and 2000 <= int(text) <= 2100 else None

    @property
    def key(self) -> str:
        return str(self.year)

    @property
    def label(self) -> str:
        return _("Året %(year)s", year=self.year)

    @property
    def start(self) -> datetime:
        return datetime(self.year, 1, 1, tzinfo=local_zone())

    @property
    def end(self) -> datetime:
        return datetime(self.year + 1, 1, 1, tzinfo=local_zone())

    def quarters(self) -> list[Quarter]:
        return [Quarter(self.year, number) for number in range(1, 5)]


def first_quarter() -> Quarter | None:
    """The quarter the oldest participant started in."""
    first = get_session().exec(select(func.min(Participant.created_at))).one()
    return Quarter.of(first) if first else None


def periods_table(periods: list) -> object:
    """The periods as rows (key, start, finish) to join the data with: a few dozen rows."""
    moment = Participant.__table__.c.created_at.type
    rows = [
        select(
            literal(p.key, String).label("key"),
            literal(p.start.astimezone(UTC), moment).label("start"),
            literal(p.end.astimezone(UTC), moment).label("finish"),
        )
        for p in periods
    ]
    return union_all(*rows).cte("period") if len(rows) > 1 else rows[0].cte("period")


def _gender():
    stated = [Gender.woman.value, Gender.man.value, Gender.other.value]
    return case((Participant.gender.in_(stated), Participant.gender), else_=literal(NOT_STATED))


def _during(moment, period):
    return and_(moment >= period.c.start, moment < period.c.finish)


def participants(period) -> list:
    """People with daily activity at some time during the period."""
    gender = _gender()
    query = (
        select(period.c.key, Participant.unit_id, gender, literal("participants"), func.count())
        .select_from(Participant)
        .join(
            period,
            and_(
                Participant.created_at < period.c.finish,
                or_(Participant.ended_at.is_(None), Participant.ended_at >= period.c.start),
            ),
        )
        .group_by(period.c.key, Participant.unit_id, gender)
    )
    return [query]


def ended(period) -> list:
    """People who left daily activity during the period, as measure "ended_<reason>"."""
    gender = _gender()
    reason = case(
        (Participant.end_reason.in_(END_REASONS), Participant.end_reason), else_=literal("other")
    )
    measure = literal("ended_", String) + reason
    query = (
        select(period.c.key, Participant.unit_id, gender, measure, func.count())
        .select_from(Participant)
        .join(period, _during(Participant.ended_at, period))
        .group_by(period.c.key, Participant.unit_id, gender, reason)
    )
    return [query]


def meetings(period) -> list:
    """Meetings held, check-ins done before them, answered alone or with help, and how many
    people want to try each new thing, per period, unit and gender."""
    done = and_(CheckIn.completed_at.is_not(None), CheckIn.completed_at <= FollowUp.held_at)
    held = (
        select(
            period.c.key.label("period"),
            FollowUp.id.label("meeting"),
            Participant.unit_id.label("unit"),
            _gender().label("gender"),
            Participant.id.label("person"),
            CheckIn.id.label("check_in"),
            case((done, 1), else_=0).label("done"),
        )
        .select_from(FollowUp)
        .join(period, _during(FollowUp.held_at, period))
        .join(Participant, Participant.id == FollowUp.participant_id)
        .outerjoin(CheckIn, CheckIn.follow_up_id == FollowUp.id)
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
        .where(
            CheckInAnswer.check_in_id.in_(select(held.c.check_in).where(held.c.done == 1)),
            CheckInAnswer.question_key.in_(["who_helped", "try_new"]),
        )
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
    grouped = (
        select(held.c.period, held.c.unit, held.c.gender, *(c.label(n) for n, c in columns.items()))
        .select_from(held)
        .outerjoin(answers, answers.c.check_in_id == held.c.check_in)
        .group_by(held.c.period, held.c.unit, held.c.gender)
    ).cte("grouped")
    # One statement: the grouped table is made once and read once per measure.
    return [
        union_all(
            *(
                select(
                    grouped.c.period,
                    grouped.c.unit,
                    grouped.c.gender,
                    literal(name),
                    grouped.c[name],
                )
                for name in columns
            )
        )
    ]


def _has_choice(choices, key: str):
    # Choices are a JSON list of keys; its text holds each key in quotes.
    return choices.like(f'%"{key}"%')


def interests(period) -> list:
    """People who said "Jag vill veta mer" during the period, and how many of them have had
    that interest followed up: per alternative ("interested:<id>") and for any alternative
    ("any_interested"), a person counted once in each."""
    followed = exists().where(InterestFollowUp.interest_id == AlternativeInterest.id)
    gender = _gender()
    person = AlternativeInterest.participant_id
    queries = []
    for name, counted in [
        ("interested", func.count(distinct(person))),
        ("followed_up", func.count(distinct(case((followed, person))))),
    ]:
        base = (
            select(period.c.key, Participant.unit_id, gender)
            .select_from(AlternativeInterest)
            .join(period, _during(AlternativeInterest.created_at, period))
            .join(Participant, Participant.id == person)
        )
        per_alternative = literal(f"{name}:", String) + cast(
            AlternativeInterest.alternative_id, String
        )
        queries.append(
            base.add_columns(per_alternative, counted).group_by(
                period.c.key, Participant.unit_id, gender, AlternativeInterest.alternative_id
            )
        )
        queries.append(
            base.add_columns(literal(f"any_{name}"), counted).group_by(
                period.c.key, Participant.unit_id, gender
            )
        )
    return queries


def every_measure(period) -> list:
    """Every query above: each gives (period, unit, gender, measure, count) rows."""
    return [*participants(period), *ended(period), *meetings(period), *interests(period)]
