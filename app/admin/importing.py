"""Onboarding from the case system: a CSV file of units, staff and participants.

Every row is matched on the case system's own id (the `id` column), never on a name, so
importing the same file again changes nothing. `plan` reads the file and says what each row
would do (new, changed, unchanged, or an error with the reason in plain words) without saving;
`save` saves the good rows of a plan in one transaction. The header is documented in
docs/import.md.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import insert
from sqlmodel import select

from .. import audit
from ..db import get_session, save_changes
from ..i18n import LANGUAGES
from ..i18n import gettext as _
from ..models import Participant, Role, StaffUnit, StaffUser, Unit, utcnow

COLUMNS = (
    "typ",
    "id",
    "namn",
    "enhet",
    "handläggare",
    "användarnamn",
    "roll",
    "språk",
    "kön",
    "startdatum",
)
REQUIRED = ("typ", "id", "namn")
KINDS = {"enhet": "unit", "personal": "staff", "deltagare": "participant"}
ROLES = {
    "handledare": Role.supervisor,
    "handläggare": Role.case_officer,
    "administratör": Role.admin,
    "chef": Role.manager,
    "granskare": Role.auditor,
}
GENDERS = {"kvinna": "woman", "man": "man", "annat": "other"}
# A Swedish personal identity number (or coordination number), with or without the century
# and the dash: the app never needs one, so a file that holds one is refused.
PERSONAL_NUMBER = re.compile(r"(?<!\d)(?:19|20)?\d{6}[-+]?\d{4}(?!\d)")
PERSONAL_NUMBER_COLUMNS = {"personnummer", "personnr", "pnr", "samordningsnummer"}
USERNAME = re.compile(r"^[a-z0-9._-]{3,60}$")
LIMITS = {"id": 40, "unit": 120, "staff": 120, "participant": 60}

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"


class FileRefused(ValueError):
    """The whole file cannot be read: the message says why, in plain words."""


@dataclass
class Row:
    """One line of the file and what saving it would do."""

    line: int
    kind: str  # unit, staff, participant, or "" when the type is unknown
    case_id: str
    name: str
    values: dict
    result: str = NEW
    reason: str = ""
    # Filled while planning: the existing row, and what would be saved.
    existing: object = None
    changes: dict = field(default_factory=dict)

    def refuse(self, reason: str) -> None:
        self.result, self.reason = ERROR, reason


@dataclass
class Plan:
    rows: list[Row]

    def count(self, result: str) -> int:
        return sum(1 for row in self.rows if row.result == result)

    @property
    def errors(self) -> list[Row]:
        return [row for row in self.rows if row.result == ERROR]

    @property
    def to_save(self) -> int:
        return self.count(NEW) + self.count(CHANGED)


def decode(data: bytes) -> str:
    """UTF-8 (with or without Excel's byte order mark), else the Windows Excel export."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read(text: str) -> list[Row]:
    """The file's rows, with `;` or `,` between the columns; refused when the header is wrong."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise FileRefused(_("Filen är tom."))
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [cell.strip().lower() for cell in next(reader)]
    if PERSONAL_NUMBER_COLUMNS & set(header):
        raise FileRefused(
            _(
                "Filen har en kolumn med personnummer. Mina steg behöver inga personnummer "
                "och sparar dem inte. Ta bort kolumnen och ladda upp filen igen."
            )
        )
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise FileRefused(
            _(
                "Första raden ska vara rubrikerna. Det saknas: %(missing)s.",
                missing=", ".join(missing),
            )
        )
    rows = []
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            name: cells[i].strip() if i < len(cells) else ""
            for i, name in enumerate(header)
            if name in COLUMNS
        }
        line = reader.line_num
        kind = KINDS.get(values.get("typ", "").lower(), "")
        row = Row(line, kind, values.get("id", ""), values.get("namn", ""), values)
        if any(PERSONAL_NUMBER.search(cell) for cell in cells):
            row.refuse(
                _(
                    "Raden har ett personnummer. Mina steg behöver inga personnummer. "
                    "Ta bort det ur filen."
                )
            )
        rows.append(row)
    return rows


class _Directory:
    """What the database holds, read once, by the case system's id and by name."""

    def __init__(self):
        db = get_session()
        self.units = {u.case_id: u for u in db.exec(select(Unit)).all() if u.case_id}
        self.unit_names = {u.name.lower(): u for u in db.exec(select(Unit)).all()}
        self.staff = {s.case_id: s for s in db.exec(select(StaffUser)).all() if s.case_id}
        self.usernames = {s.username.lower(): s for s in db.exec(select(StaffUser)).all()}
        self.participants = {p.case_id: p for p in db.exec(select(Participant)).all() if p.case_id}
        self.staff_units: dict[int, set[int]] = {}
        for link in db.exec(select(StaffUnit)).all():
            self.staff_units.setdefault(link.staff_id, set()).add(link.unit_id)


def plan(rows: list[Row], progress: Callable[[Iterable[Row]], Iterable[Row]] = iter) -> Plan:
    """What saving would do for each row, without saving anything. Units come first, then
    staff, then participants, so a row may name a unit or case officer further down."""
    known = _Directory()
    seen: dict[tuple[str, str], int] = {}
    file_units: dict[str, Row] = {}
    file_unit_names: dict[str, Row] = {}
    file_officers: dict[str, Row] = {}
    order = {"unit": 0, "staff": 1, "participant": 2, "": 3}
    for row in progress(sorted(rows, key=lambda r: order[r.kind])):
        if row.result == ERROR:
            continue
        _check_common(row, seen)
        if row.result == ERROR:
            continue
        if row.kind == "unit":
            _plan_unit(row, known, file_unit_names)
            if row.result != ERROR:
                file_units[row.case_id] = row
                file_unit_names[row.name.lower()] = row
        elif row.kind == "staff":
            _plan_staff(row, known, file_units)
            if row.result != ERROR and row.changes.get("role") == Role.case_officer:
                file_officers[row.case_id] = row
        else:
            _plan_participant(row, known, file_units, file_officers)
    return Plan(rows)


def _check_common(row: Row, seen: dict) -> None:
    if not row.kind:
        row.refuse(
            _(
                "Okänd typ %(kind)s. Skriv enhet, personal eller deltagare.",
                kind=repr(row.values.get("typ", "")),
            )
        )
    elif not row.case_id:
        row.refuse(_("Id från verksamhetssystemet saknas."))
    elif len(row.case_id) > LIMITS["id"]:
        row.refuse(_("Id är för långt. Högst 40 tecken."))
    elif not row.name:
        row.refuse(_("Namn saknas."))
    elif len(row.name) > LIMITS[row.kind]:
        row.refuse(_("Namnet är för långt. Högst %(count)s tecken.", count=LIMITS[row.kind]))
    elif (row.kind, row.case_id) in seen:
        row.refuse(
            _("Dubblett: samma id finns redan på rad %(line)s.", line=seen[row.kind, row.case_id])
        )
    else:
        seen[row.kind, row.case_id] = row.line


def _settle(row: Row, existing, wanted: dict) -> None:
    """New, changed or unchanged, from what is saved now and what the row says."""
    row.existing = existing
    row.changes = wanted
    if existing is None:
        row.result = NEW
    elif all(getattr(existing, key, None) == value for key, value in wanted.items()):
        row.result = UNCHANGED
    else:
        row.result = CHANGED


def _plan_unit(row: Row, known: _Directory, file_unit_names: dict) -> None:
    existing = known.units.get(row.case_id)
    other = known.unit_names.get(row.name.lower())
    if (other is not None and other is not existing) or row.name.lower() in file_unit_names:
        row.refuse(_("Dubblett: det finns redan en annan enhet som heter %(name)s.", name=row.name))
        return
    _settle(row, existing, {"name": row.name})


def _find_unit(reference: str, known: _Directory, file_units: dict):
    """A unit named by the case system's id (in the file or saved), or by its name."""
    if reference in file_units:
        return file_units[reference]
    return known.units.get(reference) or known.unit_names.get(reference.lower())


def _plan_staff(row: Row, known: _Directory, file_units: dict) -> None:
    role = ROLES.get(row.values.get("roll", "").lower())
    if role is None:
        row.refuse(
            _("Okänd roll. Skriv handledare, handläggare, administratör, chef eller granskare.")
        )
        return
    existing = known.staff.get(row.case_id)
    username = row.values.get("användarnamn", "").lower()
    if existing is None:
        if not USERNAME.match(username):
            row.refuse(
                _("Användarnamnet saknas eller har andra tecken än små bokstäver och siffror.")
            )
            return
        if username in known.usernames:
            row.refuse(_("Dubblett: användarnamnet %(name)s finns redan.", name=username))
            return
    unit = None
    if role == Role.supervisor:
        unit = _find_unit(row.values.get("enhet", ""), known, file_units)
        if unit is None:
            row.refuse(_("Okänd enhet. En handledare behöver en enhet som finns."))
            return
    wanted = {"display_name": row.name, "role": role}
    if existing is None:
        wanted["username"] = username
    _settle(row, existing, wanted)
    row.changes["unit"] = unit
    if row.result == UNCHANGED and unit is not None:
        unit_now = _saved_now(unit)
        if unit_now is None or unit_now.id not in known.staff_units.get(existing.id, set()):
            row.result = CHANGED


def _plan_participant(row: Row, known: _Directory, file_units: dict, file_officers: dict):
    values = row.values
    unit = _find_unit(values.get("enhet", ""), known, file_units)
    if unit is None:
        row.refuse(_("Okänd enhet. Skriv enhetens id eller namn som det står i Mina steg."))
        return
    officer = None
    if values.get("handläggare"):
        reference = values["handläggare"]
        officer = file_officers.get(reference) or known.staff.get(reference)
        if officer is None:
            officer = known.usernames.get(reference.lower())
        if isinstance(officer, StaffUser) and officer.role != Role.case_officer:
            officer = None
        if officer is None:
            row.refuse(_("Okänd handläggare. Skriv handläggarens id från verksamhetssystemet."))
            return
    language = values.get("språk", "").lower() or "sv"
    if language not in LANGUAGES:
        row.refuse(_("Okänt språk. Skriv sv, en eller ar."))
        return
    gender = values.get("kön", "").lower()
    if gender and gender not in GENDERS:
        row.refuse(_("Okänt kön. Skriv kvinna, man, annat eller lämna tomt."))
        return
    started_on = None
    if values.get("startdatum"):
        try:
            started_on = date.fromisoformat(values["startdatum"])
        except ValueError:
            row.refuse(
                _(
                    "Datumet %(value)s går inte att läsa. Skriv det som 2025-08-31.",
                    value=values["startdatum"],
                )
            )
            return
    wanted = {
        "first_name": row.name,
        "language": language,
        "gender": GENDERS.get(gender),
        "started_on": started_on,
    }
    existing = known.participants.get(row.case_id)
    _settle(row, existing, wanted)
    row.changes["unit"], row.changes["officer"] = unit, officer
    unit_now, officer_now = _saved_now(unit), _saved_now(officer)
    if row.result == UNCHANGED and (
        unit_now is None
        or existing.unit_id != unit_now.id
        or (
            officer is not None
            and (officer_now is None or existing.case_officer_id != officer_now.id)
        )
    ):
        row.result = CHANGED


def _saved_now(reference):
    """A unit or staff member as saved before this import (None when the file adds it)."""
    return reference.existing if isinstance(reference, Row) else reference


def save(plan: Plan, by: StaffUser | None) -> "Saved":
    """Save every new and changed row in one transaction; returns how many of each. Error rows
    are left out, and so is anything that would depend on them. New participants go in by
    bulk (thousands at a time); everything else through the usual models."""
    db = get_session()
    by_id = by.id if by else None
    made: dict[int, object] = {}  # id(row) -> the table row saved for it

    def saved(reference):
        """A unit or case officer: saved already, or made from a row of this file."""
        if isinstance(reference, Row):
            return made.get(id(reference)) or reference.existing
        return reference

    rows = [row for row in plan.rows if row.result in (NEW, CHANGED)]
    for row in (r for r in rows if r.kind == "unit"):
        unit = row.existing or Unit(case_id=row.case_id, created_by_id=by_id)
        unit.name = row.name
        db.add(unit)
        made[id(row)] = unit
    db.flush()
    staff_rows = [r for r in rows if r.kind == "staff"]
    for row in staff_rows:
        made[id(row)] = _save_staff(row)
    db.flush()
    _link_and_log_staff(staff_rows, made, saved, by_id)
    people = [r for r in rows if r.kind == "participant"]
    for row in people:
        row.changes["unit_id"] = saved(row.changes["unit"]).id
        officer = saved(row.changes["officer"])
        row.changes["case_officer_id"] = officer.id if officer is not None else None
    created = _insert_participants([r for r in people if r.result == NEW], by_id)
    changed = [_update_participant(r) for r in people if r.result == CHANGED]
    audit.record_many("participant.create", created, detail="import")
    audit.record_many("participant.edit", changed, detail="import")
    save_changes()
    return Saved(
        plan.count(NEW),
        plan.count(CHANGED),
        sorted({r.changes["unit_id"] for r in people if r.result == NEW}),
    )


@dataclass(frozen=True)
class Saved:
    new: int
    changed: int
    # Where cards are to be printed now: the units of the participants just added.
    card_unit_ids: list[int]


def _save_staff(row: Row) -> StaffUser:
    staff = row.existing
    if staff is None:
        staff = StaffUser(case_id=row.case_id, username=row.changes["username"])
    elif staff.role != row.changes["role"]:
        audit.record("staff.role_change", account_id=staff.id, detail="import")
    staff.display_name = row.name
    staff.role = row.changes["role"]
    get_session().add(staff)
    return staff


def _link_and_log_staff(staff_rows: list[Row], made: dict, saved, by_id: int | None) -> None:
    """Supervisors to their units (added, never taken away), and one log row per account."""
    db = get_session()
    linked = set(db.exec(select(StaffUnit.staff_id, StaffUnit.unit_id)).all())
    for row in staff_rows:
        staff = made[id(row)]
        if row.existing is None:
            staff.created_by_id = by_id
        unit = saved(row.changes["unit"])
        if unit is not None and (staff.id, unit.id) not in linked:
            db.add(StaffUnit(staff_id=staff.id, unit_id=unit.id, created_by_id=by_id))
            linked.add((staff.id, unit.id))
        action = "staff.create" if row.existing is None else "staff.edit"
        audit.record(action, account_id=staff.id, detail="import")


PARTICIPANT_FIELDS = ("first_name", "language", "gender", "started_on", "unit_id")


def _insert_participants(rows: list[Row], by_id: int | None) -> list[int]:
    """The new participants in one statement; returns their ids."""
    if not rows:
        return []
    now = utcnow()
    values = [
        {
            "case_id": row.case_id,
            "case_officer_id": row.changes["case_officer_id"],
            "created_by_id": by_id,
            "created_at": now,
            **{key: row.changes[key] for key in PARTICIPANT_FIELDS},
        }
        for row in rows
    ]
    statement = insert(Participant).returning(Participant.id, sort_by_parameter_order=True)
    return list(get_session().scalars(statement, values).all())


def _update_participant(row: Row) -> int:
    person = row.existing
    if person.unit_id != row.changes["unit_id"]:
        audit.record("participant.move_unit", person.id, detail="import")
    for key in PARTICIPANT_FIELDS:
        setattr(person, key, row.changes[key])
    if row.changes["case_officer_id"] is not None:
        person.case_officer_id = row.changes["case_officer_id"]
    get_session().add(person)
    return person.id
