"""The regular check of the access log: what stands out since the last check, and the checks
done. A log that nobody reads protects nobody, so an auditor looks here at least every
LOG_REVIEW_DAYS days and notes what they saw; the access reports show the detail behind each
count. Only staff and counts are shown here, never a participant."""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func
from sqlmodel import select

from .. import audit
from ..db import get_session, save_changes
from ..i18n import lazy_gettext as _l
from ..i18n import local_zone
from ..models import AuditEvent, LogReview, StaffUser, utcnow

# What each part of the check looks for, in the words the page shows.
FINDINGS = {
    "refused": (
        _l("Nekade sidor"),
        _l("Sidor som den anställda inte får se, eller som inte finns."),
    ),
    "failed_logins": (
        _l("Misslyckade inloggningar"),
        _l("Fel lösenord eller fel kod, per konto."),
    ),
    "off_hours": (
        _l("Utanför arbetstid"),
        _l("Deltagares uppgifter öppnade före 07, efter 19 eller en lördag eller söndag."),
    ),
    "most_opened": (
        _l("Flest deltagare"),
        _l("De som öppnade flest olika deltagare. Stämmer det med deras arbete?"),
    ),
    "disclosed": (
        _l("Hämtat eller lämnat ut"),
        _l("Allt om en deltagare som fil, ett utlämnande, underlaget eller planen som PDF."),
    ),
    "accounts": (
        _l("Konton och roller"),
        _l("Nya konton, nya roller, engångskoder och nollställd tvåstegsverifiering."),
    ),
}
FAILED_LOGINS = ("staff.login_failed", "staff.second_factor_failed")
DISCLOSED = ("mydata.export", "mydata.break_glass", "brief.pdf", "plan.pdf")
# Who made accounts, gave roles or ways in: where a way around the access rules would begin.
ACCOUNT_CHANGES = (
    "staff.create",
    "staff.role_change",
    "staff.password_reset",
    "staff.second_factor_reset",
)
# Pages that list many participants at once: not "opening" each of them.
LISTS = ("list.view", "caseload.view")
# A staff member opened or changed a participant's data (a list of many is not counted).
OPENED = (
    AuditEvent.participant_id.is_not(None),
    AuditEvent.actor_id.is_not(None),
    AuditEvent.action.not_in(LISTS),
)
WORKING_HOURS = range(7, 19)
MOST_OPENED_SHOWN = 5
SHOWN = 10


@dataclass(frozen=True)
class Count:
    """How many times something was seen of one staff member (None: no known account)."""

    staff: StaffUser | None
    number: int


@dataclass(frozen=True)
class Finding:
    key: str
    counts: list[Count]

    @property
    def title(self) -> str:
        return str(FINDINGS[self.key][0])

    @property
    def explanation(self) -> str:
        return str(FINDINGS[self.key][1])


@dataclass(frozen=True)
class Done:
    """A check that was made, and by whom."""

    review: LogReview
    reviewer: StaffUser


def every_days() -> int:
    return int(current_app.config["LOG_REVIEW_DAYS"])


def last() -> Done | None:
    done = earlier(limit=1)
    return done[0] if done else None


def earlier(limit: int = 12) -> list[Done]:
    """The latest checks, the newest first."""
    query = (
        select(LogReview, StaffUser)
        .join(StaffUser, StaffUser.id == LogReview.reviewer_id)
        .order_by(LogReview.period_end.desc(), LogReview.id.desc())
        .limit(limit)
    )
    return [Done(review, reviewer) for review, reviewer in get_session().exec(query)]


def period_start(now: datetime) -> datetime:
    """Where the next check starts: where the last one ended, or LOG_REVIEW_DAYS back."""
    done = last()
    return done.review.period_end if done else now - timedelta(days=every_days())


def late(done: Done | None, now: datetime) -> bool:
    """No check yet, or the last one ended longer ago than LOG_REVIEW_DAYS."""
    return done is None or now - done.review.period_end > timedelta(days=every_days())


def findings(start: datetime, end: datetime) -> list[Finding]:
    """What stands out in the log from `start` up to `end`, in the order of FINDINGS."""
    period = (AuditEvent.at >= start, AuditEvent.at < end)
    found = {
        "refused": _summed(
            AuditEvent.action == "access.refused", AuditEvent.actor_id.is_not(None), *period
        ),
        "failed_logins": _summed(AuditEvent.action.in_(FAILED_LOGINS), *period),
        "off_hours": _off_hours(period),
        "most_opened": _most_opened(period),
        "disclosed": _summed(AuditEvent.action.in_(DISCLOSED), *period),
        "accounts": _summed(
            AuditEvent.action.in_(ACCOUNT_CHANGES), AuditEvent.actor_id.is_not(None), *period
        ),
    }
    return [Finding(key, found[key]) for key in FINDINGS]


def save(reviewer: StaffUser, note: str) -> LogReview:
    """Note that the log was checked from where the last check ended up to now."""
    end = utcnow()
    review = LogReview(
        reviewer_id=reviewer.id, period_start=period_start(end), period_end=end, note=note
    )
    get_session().add(review)
    save_changes()
    zone = local_zone()
    audit.record(
        "audit.log_review",
        detail=f"{review.period_start.astimezone(zone):%Y-%m-%d}–{end.astimezone(zone):%Y-%m-%d}",
    )
    return review


def _summed(*conditions) -> list[Count]:
    """Events per staff member, a refused page asked for again counted each time."""
    query = (
        select(AuditEvent.actor_id, func.sum(AuditEvent.repeats))
        .where(*conditions)
        .group_by(AuditEvent.actor_id)
    )
    return _counts(get_session().exec(query).all())


def _off_hours(period) -> list[Count]:
    """Participants' data opened outside working hours, in Swedish time (lists not counted)."""
    zone = local_zone()
    query = select(AuditEvent.actor_id, AuditEvent.at).where(*OPENED, *period)
    counted = Counter()
    for actor_id, at in get_session().exec(query):
        local = at.astimezone(zone)
        if local.weekday() >= 5 or local.hour not in WORKING_HOURS:
            counted[actor_id] += 1
    return _counts(counted.items())


def _most_opened(period) -> list[Count]:
    query = (
        select(AuditEvent.actor_id, func.count(AuditEvent.participant_id.distinct()))
        .where(*OPENED, *period)
        .group_by(AuditEvent.actor_id)
    )
    return _counts(get_session().exec(query).all())[:MOST_OPENED_SHOWN]


def _counts(pairs) -> list[Count]:
    """(staff id, number) pairs as counts, the largest first (then by name), at most SHOWN."""
    staff = {
        s.id: s
        for s in get_session().exec(
            select(StaffUser).where(StaffUser.id.in_([i for i, _n in pairs if i is not None]))
        )
    }
    counts = [Count(staff.get(i) if i is not None else None, int(n)) for i, n in pairs if n]
    counts.sort(key=lambda c: (-c.number, c.staff.display_name if c.staff else ""))
    return counts[:SHOWN]
