"""Redis gone: the rate limits count in each process's memory for the outage (Flask-Limiter's
in-memory fallback) and the log says so; logins keep working; /healthz tells; and the counts go
back to Redis once it is back. On a Redis of the tests' own."""

import logging
import secrets
import time

import pytest

from .servers import Missing, Redis

FALLBACK = "Rate limit storage unreachable - falling back to in-memory storage"
RECOVERED = "Rate limit storage recovered"


@pytest.fixture(scope="module")
def redis_server():
    try:
        server = Redis()
    except Missing as missing:
        pytest.skip(f"{missing}: the test that stops Redis needs one of its own")
    yield server
    server.remove()


@pytest.fixture(autouse=True)
def limits_in_redis(monkeypatch, redis_server):
    monkeypatch.setenv("FLASK_RATELIMIT_STORAGE_URI", redis_server.url)
    monkeypatch.setenv("FLASK_RATELIMIT_KEY_PREFIX", f"test-{secrets.token_hex(4)}")
    monkeypatch.setenv("FLASK_CARD_REDEEM_LIMIT", "3 per minute")


def limiter_said(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "flask-limiter"]


def log_in(app, token) -> int:
    return app.test_client().post("/k", data={"token": token}).status_code


def test_with_redis_gone_limits_count_in_memory_and_logins_keep_working(
    app, anna, make_card, redis_server, caplog
):
    caplog.set_level(logging.INFO, logger="flask-limiter")
    _card, token = make_card(anna)
    assert log_in(app, token) == 303  # counted in Redis
    health = app.test_client().get("/healthz")
    assert (health.status_code, health.get_data(as_text=True)) == (200, "ok")

    redis_server.stop()
    try:
        # Logins keep working, and the limit still holds, counted in this process.
        assert [log_in(app, token) for _ in range(4)] == [303, 303, 303, 429]
        assert limiter_said(caplog).count(FALLBACK) == 1
        health = app.test_client().get("/healthz")
        assert (health.status_code, health.get_data(as_text=True)) == (
            200,
            "rate limits: counted in each process (the shared store cannot be reached)",
        )
    finally:
        redis_server.start()

    # Flask-Limiter looks again after 1, 2, 4... seconds; any limited request gives it the chance.
    deadline = time.monotonic() + 20
    while RECOVERED not in limiter_said(caplog) and time.monotonic() < deadline:
        app.test_client().get("/k/" + "x" * 22)
        time.sleep(0.2)
    assert limiter_said(caplog).count(RECOVERED) == 1
    assert log_in(app, token) == 303  # Redis, emptied by its restart, counts again
    assert app.test_client().get("/healthz").get_data(as_text=True) == "ok"
