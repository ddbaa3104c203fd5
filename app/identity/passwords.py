"""Passwords a person chooses themselves: long enough, not guessable, and changed by them.

The strength check is zxcvbn's estimate of how many guesses a password takes; its reason for a
weak one is told in our own words (zxcvbn's are English only).
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app, g
from sqlmodel import select

from .. import audit
from ..db import get_session
from ..i18n import lazy_gettext as _l
from ..models import LoginSession, StaffUser, utcnow
from ..staff.accounts import hash_password

MIN_LENGTH = 12
MAX_LENGTH = 200
# zxcvbn's score 3: about 10^8 guesses or more, safe behind a rate limit and a slow hash.
GOOD_SCORE = 3
# zxcvbn looks at this many characters; a longer password is no weaker for it.
_ZXCVBN_LENGTH = 72

_REASONS = {
    "passwords": _l("Det liknar ett lösenord som många använder."),
    "user_inputs": _l("Det innehåller ditt namn, ditt användarnamn eller namnet Mina steg."),
    "names": _l("Namn är lätta att gissa."),
    "words": _l("Vanliga ord och uttryck är lätta att gissa."),
    "spatial": _l("Tangenter som sitter bredvid varandra är lätta att gissa."),
    "repeat": _l("Upprepningar som ”aaa” eller ”abcabc” är lätta att gissa."),
    "sequence": _l("Följder som ”abc” eller ”1234” är lätta att gissa."),
    "date": _l("Årtal och datum är lätta att gissa."),
}
_ADVICE = _l("Välj några ord som inte hör ihop, eller en liten mening som bara du förstår.")
# Letters that cannot be mixed up when read aloud or typed: no 0/O, 1/I/L.
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def weakness(password: str, staff: StaffUser | None = None) -> str | None:
    """Why this password will not do, kindly put; None when it is good."""
    if len(password) < MIN_LENGTH:
        return str(_l("Lösenordet behöver minst 12 tecken. Längre är bättre."))
    own_words = ["mina steg", "minasteg", "mina-steg", "lösenord"]
    if staff is not None:
        own_words += [staff.username, *staff.display_name.split()]
        # zxcvbn lets a username pass behind enough other letters: we do not.
        if staff.username.lower() in password.lower():
            return f"{_REASONS['user_inputs']} {_ADVICE}"
    from zxcvbn import zxcvbn  # its word lists load when first needed, not as a worker starts

    result = zxcvbn(password[:_ZXCVBN_LENGTH], user_inputs=own_words)
    if result["score"] >= GOOD_SCORE:
        return None
    return f"{_reason(result['sequence'])} {_ADVICE}"


def _reason(matches: list[dict]) -> str:
    """zxcvbn's own choice of what to explain: the longest guessable part."""
    longest = max(matches, key=lambda match: len(match["token"]), default=None)
    pattern = longest["pattern"] if longest else ""
    if pattern == "dictionary":
        name = longest["dictionary_name"]
        if name in ("passwords", "user_inputs"):
            pattern = name
        elif name in ("female_names", "male_names", "surnames"):
            pattern = "names"
        else:
            pattern = "words"
    if pattern == "regex":
        pattern = "date"
    return str(_REASONS.get(pattern, _l("Lösenordet är för lätt att gissa.")))


def choose(staff: StaffUser, password: str, how: str) -> None:
    """Save the person's own new password and end their other logins."""
    staff.password_hash = hash_password(password)
    staff.must_change_password = False
    staff.password_changed_at = utcnow()
    staff.reset_code_hash = staff.reset_code_expires_at = None
    db = get_session()
    db.add(staff)
    end_other_logins(staff)
    audit.record("staff.password_change", actor_id=staff.id, detail=how)


def end_other_logins(staff: StaffUser) -> int:
    """End every open login of the account but this browser's own."""
    db = get_session()
    current = g.get("login")
    open_logins = db.exec(
        select(LoginSession).where(
            LoginSession.staff_id == staff.id, LoginSession.ended_at.is_(None)
        )
    ).all()
    ended = 0
    for login in open_logins:
        if current is not None and login.id == current.id:
            continue
        login.ended_at = utcnow()
        db.add(login)
        ended += 1
    return ended


def issue_reset_code(staff: StaffUser, by: StaffUser) -> str:
    """An administrator's one-time code, instead of a password: the person uses it within a
    day to choose their own. The old password stops working and open logins end."""
    code = "-".join("".join(secrets.choice(_CODE_ALPHABET) for _ in range(4)) for _ in range(3))
    hours = current_app.config["RESET_CODE_HOURS"]
    staff.reset_code_hash = code_hash(code)
    staff.reset_code_expires_at = utcnow() + timedelta(hours=hours)
    staff.password_hash = None
    staff.must_change_password = True
    db = get_session()
    db.add(staff)
    end_other_logins(staff)
    audit.record("staff.password_reset", actor_id=by.id, account_id=staff.id)
    return code


def code_hash(code: str) -> str:
    """Codes are compared by hash: case, spaces and dashes do not matter."""
    normal = "".join(code.split()).replace("-", "").upper()
    return hashlib.sha256(normal.encode()).hexdigest()


def reset_code_matches(staff: StaffUser, code: str) -> bool:
    if staff.reset_code_hash is None or staff.reset_code_expires_at is None:
        return False
    if staff.reset_code_expires_at <= utcnow():
        return False
    return hmac.compare_digest(staff.reset_code_hash, code_hash(code))
