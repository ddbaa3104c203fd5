"""Staff accounts: passwords hashed with scrypt, checked without telling which part was wrong."""

from flask import current_app
from sqlmodel import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from .. import logins
from ..db import get_session
from ..models import Role, StaffUnit, StaffUser

# Checked when the username is unknown, so both failures take the same time.
_DUMMY_HASH = generate_password_hash("not a real password", method="scrypt")
MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def find_by_username(username: str) -> StaffUser | None:
    return (
        get_session()
        .exec(select(StaffUser).where(func.lower(StaffUser.username) == username.strip().lower()))
        .first()
    )


def authenticate(username: str, password: str) -> StaffUser | None:
    staff = find_by_username(username)
    if staff is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(staff.password_hash, password) or not staff.active:
        return None
    return staff


def log_in(staff: StaffUser) -> None:
    logins.start(staff=staff)


def create(
    username: str,
    display_name: str,
    role: Role,
    password: str,
    unit_ids: list[int] = (),
    created_by: StaffUser | None = None,
) -> StaffUser:
    """Add a staff account; a supervisor works at the given units."""
    db = get_session()
    staff = StaffUser(
        username=username.strip(),
        display_name=display_name.strip(),
        role=role,
        password_hash=hash_password(password),
        created_by_id=created_by.id if created_by else None,
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
    db.commit()
    return staff
