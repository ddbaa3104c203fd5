"""The staff's JSON export: every row in every table that belongs to the person.

The rows are found from the tables' foreign keys (the participant row, the rows that point at
it, and the rows that point at those), so a new part of the app is exported without a change
here. Secrets (the hashes of card and login secrets) are left out.
"""

from datetime import date, datetime

from sqlalchemy import Table, select
from sqlmodel import SQLModel

from ..db import get_session
from ..models import Participant, utcnow

SECRET_COLUMNS = {"token_hash", "password_hash"}


def export(person: Participant) -> dict:
    """The person's rows, table by table, ready for json.dumps."""
    participant = SQLModel.metadata.tables["participant"]
    found: dict[str, dict] = {}
    _collect(participant, [person.id], found, via_column=participant.c.id)
    return {
        "exported_at": _plain(utcnow()),
        "participant_id": person.id,
        "tables": {name: list(rows.values()) for name, rows in sorted(found.items())},
    }


def _collect(table: Table, ids: list, found: dict, via_column=None) -> None:
    """Add the rows of `table` whose `via_column` is in ids, then the rows pointing at them."""
    db = get_session()
    rows = db.exec(select(table).where(via_column.in_(ids))).mappings().all()
    kept = found.setdefault(table.name, {})
    new_ids = []
    for row in rows:
        key = row.get("id", tuple(row.values()))
        if key in kept:
            continue
        kept[key] = {k: _plain(v) for k, v in row.items() if k not in SECRET_COLUMNS}
        if "id" in row:
            new_ids.append(row["id"])
    if not new_ids:
        return
    for child in SQLModel.metadata.sorted_tables:
        for key in child.foreign_keys:
            if key.column.table is table and child.name != "participant":
                _collect(child, new_ids, found, via_column=key.parent)


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value
