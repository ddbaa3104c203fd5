"""The statistics summary: every count per period (quarter or year), unit, gender and measure,
counted by set-based SQL and protected once, so that each page only reads a few rows.

The summary is rebuilt by `flask count-statistics`, and on the first statistics page after
the data behind it changed (a flush that touches a counted table notes the change).
"""

import secrets
from datetime import UTC, datetime

from flask import current_app, g
from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    delete,
    event,
    exists,
    func,
    insert,
    literal,
    text,
    update,
)
from sqlmodel import Field, Session, SQLModel, select

from ..alternatives.models import AlternativeInterest, InterestFollowUp
from ..checkins.models import CheckIn, CheckInAnswer
from ..db import get_session, save_changes
from ..meetings.models import FollowUp
from ..models import Participant, Unit, utcnow
from ..new_step.models import NewStep, StepAnswer, StepCheckIn
from . import figures, protection
from .figures import Quarter, Year
from .suppression import PROTECTED, SMALL

SERVICE = 0  # unit_id of counts for the whole service
ALL = "all"  # gender of counts for every gender
# The row that says when the summary was counted: period COUNTED, measure the quarter it was
# counted in, count the time (seconds since 1970). Read by its key's start: no scan.
COUNTED = "counted"
COUNTED_TABLES = (
    Participant,
    Unit,
    FollowUp,
    CheckIn,
    CheckInAnswer,
    AlternativeInterest,
    InterestFollowUp,
    NewStep,
    StepCheckIn,
    StepAnswer,
)


class StatsCount(SQLModel, table=True):
    """One count of the summary, and whether it is hidden (SMALL or PROTECTED) on every page."""

    __tablename__ = "stats_count"
    # The list per unit reads one measure of every unit of a period.
    __table_args__ = (Index("ix_stats_count_measure", "period", "gender", "measure", "unit_id"),)
    period: str = Field(primary_key=True, max_length=7)
    unit_id: int = Field(primary_key=True)
    gender: str = Field(primary_key=True, max_length=12)
    measure: str = Field(primary_key=True, max_length=40)
    count: int
    hidden: str | None = Field(default=None, max_length=10)


class StatsChange(SQLModel, table=True):
    """A change to the counted data since the summary was counted."""

    __tablename__ = "stats_change"
    id: int | None = Field(default=None, primary_key=True)
    changed_at: datetime = Field(default_factory=utcnow)


def _note_change(session, _context) -> None:
    touched = (*session.new, *session.dirty, *session.deleted)
    if any(isinstance(row, COUNTED_TABLES) for row in touched):
        session.connection().execute(insert(StatsChange).values(changed_at=utcnow()))


event.listen(Session, "after_flush", _note_change)


def years_to_count(now: datetime) -> list[Year]:
    first = figures.first_quarter() or Quarter.of(now)
    return [Year(year) for year in range(first.year, Quarter.of(now).year + 1)]


def is_fresh() -> bool:
    db = get_session()
    if db.exec(select(StatsChange.id).limit(1)).first() is not None:
        return False
    marker = select(StatsCount.period).where(
        StatsCount.period == COUNTED, StatsCount.measure == Quarter.of(utcnow()).key
    )
    return db.exec(marker.limit(1)).first() is not None


def ensure_fresh() -> None:
    """Count again when the data changed or a new quarter began since the last count. A large
    service (more participants than STATS_COUNT_ON_VIEW_MAX) is counted by `flask
    count-statistics` instead, every night: a page shows when its figures were counted."""
    if g.get("stats_fresh") or is_fresh():
        g.stats_fresh = True
        return
    g.stats_fresh = True
    largest = current_app.config["STATS_COUNT_ON_VIEW_MAX"]
    if (
        counted_at() is None
        or get_session().exec(select(func.count(Participant.id))).one() <= largest
    ):
        rebuild()


def count_mark(*, even_if_changed: bool = False) -> str | None:
    """A mark of this count of the summary, new every count; None while the data has changed
    since (then what is kept from the count is stale), unless `even_if_changed`: what is made
    from the summary's counts alone stays right until the next count."""
    if not (even_if_changed or is_fresh()):
        return None
    c = StatsCount.__table__.c
    return (
        get_session()
        .exec(select(c.hidden).where(c.period == COUNTED, c.measure == Quarter.of(utcnow()).key))
        .first()
    )


def counted_at() -> datetime | None:
    """When the summary was last counted."""
    c = StatsCount.__table__.c
    stamp = get_session().exec(select(func.max(c.count)).where(c.period == COUNTED)).one()
    return datetime.fromtimestamp(stamp, UTC) if stamp else None


def rebuild() -> None:
    """Count everything again, in one transaction: a few set-based statements per measure,
    then the protection of each year together with its quarters."""
    db = get_session()
    if db.get_bind().dialect.name == "postgresql":
        # One count at a time; a page that waited here finds the summary fresh.
        db.exec(select(func.pg_advisory_xact_lock(24_0001)))
        if is_fresh():
            save_changes()
            return
    covered = db.exec(select(func.max(StatsChange.id))).one()
    now = utcnow()
    years = years_to_count(now)
    periods = [p for year in years for p in (*year.quarters(), year)]
    table = StatsCount.__table__
    columns = ["period", "unit_id", "gender", "measure", "count"]
    kept = _keep_last_count(db)
    db.exec(delete(StatsCount))
    # Counts per unit and gender go to a table of this transaction only: the pages read per
    # unit for all genders, and the service per gender, so only those are kept.
    raw = _raw_table()
    raw.create(db.connection())
    period = figures.periods_table(periods)
    for query in figures.every_measure(period):
        db.exec(insert(raw).from_select(columns, query.add_cte(period)))
    r = raw.c
    # Every reason for leaving together; then per unit for all genders; then the service.
    for total, measures in (
        ("ended", protection.END_MEASURES),
        ("ended_onward", protection.ONWARD),
    ):
        db.exec(
            insert(raw).from_select(
                columns,
                select(r.period, r.unit_id, r.gender, literal(total), func.sum(r.count))
                .where(r.measure.in_(measures))
                .group_by(r.period, r.unit_id, r.gender),
            )
        )
    for unit, gender, group in (
        (r.unit_id, literal(ALL), (r.period, r.unit_id, r.measure)),
        (literal(SERVICE), r.gender, (r.period, r.gender, r.measure)),
        (literal(SERVICE), literal(ALL), (r.period, r.measure)),
    ):
        db.exec(
            insert(table).from_select(
                columns,
                # In the order of the index that reads them: a period's measure of every unit
                # lies together on disk.
                select(r.period, unit, gender, r.measure, func.sum(r.count))
                .group_by(*group)
                .order_by(r.period, gender, r.measure, unit),
            )
        )
    raw.drop(db.connection())
    if db.get_bind().dialect.name == "postgresql":
        db.exec(text("ANALYZE stats_count"))
    c = table.c
    db.exec(
        insert(table).values(
            period=COUNTED,
            unit_id=SERVICE,
            gender=ALL,
            measure=Quarter.of(now).key,
            count=int(now.timestamp()),
            hidden=f"{PROTECTION}-{secrets.token_hex(3)}",
        )
    )
    db.exec(update(table).where(c.count < 5, c.period != COUNTED).values(hidden=SMALL))
    for year in years:
        if not (kept and _hidden_as_last_time(db, year)):
            _protect(db, year)
    if kept:
        db.exec(text("DROP TABLE stats_count_last"))
    if covered is not None:
        db.exec(delete(StatsChange).where(StatsChange.id <= covered))
    save_changes()


# The protection's version: a year whose counts are the same as at the last count keeps what
# it hid then, unless the protection changed since.
PROTECTION = "p2"


def _keep_last_count(db) -> bool:
    """Keep the last count's protected rows for this transaction, when they were protected as
    today. A year's protection depends on its counts only."""
    c = StatsCount.__table__.c
    mark = db.exec(select(c.hidden).where(c.period == COUNTED).limit(1)).first()
    if not mark or not mark.startswith(f"{PROTECTION}-"):
        return False
    db.exec(
        text(
            "CREATE TEMPORARY TABLE stats_count_last AS SELECT period, unit_id, gender, measure,"
            " count, hidden FROM stats_count WHERE period <> :counted"
        ).bindparams(counted=COUNTED)
    )
    db.exec(
        text(
            "CREATE INDEX ix_stats_count_last ON stats_count_last"
            " (period, unit_id, gender, measure)"
        )
    )
    return True


def _hidden_as_last_time(db, year: Year) -> bool:
    """When the year's counts are all as at the last count, hide what was hidden then."""
    keys = [p.key for p in (*year.quarters(), year)]
    table, last = StatsCount.__table__, _last_table()
    c, o = table.c, last.c
    same_key = and_(
        o.period == c.period, o.unit_id == c.unit_id, o.gender == c.gender, o.measure == c.measure
    )
    rows = db.exec(select(func.count()).select_from(table).where(c.period.in_(keys))).one()
    before = db.exec(select(func.count()).select_from(last).where(o.period.in_(keys))).one()
    same = db.exec(
        select(func.count())
        .select_from(table.join(last, and_(same_key, o.count == c.count)))
        .where(c.period.in_(keys))
    ).one()
    if not (rows == before == same):
        return False
    db.exec(
        update(table)
        .where(c.period.in_(keys), exists().where(same_key, o.hidden == PROTECTED))
        .values(hidden=PROTECTED)
    )
    return True


def _last_table() -> Table:
    return Table("stats_count_last", MetaData(), *_count_columns(), Column("hidden", String(10)))


def _raw_table() -> Table:
    return Table("stats_count_raw", MetaData(), *_count_columns(), prefixes=["TEMPORARY"])


def _count_columns() -> list[Column]:
    return [
        Column("period", String(7)),
        Column("unit_id", Integer),
        Column("gender", String(12)),
        Column("measure", String(40)),
        Column("count", Integer),
    ]


def _protect(db, year: Year) -> None:
    """Hide what must be hidden for a year and its quarters, as one set of tables."""
    c = StatsCount.__table__.c
    keys = [p.key for p in (*year.quarters(), year)]
    rows = db.exec(
        select(c.period, c.unit_id, c.gender, c.measure, c.count).where(
            c.period.in_(keys), (c.unit_id == SERVICE) | (c.gender == ALL)
        )
    ).all()
    values = {(p, u, g, m): n for p, u, g, m, n in rows}
    hidden = protection.hidden(year, values)
    protected = [
        {"p": p, "u": u, "g": g, "m": m}
        for (p, u, g, m), reason in hidden.items()
        if reason == PROTECTED
    ]
    if protected:
        db.connection().execute(
            update(StatsCount.__table__)
            .where(
                c.period == bindparam("p"),
                c.unit_id == bindparam("u"),
                c.gender == bindparam("g"),
                c.measure == bindparam("m"),
            )
            .values(hidden=PROTECTED),
            protected,
        )


EVERY_UNIT = -1


def cells(period_key: str, unit_id: int = SERVICE, measures: list | None = None) -> dict:
    """The published counts of one period: {(unit_id, gender, measure): (count, hidden)}, for
    the service, and for one unit or EVERY_UNIT (optionally only some measures). A count not
    in the summary is 0, and hidden as small."""
    ensure_fresh()
    c = StatsCount.__table__.c
    units = c.gender == ALL
    if unit_id != EVERY_UNIT:
        units = units & (c.unit_id == unit_id)
    if measures is not None:
        units = units & c.measure.in_(measures)
    rows = get_session().exec(
        select(c.unit_id, c.gender, c.measure, c.count, c.hidden).where(
            c.period == period_key, (c.unit_id == SERVICE) | units
        )
    )
    return {(u, g, m): (n, h) for u, g, m, n, h in rows}


def series(keys: list[str], scopes: list[tuple], measures: list[str]) -> dict:
    """Counts of several periods for some (unit_id, gender) scopes:
    {(period, unit_id, gender, measure): (count, hidden)}."""
    ensure_fresh()
    c = StatsCount.__table__.c
    rows = get_session().exec(
        select(c.period, c.unit_id, c.gender, c.measure, c.count, c.hidden).where(
            c.period.in_(keys),
            c.unit_id.in_({u for u, _g in scopes}),
            c.gender.in_({g for _u, g in scopes}),
            c.measure.in_(measures),
        )
    )
    return {(p, u, g, m): (n, h) for p, u, g, m, n, h in rows}
