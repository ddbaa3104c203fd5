"""The tables of the foundation: sites, staff, participants, cards, logins and the audit log.

Times are timezone-aware UTC; templates show them in Swedish time through Flask-Babel.
"""

from datetime import UTC, date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    supervisor = "supervisor"
    case_officer = "case_officer"
    admin = "admin"
    # Sees anonymous totals only, never a person.
    manager = "manager"
    # Reads the access logs: who opened whose data.
    auditor = "auditor"
    # Gives the support that goes on after the step to work or studies: a job coach, the
    # municipality's continuing support, an IWork or Supported Employment coach.
    support_person = "support_person"


class Gender(StrEnum):
    """As the participant states it; most public reports split by it."""

    woman = "woman"
    man = "man"
    other = "other"


class EndReason(StrEnum):
    """Why a person left daily activity."""

    work = "work"
    studies = "studies"
    internship = "internship"
    # A labour-market measure (the employment service, the labour market administration).
    measure = "measure"
    moved = "moved"
    other = "other"


class Unit(SQLModel, table=True):
    """A daily activity site: a café, a garden group, a workshop."""

    __tablename__ = "unit"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    # The case system's own id for the unit: an import matches rows on it, never on names.
    case_id: str | None = Field(default=None, max_length=40, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class StaffUser(SQLModel, table=True):
    """A supervisor, case officer or administrator. They log in through the municipality's
    identity provider, or with a password and a second factor."""

    __tablename__ = "staff_user"
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=60, unique=True)
    display_name: str = Field(max_length=120)
    role: str = Field(max_length=20)
    # The case system's own id for the person (see Unit.case_id).
    case_id: str | None = Field(default=None, max_length=40, unique=True)
    # None: no password (single sign-on only, or a one-time code not yet used).
    password_hash: str | None = Field(default=None, max_length=255)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    # Someone else chose the password: the person chooses their own at the next login.
    must_change_password: bool = False
    password_changed_at: datetime | None = None
    # An administrator's one-time code (only its hash) for choosing a new password.
    reset_code_hash: str | None = Field(default=None, max_length=64)
    reset_code_expires_at: datetime | None = None
    # The identity provider's value for this person (the claim in OIDC_MATCH_CLAIM).
    sso_subject: str | None = Field(default=None, max_length=255, unique=True)
    # The second factor: a TOTP secret, sealed (see identity/second_factor.py), in use once
    # confirmed with a code from the app.
    totp_secret: str | None = Field(default=None, max_length=200)
    totp_confirmed_at: datetime | None = None
    # The time step of the last code used: a code works once.
    totp_last_step: int | None = None


class RecoveryCode(SQLModel, table=True):
    """One of the ten single-use codes for when the phone with the code app is lost. Only a
    hash is kept; the codes are shown once."""

    __tablename__ = "recovery_code"
    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    code_hash: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None


class Passkey(SQLModel, table=True):
    """A passkey (WebAuthn) that a staff member added: a key kept on their phone or computer and
    opened with its own lock (a fingerprint, a face or a PIN), which logs them in instead of the
    password and the app's code (identity/passkeys.py). Only the public key is kept; the private
    key never leaves the device."""

    __tablename__ = "passkey"
    id: int | None = Field(default=None, primary_key=True)
    staff_id: int = Field(foreign_key="staff_user.id", index=True)
    # The device's name for the key, base64url (at most 1,023 bytes before encoding).
    credential_id: str = Field(max_length=1400, unique=True)
    public_key: bytes
    # How many times the device says it has signed: a copied key shows up as a count going back.
    sign_count: int = 0
    # The person's own name for it ("Jobbtelefonen"), to tell several apart.
    name: str = Field(max_length=60)
    created_at: datetime = Field(default_factory=utcnow)
    last_used_at: datetime | None = None


class StaffUnit(SQLModel, table=True):
    """A supervisor works at a unit."""

    __tablename__ = "staff_unit"
    staff_id: int = Field(foreign_key="staff_user.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class Participant(SQLModel, table=True):
    """A person with daily activity. Only the first name is kept: staff know who they are."""

    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    first_name: str = Field(max_length=60)
    language: str = Field(default="sv", max_length=10)
    pictogram: str | None = Field(default=None, max_length=40)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    case_officer_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    # A Gender value, or None when not stated.
    gender: str | None = Field(default=None, max_length=10)
    # The case system's own id for the person (see Unit.case_id); never a personal identity
    # number, which the app does not need.
    case_id: str | None = Field(default=None, max_length=40, unique=True)
    # The day the person started in daily activity, as the case system has it.
    started_on: date | None = None
    # Display choices, saved with the person and applied on every page.
    large_text: bool = False
    high_contrast: bool = False
    reduce_motion: bool = False
    # Left daily activity: when, why (an EndReason) and who recorded it. The record stays.
    ended_at: datetime | None = Field(default=None, index=True)
    end_reason: str | None = Field(default=None, max_length=20)
    ended_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    # Final deletion ran: all that is left is this anonymous row, for the audit log and totals.
    anonymised_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    created_by_id: int | None = Field(default=None, foreign_key="staff_user.id")


class LoginCard(SQLModel, table=True):
    """A printed QR card. Only a hash of its secret is stored."""

    __tablename__ = "login_card"
    id: int | None = Field(default=None, primary_key=True)
    participant_id: int = Field(foreign_key="participant.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    issued_at: datetime = Field(default_factory=utcnow)
    issued_by_id: int | None = Field(default=None, foreign_key="staff_user.id")
    expires_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_by_id: int | None = Field(default=None, foreign_key="staff_user.id")

    def status(self, now: datetime) -> str:
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        return "active"


class LoginSession(SQLModel, table=True):
    """A logged-in browser, for a staff member or a participant. The cookie holds its secret."""

    __tablename__ = "login_session"
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    staff_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True)
    card_id: int | None = Field(default=None, foreign_key="login_card.id")
    # The supervisor who handed their device over to the participant, if any.
    helper_id: int | None = Field(default=None, foreign_key="staff_user.id")
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None


class AuditEvent(SQLModel, table=True):
    """Who did what to whose data, and when. Never the data itself."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)
    participant_id: int | None = Field(default=None, foreign_key="participant.id", index=True)
    action: str = Field(max_length=60)
    # "failed" (a login) or "refused" (a page not allowed or not found); None when it went well.
    # A failed login names as actor the account that was tried, when it exists.
    outcome: str | None = Field(default=None, max_length=20)
    # Where it happened (a page's name and status), never what anyone typed or a card's secret.
    detail: str | None = Field(default=None, max_length=120)
    # The address the request came from (after the proxies named in PROXY_COUNT), for a
    # security review; None for work done outside a request (a command, a scheduled job).
    source: str | None = Field(default=None, max_length=45)
    # How many times the same refused page was asked for by the same person and address within
    # a few minutes (see audit.refused): one row counts them, so a flood cannot fill the log.
    repeats: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # The staff account the event is about when it is not the actor's own: an account created,
    # given a new role or a one-time code.
    account_id: int | None = Field(default=None, foreign_key="staff_user.id", index=True)


class LogReview(SQLModel, table=True):
    """An auditor's regular check of the audit log (auditing/review.py): the period it covered,
    who checked it and when, and what they noted. About staff and the log, never a participant."""

    __tablename__ = "log_review"
    id: int | None = Field(default=None, primary_key=True)
    reviewer_id: int = Field(foreign_key="staff_user.id")
    # The log from `period_start` up to `period_end` (the moment the check was saved).
    period_start: datetime
    period_end: datetime = Field(default_factory=utcnow, index=True)
    note: str = Field(default="", max_length=1000)
