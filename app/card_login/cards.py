"""Login cards: issue, print, redeem and revoke. Only a hash of a card's secret is stored."""

import base64
import hashlib
import hmac
import io
import re
import secrets
from datetime import timedelta
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from flask import current_app, g, url_for
from sqlmodel import func, select

from .. import audit, logins
from ..db import get_session
from ..models import LoginCard, Participant, utcnow

# secrets.token_urlsafe(16): 128 random bits, 22 characters.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{22}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue(participant: Participant, token: str | None = None) -> tuple[LoginCard, str]:
    """Make a new card for the participant; their earlier cards stop working."""
    db = get_session()
    for old in active_cards(participant.id):
        _revoke(old)
    token = token or secrets.token_urlsafe(16)
    now = utcnow()
    card = LoginCard(
        participant_id=participant.id,
        token_hash=token_hash(token),
        issued_at=now,
        issued_by_id=_staff_id(),
        expires_at=now + timedelta(days=current_app.config["CARD_VALID_DAYS"]),
    )
    db.add(card)
    audit.record("card.issue", participant.id)
    return card, token


def revoke(card: LoginCard) -> None:
    """End a card (lost, stolen, no longer needed) and every login of its participant."""
    _revoke(card)
    audit.record("card.revoke", card.participant_id)


def _revoke(card: LoginCard) -> None:
    card.revoked_at = utcnow()
    card.revoked_by_id = _staff_id()
    get_session().add(card)
    logins.end_for_participant(card.participant_id)


def active_cards(participant_id: int) -> list[LoginCard]:
    db = get_session()
    cards = db.exec(
        select(LoginCard).where(
            LoginCard.participant_id == participant_id, LoginCard.revoked_at.is_(None)
        )
    ).all()
    return [card for card in cards if card.status(utcnow()) == "active"]


def cards_of(participant_id: int) -> list[LoginCard]:
    db = get_session()
    return list(
        db.exec(
            select(LoginCard)
            .where(LoginCard.participant_id == participant_id)
            .order_by(LoginCard.issued_at.desc(), LoginCard.id.desc())
        ).all()
    )


def latest_card_id(participant_ids) -> int:
    """The newest card among these participants (0 if none): a form carries it so a reloaded
    or repeated "make cards" post is noticed instead of silently ending the cards just printed."""
    ids = list(participant_ids)
    if not ids:
        return 0
    newest = (
        get_session()
        .exec(select(func.max(LoginCard.id)).where(LoginCard.participant_id.in_(ids)))
        .one()
    )
    return newest or 0


def find(token: str | None) -> LoginCard | None:
    """The working card for this secret, or None: unknown, malformed, revoked and expired alike."""
    if not token or not TOKEN_PATTERN.fullmatch(token):
        return None
    card = (
        get_session()
        .exec(select(LoginCard).where(LoginCard.token_hash == token_hash(token)))
        .first()
    )
    if card is None or card.status(utcnow()) != "active":
        return None
    return card


def redeem(card: LoginCard) -> Participant:
    """Log this browser in as the card's participant."""
    db = get_session()
    participant = db.get(Participant, card.participant_id)
    card.last_used_at = utcnow()
    db.add(card)
    logins.start(participant=participant, card=card)
    return participant


def card_url(token: str) -> str:
    """The card's address: on the service's own address (PUBLIC_URL) when it is set, never
    on whatever host a request named."""
    public = current_app.config.get("PUBLIC_URL")
    if not public:
        return url_for("card_login.confirm", token=token, _external=True)
    parts = urlsplit(public)
    return f"{parts.scheme}://{parts.netloc}{url_for('card_login.confirm', token=token)}"


def qr_data_uri(url: str) -> str:
    """The card's QR code as an SVG image address (no inline styles, so the CSP holds)."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def demo_token(first_name: str) -> str:
    """The demo participants' card secrets, derived from the secret key so seeding is repeatable."""
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, b"demo-card:" + first_name.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:16]).decode().rstrip("=")


def _staff_id() -> int | None:
    staff = g.get("staff")
    return staff.id if staff else None
