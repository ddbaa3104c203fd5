"""Single sign-on with the municipality's identity provider (OpenID Connect, Authlib's Flask
client): the authorisation code flow with PKCE, state and nonce; Authlib checks the ID token's
signature against the provider's keys, and its issuer, audience, expiry and nonce.

A person is matched to an account an administrator made, on the provider's subject or another
configured claim (e-mail, HSA-id). The role and units are kept in Mina steg, or the role
follows a groups claim when OIDC_ROLE_GROUPS says how.
"""

import logging

from authlib.integrations.flask_client import OAuth
from flask import current_app
from sqlmodel import select

from .. import audit
from ..db import get_session
from ..models import Role, StaffUser

log = logging.getLogger(__name__)
_NAME = "provider"
# The ID token's times may differ this much from ours (the provider's clock drifts too).
LEEWAY_SECONDS = 60


def configured(config=None) -> bool:
    config = config or current_app.config
    return bool(config["OIDC_ISSUER"] and config["OIDC_CLIENT_ID"])


def init_app(app) -> None:
    """Register the provider when single sign-on is configured (one registry per app)."""
    if not configured(app.config):
        return
    oauth = OAuth(app)
    issuer = app.config["OIDC_ISSUER"].rstrip("/")
    oauth.register(
        _NAME,
        client_id=app.config["OIDC_CLIENT_ID"],
        client_secret=app.config["OIDC_CLIENT_SECRET"],
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={
            "scope": app.config["OIDC_SCOPES"],
            "code_challenge_method": "S256",
            "timeout": 10,
        },
    )


def client():
    return current_app.extensions["authlib.integrations.flask_client"].create_client(_NAME)


def claims_options() -> dict:
    """What the ID token must say: issued by our provider, to us. Authlib checks the audience
    only through `azp` unless told, and an `azp` naming us would let another audience pass."""
    issuer = client().load_server_metadata()["issuer"]
    return {
        "iss": {"essential": True, "values": [issuer]},
        "aud": {"essential": True, "values": [current_app.config["OIDC_CLIENT_ID"]]},
    }


def match_claim() -> str:
    return current_app.config["OIDC_MATCH_CLAIM"]


def normal_subject(value: str) -> str:
    """How a subject is stored and compared: e-mail addresses in any case are the same."""
    value = value.strip()
    return value.lower() if match_claim() == "email" else value


class Refusal(Exception):
    """Single sign-on did not give a person who may log in; `reason` goes to the audit log."""

    def __init__(self, reason: str, account: StaffUser | None = None):
        super().__init__(reason)
        self.reason = reason
        self.account = account


def account_for(claims: dict) -> StaffUser:
    """The active account the provider's person belongs to, with its role from the groups
    claim when so configured. Refusal otherwise."""
    value = claims.get(match_claim())
    if not isinstance(value, str) or not value.strip():
        raise Refusal(f"no {match_claim()} claim")
    staff = (
        get_session()
        .exec(select(StaffUser).where(StaffUser.sso_subject == normal_subject(value)))
        .first()
    )
    if staff is None:
        raise Refusal("unknown person")
    if not staff.active:
        raise Refusal("deactivated account", staff)
    role = role_from_groups(claims)
    if role is not None and role != staff.role:
        staff.role = role
        get_session().add(staff)
        audit.record(
            "staff.role_change",
            actor_id=staff.id,
            account_id=staff.id,
            detail=f"role {role} (groups claim)",
        )
    return staff


def role_from_groups(claims: dict) -> Role | None:
    """The first role in OIDC_ROLE_GROUPS whose group the person is in; None when roles are not
    taken from groups. A person in none of the groups is refused."""
    config = current_app.config
    mapping = config["OIDC_ROLE_GROUPS"]
    if not (config["OIDC_GROUPS_CLAIM"] and mapping):
        return None
    groups = claims.get(config["OIDC_GROUPS_CLAIM"]) or []
    if isinstance(groups, str):
        groups = [groups]
    for group, role in mapping.items():
        if group in groups:
            return Role(role)
    raise Refusal("no group with a role")


def logout_address(back_to: str) -> str | None:
    """The provider's own logout (RP-initiated logout), when it advertises one."""
    try:
        metadata = client().load_server_metadata()
    except Exception:  # the provider is out of reach: our own logout has happened anyway
        log.warning("The identity provider's metadata could not be read", exc_info=True)
        return None
    endpoint = metadata.get("end_session_endpoint")
    if not endpoint:
        return None
    return client().create_logout_url(
        post_logout_redirect_uri=back_to, client_id=current_app.config["OIDC_CLIENT_ID"]
    )["url"]
