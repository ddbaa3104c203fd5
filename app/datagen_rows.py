"""Made-up rows held in memory per table, then written in bulk: COPY on PostgreSQL, batches of
inserts elsewhere."""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import func, insert, select, text

from .alternatives.models import AlternativeInterest, InterestFollowUp
from .checkins.models import CheckIn, CheckInAnswer
from .meetings.models import FollowUp
from .models import Participant, StaffUnit, StaffUser, Unit
from .new_step.models import NewStep, StepAnswer, StepCheckIn
from .stats.summary import StatsChange


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


# The tables the generator fills, each after those it refers to.
TABLES = [
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


def insert_rows(engine, rows: Rows) -> None:
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as connection:
        for model in TABLES:
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
            for model in TABLES:
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
