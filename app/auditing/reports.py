"""The two access reports, read from the audit log, and their CSV form."""

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import aliased
from sqlmodel import select

from ..db import get_session
from ..i18n import lazy_gettext as _l
from ..i18n import local_zone
from ..models import AuditEvent, Participant, StaffUser
from ..spreadsheet import cell as _cell

# What each logged action means, in words an auditor reads. Unknown actions show their code.
ACTIONS = {
    "participant.view": _l("Öppnade deltagarens sida"),
    "brief.view": _l("Läste underlaget inför mötet"),
    "brief.pdf": _l("Hämtade underlaget som PDF"),
    "checkins.shared_view": _l("Såg svar inför mötet (med samtycke)"),
    "wishes.shared_view": _l("Såg önskemål (med samtycke)"),
    "goal_comments.shared_view": _l("Såg hur stegen gick (med samtycke)"),
    "goal.view": _l("Öppnade mål och steg"),
    "plan.pdf": _l("Hämtade planen som PDF"),
    "goal.create": _l("Skrev ett nytt mål"),
    "goal.revise": _l("Ändrade ett mål"),
    "goal.end": _l("Avslutade ett mål"),
    "goal.step_add": _l("Lade till ett steg"),
    "goal.step_confirm": _l("Bekräftade ett steg"),
    "goal.step_reopen": _l("Öppnade ett steg igen"),
    "meeting.schedule": _l("Bokade ett möte"),
    "meeting.held": _l("Markerade ett möte som hållet"),
    "card.issue": _l("Skapade ett inloggningskort"),
    "card.print": _l("Skrev ut ett inloggningskort"),
    "card.revoke": _l("Spärrade ett inloggningskort"),
    "session.hand_over": _l("Lämnade över sin enhet till deltagaren"),
    "handover.read": _l("Öppnade en sida med frågorna, på sin enhet åt deltagaren"),
    "handover.write": _l("Sparade ett svar, på sin enhet åt deltagaren"),
    "session.hand_back": _l("Fick tillbaka sin enhet (hjälpen slutade)"),
    "caseload.view": _l("Såg deltagaren i Mina deltagare (med flaggor)"),
    "list.view": _l("Såg deltagaren i en lista"),
    "mydata.view": _l("Läste allt appen sparar om deltagaren"),
    "mydata.export": _l("Hämtade allt om deltagaren som fil"),
    "mydata.break_glass": _l("Lämnade ut allt om deltagaren (begäran, med skäl)"),
    "interest.follow_up": _l("Följde upp ”Jag vill veta mer”"),
    "participant.move_unit": _l("Flyttade deltagaren till en annan enhet"),
    "participant.move_case_officer": _l("Bytte deltagarens handläggare"),
    "participant.create": _l("Lade till deltagaren"),
    "participant.edit": _l("Ändrade deltagarens uppgifter"),
    "participant.end": _l("Avslutade deltagarens insats"),
    "staff.login_failed": _l("Misslyckad inloggning"),
    "staff.login": _l("Loggade in"),
    "staff.logout": _l("Loggade ut"),
    "staff.create": _l("Skapade ett personalkonto"),
    "staff.edit": _l("Ändrade ett personalkonto"),
    "staff.role_change": _l("Gav ett personalkonto en ny roll"),
    "staff.deactivate": _l("Stängde av ett personalkonto"),
    "staff.password_change": _l("Bytte lösenord"),
    "staff.password_reset": _l("Gav en engångskod för nytt lösenord"),
    "staff.second_factor_setup": _l("Ställde in tvåstegsverifiering"),
    "staff.second_factor_failed": _l("Fel kod i tvåstegsverifiering"),
    "staff.second_factor_reset": _l("Nollställde tvåstegsverifiering"),
    "staff.passkey_added": _l("Lade till en inloggningsnyckel"),
    "staff.passkey_removed": _l("Tog bort en inloggningsnyckel"),
    "access.refused": _l("Nekad eller okänd sida"),
    "audit.participant_report": _l("Läste åtkomstrapporten för deltagaren"),
    "audit.staff_report": _l("Läste åtkomstrapporten för en anställd"),
    "audit.log_review": _l("Kontrollerade loggen"),
}


@dataclass(frozen=True)
class Row:
    at: datetime
    staff: StaffUser | None
    participant: Participant | None
    action: str
    outcome: str | None
    detail: str | None
    source: str | None = None
    repeats: int = 1

    @property
    def what(self) -> str:
        return str(ACTIONS.get(self.action, self.action))


def _rows(condition, start: date | None, end: date | None) -> list[Row]:
    """Log rows matching `condition` within whole days from `start` to `end` (Swedish time)."""
    actor, person = aliased(StaffUser), aliased(Participant)
    query = (
        select(AuditEvent, actor, person)
        .join(actor, actor.id == AuditEvent.actor_id, isouter=True)
        .join(person, person.id == AuditEvent.participant_id, isouter=True)
        .where(condition)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    )
    if start is not None:
        query = query.where(AuditEvent.at >= datetime.combine(start, time.min, tzinfo=local_zone()))
    if end is not None:
        after = datetime.combine(end + timedelta(days=1), time.min, tzinfo=local_zone())
        query = query.where(AuditEvent.at < after)
    return [
        Row(
            event.at,
            staff,
            participant,
            event.action,
            event.outcome,
            event.detail,
            event.source,
            event.repeats,
        )
        for event, staff, participant in get_session().exec(query).all()
    ]


def for_participant(participant_id: int, start=None, end=None) -> list[Row]:
    """Everyone who opened or changed this participant's data, or was refused it."""
    return _rows(AuditEvent.participant_id == participant_id, start, end)


def for_staff(staff_id: int, start=None, end=None) -> list[Row]:
    """Everything this staff member did with participants' data, and failed logins to the
    account."""
    return _rows(AuditEvent.actor_id == staff_id, start, end)


def participants() -> list[Participant]:
    return list(
        get_session().exec(select(Participant).order_by(Participant.first_name, Participant.id))
    )


def staff_members() -> list[StaffUser]:
    return list(
        get_session().exec(select(StaffUser).order_by(StaffUser.display_name, StaffUser.id))
    )


def to_csv(rows: list[Row]) -> str:
    """The rows as CSV for a spreadsheet: times in Swedish time, one row per log entry."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["tid", "personal_id", "personal", "roll", "deltagare_id", "deltagare", "handling",
         "kod", "utfall", "detalj", "adress", "antal"]
    )  # fmt: skip
    zone = local_zone()
    for row in rows:
        writer.writerow(
            [
                _cell(row.at.astimezone(zone).isoformat(timespec="seconds")),
                _cell(row.staff.id if row.staff else ""),
                _cell(row.staff.display_name if row.staff else ""),
                _cell(role_name(row.staff.role) if row.staff else ""),
                _cell(row.participant.id if row.participant else ""),
                _cell(row.participant.first_name if row.participant else ""),
                _cell(row.what),
                _cell(row.action),
                _cell(row.outcome),
                _cell(row.detail),
                _cell(row.source),
                _cell(row.repeats),
            ]
        )
    return out.getvalue()


def filename(kind: str, record_id: int, start: date | None, end: date | None) -> str:
    """A safe file name: letters, digits and dashes only, nothing personal but the id."""
    parts = ["atkomst", kind, str(int(record_id))]
    if start:
        parts.append(f"fran-{start.isoformat()}")
    if end:
        parts.append(f"till-{end.isoformat()}")
    return "-".join(parts) + ".csv"


ROLES = {
    "supervisor": _l("Handledare"),
    "case_officer": _l("Handläggare"),
    "admin": _l("Administratör"),
    "manager": _l("Chef"),
    "auditor": _l("Granskare"),
}


def role_name(role: str) -> str:
    return str(ROLES.get(role, role))
