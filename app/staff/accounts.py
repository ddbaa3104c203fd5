"""Staff accounts: passwords hashed with scrypt, checked without telling which part was wrong."""

from flask import current_app
from sqlmodel import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .. import audit
from ..db import get_session
from ..models import Role, StaffUnit, StaffUser

# Checked when the username is unknown, so both failures take the same time.
_DUMMY_HASH = generate_password_hash("not a real password", method="scrypt")
MIN_PASSWORD_LENGTH = 12


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_by_username(username: str) -> StaffUser | None:
    return (
        get_session()
        .exec(select(StaffUser).where(func.lower(StaffUser.username) == username.strip().lower()))
        .first()
    )


def password_matches(staff: StaffUser | None, password: str) -> bool:
    """The account's password, checked in the same time whether there is one or not."""
    if staff is None or staff.password_hash is None:
        check_password_hash(_DUMMY_HASH, password)
        return False
    return check_password_hash(staff.password_hash, password)


def authenticate(username: str, password: str) -> StaffUser | None:
    staff = find_by_username(username)
    if not password_matches(staff, password) or not staff.active:
        return None
    return staff


def create(
    username: str,
    display_name: str,
    role: Role,
    password: str | None = None,
    unit_ids: list[int] = (),
    created_by: StaffUser | None = None,
    sso_subject: str | None = None,
) -> StaffUser:
    """Add a staff account; a supervisor works at the given units. Without a password, the
    person logs in through single sign-on or with a one-time code from an administrator."""
    db = get_session()
    staff = StaffUser(
        username=username.strip(),
        display_name=display_name.strip(),
        role=role,
        password_hash=hash_password(password) if password else None,
        created_by_id=created_by.id if created_by else None,
        sso_subject=sso_subject or None,
    )
    db.add(staff)
    db.flush()
    for unit_id in unit_ids:
        db.add(
            StaffUnit(
                staff_id=staff.id,
                unit_id=unit_id,
                created_by_id=created_by.id if created_by else None,
            )
        )
    audit.record(
        "staff.create",
        actor_id=created_by.id if created_by else None,
        account_id=staff.id,
        detail=f"role {role}",
    )
    return staff
