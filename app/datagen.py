"""Realistic made-up data for trying the statistics at the size of a city or a country.

`flask --app app generate-data --participants 3000` makes units of about 18 participants
(as in Stockholm: 2,868 people at 162 sites), staff, ten years of follow-up meetings with
check-ins and answers, interests in the alternatives, and people leaving for work, studies
or elsewhere; most who leave for work or studies take a new step with support going on, with
its short check-ins, and some come back to daily activity. The same --seed gives the same
data. Rows go in by bulk: COPY on PostgreSQL.
"""

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import func, insert, select, text

from .alternatives.models import Alternative, AlternativeInterest, InterestFollowUp
from .checkins.models import CheckIn, CheckInAnswer, QuestionSet
from .meetings.models import FollowUp
from .models import Participant, StaffUnit, StaffUser, Unit
from .new_step.checkin import QUESTIONS as STEP_QUESTIONS
from .new_step.models import NewStep, StepAnswer, StepCheckIn
from .new_step.steps import DAYS_PER_MONTH, DEFAULT_MONTHS, DEFAULT_RHYTHM
from .stats.summary import StatsChange

PER_UNIT = 18
PER_CASE_OFFICER = 45
KINDS = [
    "Kaféet",
    "Trädgården",
    "Verkstaden",
    "Återbruket",
    "Tvätteriet",
    "Köket",
    "Snickeriet",
    "Butiken",
    "Ateljén",
    "Djurgården",
]
NAMES = ["Hanna", "Yusuf", "Elsa", "Ali", "Sara", "Erik", "Maja", "Leo", "Noor", "Elias", "Ida"]
GENDERS = [("man", 55), ("woman", 40), ("other", 1), (None, 4)]
# About 2 in 100 a year leave for work or studies (Malmö: 15.6 a year).
END_REASONS = [
    ("work", 12),
    ("studies", 6),
    ("internship", 6),
    ("measure", 4),
    ("moved", 40),
    ("other", 32),
]
STEP_REASONS = {"work", "studies", "internship", "measure"}
PER_SUPPORT_PERSON = 150
# Of those who leave for work or studies: most keep support (a new step); some come back.
WITH_SUPPORT = 0.85
COME_BACK = 0.25
TRY = ["internship", "job", "studies", "another_activity"]
# Not a password hash: nobody can log in as a generated staff member.
NO_LOGIN = "!generated"
LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


def is_local(url: str) -> bool:
    if url.startswith("sqlite"):
        return True
    return (urlsplit(url).hostname or "") in LOCAL_HOSTS


@dataclass
class Rows:
    """Rows per table, with the ids handed out so far."""

    next_ids: dict
    tables: dict = field(default_factory=dict)

    def add(self, model, **row) -> int:
        table = model.__table__
        if "id" in table.c and "id" not in row:
            row["id"] = self.next_ids[table.name]
            self.next_ids[table.name] += 1
        self.tables.setdefault(table.name, (model, []))[1].append(row)
        return row.get("id")


def generate(engine, participants: int, seed: int = 1, years: int = 10, now=None) -> dict:
    """Add `participants` made-up people and their history; returns rows added per table."""
    rng = random.Random(seed)  # noqa: S311 -- made-up data, repeatable by seed
    # Today at midnight: the same seed on the same day gives the same data.
    now = now or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    with engine.connect() as connection:
        next_ids = {
            model.__tablename__: (connection.scalar(select(func.max(model.id))) or 0) + 1
            for model in (
                Unit,
                StaffUser,
                Participant,
                FollowUp,
                CheckIn,
                CheckInAnswer,
                AlternativeInterest,
                InterestFollowUp,
                NewStep,
                StepCheckIn,
                StepAnswer,
            )
        }
        question_set = connection.scalar(
            select(QuestionSet.id).order_by(QuestionSet.version.desc())
        )
        alternatives = list(
            connection.scalars(select(Alternative.id).where(Alternative.hidden.is_(False)))
        )
    rows = Rows(next_ids)
    _people(rows, rng, participants, question_set, alternatives, years, now)
    _insert(engine, rows)
    return {name: len(table_rows) for name, (_model, table_rows) in rows.tables.items()}


def _pick(rng, weighted):
    return rng.choices([v for v, _w in weighted], [w for _v, w in weighted])[0]


def _people(rows, rng, count, question_set, alternatives, years, now):
    start = now - timedelta(days=365 * years)
    first_unit = rows.next_ids["unit"]
    units = []
    for i in range(max(1, round(count / PER_UNIT))):
        number = first_unit + i
        unit = rows.add(Unit, name=f"{KINDS[number % len(KINDS)]} {number}", created_at=start)
        supervisor = rows.add(
            StaffUser,
            username=f"handledare-{rows.next_ids['staff_user']}",
            display_name=f"Handledare {number}",
            role="supervisor",
            password_hash=NO_LOGIN,
            active=True,
            created_at=start,
        )
        rows.add(StaffUnit, staff_id=supervisor, unit_id=unit, created_at=start)
        units.append((unit, supervisor))
    officers = [
        rows.add(
            StaffUser,
            username=f"handlaggare-{rows.next_ids['staff_user']}",
            display_name=f"Handläggare {i + 1}",
            role="case_officer",
            password_hash=NO_LOGIN,
            active=True,
            created_at=start,
        )
        for i in range(max(1, count // PER_CASE_OFFICER))
    ]
    coaches = [
        rows.add(
            StaffUser,
            username=f"stodperson-{rows.next_ids['staff_user']}",
            display_name=f"Stödperson {i + 1}",
            role="support_person",
            password_hash=NO_LOGIN,
            active=True,
            created_at=start,
        )
        for i in range(max(1, count // PER_SUPPORT_PERSON))
    ]
    span = (now - start).total_seconds()
    for _ in range(count):
        unit, supervisor = rng.choice(units)
        officer = rng.choice(officers)
        # A third were there before the ten years began; the rest started along the way.
        if rng.random() < 0.33:
            created = start - timedelta(days=rng.randint(1, 3000))
        else:
            created = start + timedelta(seconds=rng.uniform(0, span))
        # About one in fourteen leaves each year.
        stay = timedelta(days=rng.expovariate(1 / (14 * 365)))
        ended = created + stay if created + stay < now else None
        reason = _pick(rng, END_REASONS) if ended else None
        step = None
        if reason in STEP_REASONS and rng.random() < WITH_SUPPORT:
            step = _step_plan(rng, ended, reason, rng.choice(coaches), officer, now)
        came_back = step is not None and step["returned_at"] is not None
        person = rows.add(
            Participant,
            first_name=rng.choice(NAMES),
            language="sv",
            unit_id=unit,
            case_officer_id=officer,
            gender=_pick(rng, GENDERS),
            created_at=created,
            # Back in daily activity after the step: the history goes on.
            ended_at=None if came_back else ended,
            end_reason=None if came_back else reason,
        )
        if step is not None:
            _new_step(rows, rng, person, step, now)
        _history(
            rows,
            rng,
            person,
            supervisor,
            officer,
            max(created, start),
            now if came_back else (ended or now),
            question_set,
            alternatives,
            now,
        )


def _step_plan(rng, started, kind, coach, officer, now) -> dict:
    """A new step after daily activity, and (for some) the return to it."""
    returned = None
    if rng.random() < COME_BACK:
        back = started + timedelta(days=rng.randint(20, 420))
        returned = back if back < now else None
    return {
        "kind": kind,
        "started_at": started,
        "support_until": started + timedelta(days=round(DEFAULT_MONTHS * DAYS_PER_MONTH)),
        "support_by_id": rng.choice([coach, coach, officer]),
        "checkin_days": DEFAULT_RHYTHM,
        "wants_back_at": returned - timedelta(days=rng.randint(3, 20)) if returned else None,
        "returned_at": returned,
        "returned_by_id": officer if returned else None,
        "created_at": started,
        "created_by_id": officer,
    }


def _new_step(rows, rng, person, step: dict, now) -> None:
    """The step and its short check-ins, answered most of the time while it lasted."""
    step_id = rows.add(NewStep, participant_id=person, **step)
    until = min(step["returned_at"] or now, step["support_until"], now)
    going_back = step["returned_at"] is not None
    for day in step["checkin_days"]:
        moment = step["started_at"] + timedelta(days=day, hours=rng.randint(8, 16))
        if moment >= until or rng.random() < 0.3:
            continue
        check_in = rows.add(
            StepCheckIn, new_step_id=step_id, due_day=day, created_at=moment, completed_at=moment
        )
        helped = rng.random() < 0.4
        for i, question in enumerate(STEP_QUESTIONS):
            choice = _step_choice(rng, question.key, going_back, helped)
            rows.add(
                StepAnswer,
                check_in_id=check_in,
                question_key=question.key,
                choice=choice,
                answered_at=moment + timedelta(minutes=i),
            )


def _step_choice(rng, key: str, going_back: bool, helped: bool) -> str:
    """An answer to the step's check-in: those who later came back were less at ease."""
    low = 0.35 if going_back else 0.1
    if key == "how_it_is":
        return _pick(rng, [("good", 1 - 2 * low), ("so_so", low), ("not_good", low)])
    if key in ("feels_safe", "gets_help"):
        return _pick(rng, [("yes", 1 - 2 * low), ("sometimes", low), ("no", low)])
    if key == "more_support":
        return _pick(rng, [("yes", 0.2 + low), ("no", 0.6 - low), ("dont_know", 0.2)])
    if key == "come_back":
        return _pick(rng, [("yes", low), ("no", 0.8 - low), ("dont_know", 0.2)])
    return "support_person" if helped else "nobody"


def _history(rows, rng, person, supervisor, officer, begin, end, question_set, alternatives, now):
    """Yearly follow-ups (sometimes two a year), each with a check-in most of the time."""
    moment = begin + timedelta(days=rng.randint(60, 300))
    wants = rng.random() < 0.18
    while moment < end:
        held = moment if moment < now - timedelta(days=1) else None
        meeting = rows.add(
            FollowUp,
            participant_id=person,
            starts_at=moment,
            place="",
            remote=False,
            held_at=held,
            held_by_id=officer if held else None,
            agreed="",
            created_at=moment - timedelta(days=30),
            created_by_id=officer,
        )
        if rng.random() < 0.72:
            _check_in(rows, rng, person, meeting, supervisor, moment, question_set, wants)
        if wants and alternatives and rng.random() < 0.4:
            interest = rows.add(
                AlternativeInterest,
                participant_id=person,
                alternative_id=rng.choice(alternatives),
                created_at=moment - timedelta(days=rng.randint(1, 20)),
                helper_id=None,
                withdrawn_at=None,
            )
            if held and rng.random() < 0.6:
                rows.add(
                    InterestFollowUp,
                    interest_id=interest,
                    kind="talked",
                    text="",
                    day=moment.date(),
                    created_at=moment,
                    staff_id=officer,
                )
        wants = wants if rng.random() < 0.7 else rng.random() < 0.18
        moment += timedelta(days=rng.choice([180, 330, 365, 365, 365, 400]))


def _check_in(rows, rng, person, meeting, supervisor, moment, question_set, wants):
    completed = moment - timedelta(days=rng.randint(1, 10)) if rng.random() < 0.85 else None
    check_in = rows.add(
        CheckIn,
        follow_up_id=meeting,
        participant_id=person,
        question_set_id=question_set,
        created_at=moment - timedelta(days=12),
        completed_at=completed,
    )
    helped = rng.random() < 0.45
    device = supervisor if helped and rng.random() < 0.5 else None
    who = rng.choice(["supervisor", "supervisor", "family", "someone_else"]) if helped else "nobody"
    if rng.random() < 0.05:
        who = "no_answer"
    tries = rng.sample(TRY, rng.choice([1, 1, 1, 2])) if wants else ["like_it_here"]
    answers = [
        ("how_it_is", [rng.choice(["good", "good", "so_so", "not_good"])]),
        ("likes_tasks", [rng.choice(["yes", "yes", "sometimes", "no"])]),
        ("feels_safe", [rng.choice(["yes", "yes", "yes", "sometimes", "no"])]),
        ("try_new", tries),
        ("talk_about", [rng.choice(["my_tasks", "schedule", "money", "friends"])]),
        ("who_helped", [who]),
    ]
    if helped:
        answers.append(("how_helped", [rng.choice(["read_aloud", "explained", "showed"])]))
    answered = moment - timedelta(days=13)
    for i, (key, choices) in enumerate(answers):
        rows.add(
            CheckInAnswer,
            check_in_id=check_in,
            question_key=key,
            choices=choices,
            text="",
            helper_id=device,
            answered_at=answered + timedelta(minutes=i),
        )


def _complete(model, row: dict) -> dict:
    """Fill in the columns a row leaves out with their defaults."""
    for column in model.__table__.columns:
        if column.name in row:
            continue
        default = column.default
        if default is None:
            row[column.name] = None
        elif default.is_callable:
            row[column.name] = default.arg(None)
        else:
            row[column.name] = default.arg
    return row


def _insert(engine, rows: Rows) -> None:
    order = [
        Unit,
        StaffUser,
        StaffUnit,
        Participant,
        FollowUp,
        CheckIn,
        CheckInAnswer,
        AlternativeInterest,
        InterestFollowUp,
        NewStep,
        StepCheckIn,
        StepAnswer,
    ]
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        for model in order:
            if model.__tablename__ not in rows.tables:
                continue
            _model, table_rows = rows.tables[model.__tablename__]
            table_rows = [_complete(model, row) for row in table_rows]
            if postgres:
                _copy(connection, model, table_rows)
            else:
                for i in range(0, len(table_rows), 5000):
                    connection.execute(model.__table__.insert(), table_rows[i : i + 5000])
        if postgres:
            for model in order:
                if "id" in model.__table__.c:
                    largest = select(func.coalesce(func.max(model.id), 1)).scalar_subquery()
                    sequence = func.pg_get_serial_sequence(model.__tablename__, "id")
                    connection.execute(select(func.setval(sequence, largest)))
            connection.execute(text("ANALYZE"))
        # Rows went in without the session: say that the statistics must be counted again.
        connection.execute(insert(StatsChange).values(changed_at=datetime.now(UTC)))


def _copy(connection, model, table_rows: list[dict]) -> None:
    columns = [c.name for c in model.__table__.columns]
    json_columns = {c.name for c in model.__table__.columns if c.type.__class__.__name__ == "JSON"}
    cursor = connection.connection.cursor()
    quoted = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{model.__tablename__}" ({quoted}) FROM STDIN') as copy:
        for row in table_rows:
            copy.write_row([json.dumps(row[c]) if c in json_columns else row[c] for c in columns])
