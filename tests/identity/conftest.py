"""Fixtures of staff identity: a real OpenID provider, an app as in production (second factor
required), and codes from the code app."""

import os
import secrets

import pytest
import redis

from .provider import provider


@pytest.fixture(scope="session")
def oidc():
    """A real OpenID provider on 127.0.0.1, shared by the tests (each uses subjects of its
    own, as the provider keeps the claims it was given)."""
    with provider() as running:
        yield running


@pytest.fixture
def sso_app(app, oidc):
    """The test's app with single sign-on through `oidc` (registered as create_app does)."""
    from app.identity import sso

    app.config.update(oidc.config())
    sso.init_app(app)
    return app


@pytest.fixture
def production(app):
    """Outside a local run: every password login needs the second factor."""
    app.config["LOCAL_RUN"] = False
    return app


@pytest.fixture
def redis_storage():
    """The real Redis on 127.0.0.1:6379 (.ci/run starts it), with a key prefix of this test's
    own; its keys are removed afterwards (never FLUSHDB: the server is shared)."""
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    server = redis.Redis.from_url(url)
    try:
        server.ping()
    except redis.ConnectionError:
        message = f"These tests need Redis at {url} (`redis-server --daemonize yes`)."
        if os.environ.get("SKIP_REDIS_TESTS") == "1":
            pytest.skip(message)
        pytest.fail(message, pytrace=False)
    prefix = f"mina-steg-test-{secrets.token_hex(8)}"
    yield url, prefix
    for key in server.scan_iter(f"*{prefix}*"):
        server.delete(key)
    server.close()
