"""Realistic made-up data for trying the statistics at the size of a city or a country.

`flask --app app generate-data --participants 3000` makes units of about 18 participants
(as in Stockholm: 2,868 people at 162 sites), staff, ten years of follow-up meetings with
check-ins and answers, interests in the alternatives, and people leaving for work, studies
or elsewhere; most who leave for work or studies take a new step with support going on, with
its short check-ins, and some come back to daily activity. The same --seed gives the same
data. Rows go in by bulk: COPY on PostgreSQL.
"""

import random
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import func, select

from .alternatives.models import Alternative, AlternativeInterest, InterestFollowUp
from .checkins.models import CheckIn, CheckInAnswer, QuestionSet
from .datagen_rows import TABLES, Rows, insert_rows
from .datagen_steps import WITH_SUPPORT, new_step, pick, step_plan
from .meetings.models import FollowUp
from .models import Participant, StaffUnit, StaffUser, Unit

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
TRY = ["internship", "job", "studies", "another_activity"]
# Not a password hash: nobody can log in as a generated staff member.
NO_LOGIN = "!generated"
LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


def is_local(url: str) -> bool:
    if url.startswith("sqlite"):
        return True
    return (urlsplit(url).hostname or "") in LOCAL_HOSTS


def generate(engine, participants: int, seed: int = 1, years: int = 10, now=None) -> dict:
    """Add `participants` made-up people and their history; returns rows added per table."""
    rng = random.Random(seed)  # noqa: S311 -- made-up data, repeatable by seed
    # Today at midnight: the same seed on the same day gives the same data.
    now = now or datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    with engine.connect() as connection:
        next_ids = {
            model.__tablename__: (connection.scalar(select(func.max(model.id))) or 0) + 1
            for model in TABLES
            if model is not StaffUnit  # a pair of ids, no id of its own
        }
        question_set = connection.scalar(
            select(QuestionSet.id).order_by(QuestionSet.version.desc())
        )
        alternatives = list(
            connection.scalars(select(Alternative.id).where(Alternative.hidden.is_(False)))
        )
    rows = Rows(next_ids)
    _people(rows, rng, participants, question_set, alternatives, years, now)
    insert_rows(engine, rows)
    return {name: len(table_rows) for name, (_model, table_rows) in rows.tables.items()}


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
        reason = pick(rng, END_REASONS) if ended else None
        step = None
        if reason in STEP_REASONS and rng.random() < WITH_SUPPORT:
            step = step_plan(rng, ended, reason, rng.choice(coaches), officer, now)
        came_back = step is not None and step["returned_at"] is not None
        person = rows.add(
            Participant,
            first_name=rng.choice(NAMES),
            language="sv",
            unit_id=unit,
            case_officer_id=officer,
            gender=pick(rng, GENDERS),
            created_at=created,
            # Back in daily activity after the step: the history goes on.
            ended_at=None if came_back else ended,
            end_reason=None if came_back else reason,
        )
        if step is not None:
            new_step(rows, rng, person, step, now)
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
