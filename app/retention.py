"""Final deletion after the retention period: a person who left the service is removed.

Only people whose end in the service lies further back than RETENTION_DAYS can be removed.
Every row that belongs to the person goes, in every table that points at them (found from the
tables' foreign keys, so a new table is covered without a change here). What stays is an
anonymous participant row: no name, no picture, no choices, only when and why they left (for
the totals) and the time of the deletion. The audit log is append-only and is left as it was:
its rows now point at that anonymous row. Each run is recorded as a RetentionRun row, which
holds counts and dates, never a person.
"""

from datetime import UTC, datetime, timedelta

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import Table, delete, select, update
from sqlmodel import Field, SQLModel
from sqlmodel import select as sql_select

from .db import get_session, save_changes, transaction
from .models import Participant, utcnow

# Tables whose rows are removed even where the link to the person may be empty.
ALWAYS_REMOVED = {"login_session"}
# Append-only: kept as they are, pointing at the anonymous row.
KEPT = {"audit_event"}


class RetentionRun(SQLModel, table=True):
    """One run of the final deletion: when, how it was asked for, and how much it removed."""

    __tablename__ = "retention_run"
    id: int | None = Field(default=None, primary_key=True)
    ran_at: datetime = Field(default_factory=utcnow)
    # "participant" (one person by number) or "ended_before" (everyone who left before a day).
    mode: str = Field(max_length=20)
    ended_before: datetime | None = None
    retention_days: int
    people: int = 0
    rows: int = 0


class RetentionRefused(ValueError):
    """The person is still in the service, inside the retention period, or unknown."""


def retention_days() -> int:
    return int(current_app.config["RETENTION_DAYS"])


def cutoff(now: datetime | None = None) -> datetime:
    """People who left before this moment may be removed."""
    return (now or utcnow()) - timedelta(days=retention_days())


def check(person: Participant | None) -> None:
    """Refuse anyone who may not be removed yet, with the reason."""
    if person is None:
        raise RetentionRefused("There is no participant with that number.")
    if person.anonymised_at is not None:
        raise RetentionRefused(f"Participant {person.id} was already removed.")
    if person.ended_at is None:
        raise RetentionRefused(f"Participant {person.id} is still in the service.")
    if person.ended_at > cutoff():
        raise RetentionRefused(
            f"Participant {person.id} left less than {retention_days()} days ago."
        )


def remove_participant(participant_id: int) -> RetentionRun:
    """Remove one person who left long enough ago; refuses anyone else."""
    db = get_session()
    person = db.get(Participant, participant_id)
    check(person)
    rows = _remove([person.id])
    return _record(mode="participant", people=1, rows=rows)


def remove_ended_before(day: datetime) -> RetentionRun:
    """Remove everyone who left before `day`, which must lie outside the retention period."""
    if day > cutoff():
        raise RetentionRefused(
            f"The day must be at least {retention_days()} days ago (before {cutoff():%Y-%m-%d})."
        )
    db = get_session()
    ids = list(
        db.exec(
            sql_select(Participant.id).where(
                Participant.ended_at.is_not(None),
                Participant.ended_at < day,
                Participant.anonymised_at.is_(None),
            )
        ).all()
    )
    rows = _remove(ids) if ids else 0
    return _record(mode="ended_before", people=len(ids), rows=rows, ended_before=day)


def _record(**counts) -> RetentionRun:
    db = get_session()
    run = RetentionRun(retention_days=retention_days(), **counts)
    db.add(run)
    save_changes()
    return run


def _remove(participant_ids: list[int]) -> int:
    """Delete everything that points at the people and blank their own rows; returns the rows
    changed."""
    participant = SQLModel.metadata.tables["participant"]
    changed = _remove_children(participant, participant_ids)
    blank = {
        "first_name": "",
        "language": "sv",
        "pictogram": None,
        "gender": None,
        "case_id": None,
        "started_on": None,
        "case_officer_id": None,
        "large_text": False,
        "high_contrast": False,
        "reduce_motion": False,
        "anonymised_at": utcnow(),
    }
    result = get_session().exec(
        update(participant).where(participant.c.id.in_(participant_ids)).values(blank)
    )
    return changed + result.rowcount


def _remove_children(parent: Table, ids: list) -> int:
    """Rows pointing at these rows of `parent`: removed, or unlinked where the link is optional."""
    db = get_session()
    changed = 0
    for table in SQLModel.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table is not parent or table.name in KEPT:
                continue
            column = key.parent
            if column.nullable and table.name not in ALWAYS_REMOVED:
                result = db.exec(update(table).where(column.in_(ids)).values({column.name: None}))
                changed += result.rowcount
                continue
            if "id" in table.c:
                child_ids = list(db.exec(select(table.c.id).where(column.in_(ids))).scalars())
                if child_ids:
                    changed += _remove_children(table, child_ids)
            changed += db.exec(delete(table).where(column.in_(ids))).rowcount
    return changed


@click.command("retention-delete")
@with_appcontext
@click.option("--participant", "participant_id", type=int, help="Remove this participant.")
@click.option(
    "--ended-before",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Remove everyone who left before this day (YYYY-MM-DD).",
)
@click.option("--yes", is_flag=True, help="Do not ask before removing.")
def retention_delete(participant_id, ended_before, yes):
    """Remove people who left the service longer ago than FLASK_RETENTION_DAYS."""
    if (participant_id is None) == (ended_before is None):
        raise click.UsageError("Give either --participant ID or --ended-before DATE.")
    if not yes:
        click.confirm("This removes the people's data for good. Go on?", abort=True)
    try:
        with transaction():
            if participant_id is not None:
                run = remove_participant(participant_id)
            else:
                run = remove_ended_before(ended_before.replace(tzinfo=UTC))
    except RetentionRefused as refusal:
        raise click.ClickException(str(refusal)) from None
    click.echo(f"Removed {run.people} people ({run.rows} rows). Recorded as run {run.id}.")
