"""Limits that hold: per address and per username (growing), per card, shared by every
process through Redis, and a refusal to start where the counts would not be shared."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import redis

from app import migrate
from app.config import check_limit_storage
from tests.conftest import PASSWORD, page

ROOT = Path(__file__).resolve().parents[2]


def wrong_login(client, username, address, typed="wrong password"):
    return client.post(
        "/personal/logga-in",
        data={"username": username, "password": typed},
        environ_base={"REMOTE_ADDR": address},
    )


def test_wrong_tries_for_one_username_are_limited_from_every_address(app, client, make_staff):
    app.config["STAFF_USERNAME_LIMIT"] = "3 per minute"
    make_staff("case_officer", username="karin")
    for n in range(3):
        assert wrong_login(client, "Karin", f"198.51.100.{n}").status_code == 422
    # A fourth address, and even the right password: wait.
    refused = wrong_login(client, "karin", "198.51.100.9", typed=PASSWORD)
    assert page(refused, 429).h1.get_text(strip=True) == "Vänta en liten stund"
    # Somebody else from one of the same addresses is not held up.
    assert wrong_login(client, "sara", "198.51.100.1").status_code == 422


def test_right_passwords_do_not_count_against_the_username(app, client, make_staff):
    app.config["STAFF_USERNAME_LIMIT"] = "2 per minute"
    make_staff("case_officer", username="karin")
    for n in range(4):
        assert wrong_login(client, "karin", f"198.51.100.{n}", PASSWORD).status_code == 303
        client.post("/logga-ut")


def test_the_wait_grows_with_the_wrong_tries(app, client, make_staff):
    # The same steps as the default, in seconds instead of minutes and hours.
    app.config["STAFF_USERNAME_LIMIT"] = "2 per 1 second; 3 per 1 hour"
    make_staff("case_officer", username="karin")
    assert [wrong_login(client, "karin", f"198.51.100.{n}").status_code for n in range(3)] == [
        422,
        422,
        429,
    ]
    time.sleep(1.1)
    assert wrong_login(client, "karin", "198.51.100.7").status_code == 422
    time.sleep(1.1)
    # The second's wait is over, the hour's is not.
    assert wrong_login(client, "karin", "198.51.100.8", PASSWORD).status_code == 429


def test_a_full_site_on_one_wifi_can_open_its_cards(app, client, make_participant, make_card):
    assert app.config["CARD_REDEEM_LIMIT"] == "60 per minute"
    people = [make_participant(f"Deltagare {n}") for n in range(30)]
    for person in people:
        _card, token = make_card(person)
        assert client.get(f"/k/{token}").status_code == 200
        assert client.post("/k", data={"token": token}).status_code == 303
    assert client.get(f"/k/{secrets.token_urlsafe(16)}").status_code == 429


def test_one_card_has_its_own_limit_from_any_address(app, client, make_participant, make_card):
    app.config["CARD_LIMIT"] = "3 per minute"
    _card, token = make_card(make_participant())
    for n in range(3):
        assert client.get(f"/k/{token}", environ_base={"REMOTE_ADDR": f"10.0.0.{n}"}).status_code
    refused = client.get(f"/k/{token}", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert refused.status_code == 429


@pytest.mark.parametrize(
    ("local", "workers", "storage", "starts"),
    [
        (False, 4, "memory://", False),
        (False, 1, "memory://", True),
        (False, 4, "redis://127.0.0.1:6379/0", True),
        (True, 4, "memory://", True),
    ],
)
def test_several_workers_need_a_shared_count(local, workers, storage, starts):
    config = {"LOCAL_RUN": local, "WORKERS": workers, "RATELIMIT_STORAGE_URI": storage}
    if starts:
        check_limit_storage(config)
    else:
        with pytest.raises(RuntimeError, match="FLASK_RATELIMIT_STORAGE_URI"):
            check_limit_storage(config)


# Real servers ------------------------------------------------------------------------------


def listening_socket() -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


def gunicorn(sock, env, workers=1):
    """gunicorn as the Procfile starts it, on a socket of the test's own."""
    command = [
        sys.executable, "-m", "gunicorn", "--workers", str(workers), "--no-control-socket",
        "--bind", f"fd://{sock.fileno()}", "app:create_app()",
    ]  # fmt: skip
    return subprocess.Popen(  # noqa: S603 (this Python, our own app)
        command, cwd=ROOT, env=env, pass_fds=[sock.fileno()], stderr=subprocess.PIPE, text=True
    )


def production_env(database_url, **more):
    env = {key: value for key, value in os.environ.items() if not key.startswith("FLASK_")}
    return {
        **env,
        "FLASK_SECRET_KEY": secrets.token_hex(16),
        "DATABASE_URL": database_url,
        # Plain http on 127.0.0.1 in the test: the cookie must travel without TLS.
        "FLASK_SESSION_COOKIE_SECURE": "false",
        **more,
    }


@pytest.fixture
def database(tmp_path):
    url = f"sqlite:///{tmp_path / 'servers.sqlite'}"
    migrate.upgrade(url)
    return url


def wait_until_up(base):
    for _ in range(300):
        try:
            return httpx.get(f"{base}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(f"{base} did not start")


def test_the_11th_wrong_login_in_a_minute_is_refused_by_whichever_server_gets_it(
    database, redis_storage
):
    url, prefix = redis_storage
    env = production_env(
        database,
        FLASK_RATELIMIT_STORAGE_URI=url,
        FLASK_RATELIMIT_KEY_PREFIX=prefix,
        # One proxy in front sets X-Forwarded-For, as in a deployment.
        FLASK_PROXY_COUNT="1",
    )
    socks = [listening_socket(), listening_socket()]
    servers = [gunicorn(sock, env) for sock in socks]
    bases = [f"http://127.0.0.1:{sock.getsockname()[1]}" for sock in socks]
    try:
        for base in bases:
            assert wait_until_up(base).status_code == 200
        with httpx.Client(timeout=10) as browser:
            html = browser.get(f"{bases[0]}/personal/logga-in").text
            token = html.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]

            def attempt(n, username, address):
                return browser.post(
                    f"{bases[n % 2]}/personal/logga-in",
                    data={"username": username, "password": "wrong", "csrf_token": token},
                    headers={"X-Forwarded-For": address},
                ).status_code

            # One address, ten usernames, taking turns between the servers.
            statuses = [attempt(n, f"user{n}", "203.0.113.5") for n in range(12)]
            assert statuses == [422] * 10 + [429, 429]
            # One username, a new address for every try: five wrong tries, then wait.
            statuses = [attempt(n, "karin", f"198.51.100.{n}") for n in range(7)]
            assert statuses == [422] * 5 + [429, 429]
    finally:
        for server in servers:
            server.send_signal(signal.SIGQUIT)
        for server in servers:
            server.wait(timeout=30)
            server.stderr.close()
        for sock in socks:
            sock.close()
    counted = list(redis.Redis.from_url(url).scan_iter(f"*{prefix}*"))
    assert counted, "the counts were kept in Redis"


def test_gunicorn_refuses_to_start_several_workers_on_memory_storage(database):
    sock = listening_socket()
    server = gunicorn(sock, production_env(database), workers=2)
    try:
        _out, errors = server.communicate(timeout=60)
    finally:
        sock.close()
    assert server.returncode != 0
    assert "FLASK_RATELIMIT_STORAGE_URI=redis://" in errors
