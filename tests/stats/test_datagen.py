"""The data generator: repeatable by seed, realistic enough to count, local databases only."""

from datetime import UTC, datetime

from sqlmodel import func, select

from app import datagen
from app.checkins.models import CheckIn, CheckInAnswer
from app.meetings.models import FollowUp
from app.models import Participant, Unit
from app.stats import tables
from app.stats.figures import Quarter
from app.stats.suppression import TOTAL

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def people(db):
    rows = db.exec(select(Participant).order_by(Participant.id)).all()
    return [(p.first_name, p.gender, p.created_at, p.ended_at, p.end_reason) for p in rows]


def test_the_same_seed_gives_the_same_data(app, db):
    engine = app.extensions["db_engine"]
    datagen.generate(engine, 40, seed=3, now=NOW)
    first = people(db)
    datagen.generate(engine, 40, seed=3, now=NOW)
    both = people(db)
    assert len(first) == 40 and both[40:] == first
    datagen.generate(engine, 40, seed=4, now=NOW)
    assert people(db)[80:] != first


def test_generated_data_has_a_history_to_count(app, db, in_request):
    added = datagen.generate(app.extensions["db_engine"], 200, seed=1, now=NOW)
    assert added["participant"] == 200
    assert db.exec(select(func.count()).select_from(Unit)).one() == round(200 / datagen.PER_UNIT)
    held = db.exec(select(func.count()).select_from(FollowUp).where(FollowUp.held_at.is_not(None)))
    assert held.one() > 200 * 3  # years of yearly meetings
    assert db.exec(select(func.count()).select_from(CheckIn)).one() > 0
    assert db.exec(select(func.count()).select_from(CheckInAnswer)).one() > 0
    with in_request():
        built = {t.name: t for t in tables.build(Quarter(2025, 2), None)}
    assert built["meetings"].values[("participants", TOTAL)] > 100
    assert built["meetings"].values[("held", TOTAL)] > 0


def test_only_a_database_on_this_computer_unless_forced(app, db):
    assert datagen.is_local("sqlite:///instance/x.sqlite")
    assert datagen.is_local("postgresql://postgres@127.0.0.1:5432/x")
    assert datagen.is_local("postgresql://postgres@localhost/x")
    assert not datagen.is_local("postgresql://app@db.example.org/prod")
    app.config["DATABASE_URL"] = "postgresql://app@db.example.org/prod"
    result = app.test_cli_runner().invoke(args=["generate-data", "--participants", "5"])
    assert result.exit_code != 0 and "--force" in result.output
    assert db.exec(select(func.count()).select_from(Participant)).one() == 0
