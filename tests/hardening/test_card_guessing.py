"""Guessing card secrets: the rate limit holds, and a revoked card looks like an unknown one."""

import re
import secrets
from datetime import timedelta

from sqlmodel import func, select

from app.models import LoginSession, utcnow

GUESSER = {"REMOTE_ADDR": "203.0.113.7"}
NEIGHBOUR = {"REMOTE_ADDR": "203.0.113.8"}


def logins(db) -> int:
    db.expire_all()
    return db.exec(select(func.count()).select_from(LoginSession)).one()


def test_guessing_from_one_address_stops_after_the_limit(
    app, client, db, make_participant, make_card
):
    _card, token = make_card(make_participant())
    limit = int(app.config["CARD_REDEEM_LIMIT"].split()[0])
    statuses = [
        client.get(f"/k/{secrets.token_urlsafe(16)}", environ_base=GUESSER).status_code
        for _ in range(limit * 5)
    ]
    assert statuses[:limit] == [404] * limit
    assert set(statuses[limit:]) == {429}

    # Even the right secret gets nowhere from the guessing address, by link or by post.
    assert client.get(f"/k/{token}", environ_base=GUESSER).status_code == 429
    posted = client.post("/k", data={"token": token}, environ_base=GUESSER)
    assert posted.status_code == 429
    assert logins(db) == 0

    # Another device is not punished for the guesser.
    neighbour = app.test_client()
    assert neighbour.get(f"/k/{token}", environ_base=NEIGHBOUR).status_code == 200


def test_posting_guesses_shares_the_limit_with_opening_links(app, client, make_participant):
    limit = int(app.config["CARD_REDEEM_LIMIT"].split()[0])
    for _ in range(limit):
        client.get(f"/k/{secrets.token_urlsafe(16)}", environ_base=GUESSER)
    guess = client.post("/k", data={"token": secrets.token_urlsafe(16)}, environ_base=GUESSER)
    assert guess.status_code == 429


def _comparable(response, token) -> tuple:
    """Status, headers and body, less what differs between any two responses (date, CSRF) and
    the guess itself where the page echoes its own address."""
    body = re.sub(
        r'(name="csrf-token" content=|name="csrf_token" value=)"[^"]*"', r'\1""', response.text
    ).replace(token, "[guess]")
    headers = sorted(
        (k, v)
        for k, v in response.headers.items()
        if k not in ("Date", "Set-Cookie", "Content-Length")
    )
    return response.status_code, headers, body


def test_revoked_expired_unknown_and_malformed_cards_answer_identically(
    app, db, make_participant, make_card
):
    revoked_card, revoked = make_card(make_participant("Anna"))
    revoked_card.revoked_at = utcnow()
    expired_card, expired = make_card(make_participant("Bea"))
    expired_card.expires_at = utcnow() - timedelta(days=1)
    db.add_all([revoked_card, expired_card])
    db.commit()
    guesses = {
        "revoked": revoked,
        "expired": expired,
        "unknown": secrets.token_urlsafe(16),
        "malformed": "not-a-card",
    }
    client = app.test_client()
    opened = {
        kind: _comparable(client.get(f"/k/{token}"), token) for kind, token in guesses.items()
    }
    posted = {
        kind: _comparable(client.post("/k", data={"token": token}), token)
        for kind, token in guesses.items()
    }
    assert opened["revoked"][0] == 404
    for answers in (opened, posted):
        assert answers["revoked"] == answers["unknown"] == answers["expired"]
        assert answers["malformed"] == answers["unknown"]
    assert logins(db) == 0
