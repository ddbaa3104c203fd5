"""Passkeys (WebAuthn): staff log in with a key kept on their phone or computer, opened with the
device's own lock (a fingerprint, a face or a PIN), instead of typing a password and the code
from the app.

A person adds a passkey under Mitt konto, once logged in with the app's code. Then it logs them
in on its own from the login page (the device's lock, required there, and the key on the device
are the two steps), or stands in for the app's code after the password. The code app and the
recovery codes stay: a passkey is one more way in, never the only one. An administrator's reset
of the second factor removes the passkeys too (a lost phone may hold one).

The browser signs a challenge the server made for this one attempt (kept in the signed session
cookie with the time it was given); the py_webauthn package checks the signature, this site's
address and the device's signing count, and a challenge older than the passkey's last use is
refused, so an answer sent again with a copy of the old cookie does not log anyone in.
"""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from flask import request, session
from sqlmodel import select
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url, parse_authentication_credential_json
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from .. import access, audit
from ..db import get_session, save_changes
from ..models import Passkey, StaffUser, utcnow

RELYING_PARTY_NAME = "Mina steg"
NAME_MAX_LENGTH = 60
_CHALLENGE = "passkey_challenge"


def _relying_party() -> tuple[str, str]:
    """This site as WebAuthn names it: (its host name, the origin the browser shows). The
    request's host is one of TRUSTED_HOSTS outside a local run."""
    origin = request.host_url.rstrip("/")
    return urlsplit(origin).hostname, origin


def _give_challenge(challenge: bytes) -> None:
    session[_CHALLENGE] = [bytes_to_base64url(challenge), utcnow().timestamp()]


def _challenge_used() -> tuple[bytes, datetime] | None:
    """The challenge of the last options given to this browser, and when it was given. Only one
    answer may use it: it leaves the session now. (The session is a cookie, so a copy of the old
    cookie still holds it: `_signed_by` refuses a challenge older than the passkey's last use.)"""
    kept = session.pop(_CHALLENGE, None)
    if not kept:
        return None
    challenge, given = kept
    return base64url_to_bytes(challenge), datetime.fromtimestamp(given, UTC)


def _descriptors(keys: list[Passkey]) -> list[PublicKeyCredentialDescriptor]:
    return [PublicKeyCredentialDescriptor(id=base64url_to_bytes(k.credential_id)) for k in keys]


def of(staff: StaffUser) -> list[Passkey]:
    """The account's passkeys, oldest first."""
    return list(
        get_session().exec(select(Passkey).where(Passkey.staff_id == staff.id).order_by(Passkey.id))
    )


def registration_options(staff: StaffUser) -> str:
    """What the browser needs to make a new passkey for this account, as JSON. A device that
    already holds one of the account's passkeys is told so, rather than making a second."""
    rp_id, _origin = _relying_party()
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name=RELYING_PARTY_NAME,
        user_id=str(staff.id).encode(),
        user_name=staff.username,
        user_display_name=staff.display_name,
        exclude_credentials=_descriptors(of(staff)),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    _give_challenge(options.challenge)
    return options_to_json(options)


def add(staff: StaffUser, name: str, credential: str) -> Passkey | None:
    """Keep the passkey the browser made (`credential`: its answer, as JSON), under the person's
    name for it. None when the answer is missing, made for another challenge or another site,
    or not a passkey at all: nothing is kept."""
    used = _challenge_used()
    if used is None or not credential:
        return None
    rp_id, origin = _relying_party()
    try:
        made = verify_registration_response(
            credential=credential,
            expected_challenge=used[0],
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError):
        return None
    credential_id = bytes_to_base64url(made.credential_id)
    db = get_session()
    if db.exec(select(Passkey.id).where(Passkey.credential_id == credential_id)).first():
        return None  # kept already (the options of another tab did not exclude it)
    passkey = Passkey(
        staff_id=staff.id,
        credential_id=credential_id,
        public_key=made.credential_public_key,
        sign_count=made.sign_count,
        name=name,
    )
    db.add(passkey)
    audit.record("staff.passkey_added", actor_id=staff.id, detail=name)
    save_changes()
    return passkey


def login_options(staff: StaffUser) -> str | None:
    """What the browser needs to sign this login with one of the account's passkeys, as JSON;
    None when the account has none."""
    keys = of(staff)
    if not keys:
        return None
    rp_id, _origin = _relying_party()
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=_descriptors(keys),
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    _give_challenge(options.challenge)
    return options_to_json(options)


def signed(staff: StaffUser, credential: str) -> bool:
    """The browser's answer is this login's challenge, signed by one of the account's passkeys
    for this site: the second step of a password login."""
    return _signed_by(credential, owner=staff, lock_required=False) is not None


def sign_in_options() -> str:
    """What the browser needs to log in with any passkey it holds for this site, as JSON: the
    person picks one, and no account is named. The device's lock (fingerprint, face or PIN) is
    required, as the passkey stands for both steps."""
    rp_id, _origin = _relying_party()
    options = generate_authentication_options(
        rp_id=rp_id, user_verification=UserVerificationRequirement.REQUIRED
    )
    _give_challenge(options.challenge)
    return options_to_json(options)


def signing_in(credential: str) -> StaffUser | None:
    """The account whose passkey signed this login's challenge, the device's lock checked."""
    passkey = _signed_by(credential, owner=None, lock_required=True)
    return get_session().get(StaffUser, passkey.staff_id) if passkey is not None else None


def _signed_by(credential: str, owner: StaffUser | None, lock_required: bool) -> Passkey | None:
    """The passkey (of `owner`, when named) that signed the challenge last given to this browser
    for this site, when the challenge was given after the passkey's last use (an answer sent
    again is refused). Its count and last use are kept."""
    used = _challenge_used()
    if used is None or not credential:
        return None
    challenge, given = used
    rp_id, origin = _relying_party()
    try:
        answer = parse_authentication_credential_json(credential)
        passkey = (
            get_session()
            .exec(select(Passkey).where(Passkey.credential_id == bytes_to_base64url(answer.raw_id)))
            .first()
        )
        if passkey is None or (owner is not None and not access.owns_passkey(owner, passkey)):
            return None
        if passkey.last_used_at is not None and given <= passkey.last_used_at:
            return None
        checked = verify_authentication_response(
            credential=answer,
            expected_challenge=challenge,
            expected_rp_id=rp_id,
            expected_origin=origin,
            credential_public_key=passkey.public_key,
            credential_current_sign_count=passkey.sign_count,
            require_user_verification=lock_required,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError):
        return None
    passkey.sign_count = checked.new_sign_count
    passkey.last_used_at = utcnow()
    get_session().add(passkey)
    return passkey


def remove(staff: StaffUser, passkey_id: int) -> bool:
    """Remove one of the person's own passkeys (a phone given back, a computer replaced)."""
    db = get_session()
    passkey = db.get(Passkey, passkey_id)
    if passkey is None or not access.owns_passkey(staff, passkey):
        return False
    db.delete(passkey)
    audit.record("staff.passkey_removed", actor_id=staff.id, detail=passkey.name)
    save_changes()
    return True


def remove_all(staff: StaffUser) -> None:
    """With an administrator's reset of the second factor: none of the account's passkeys work."""
    db = get_session()
    for passkey in of(staff):
        db.delete(passkey)
