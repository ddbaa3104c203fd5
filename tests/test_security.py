"""Headers, configuration and health: what every response and every deployment must have."""

import socket

import pytest
from sqlalchemy import text

from app import create_app
from app.config import _local_secret_key
from tests.conftest import page


def test_pages_send_the_baseline_security_headers(client, make_participant, login_participant):
    login_participant(client, make_participant())
    for url in ["/", "/sprak", "/min-bild", "/personal/logga-in", "/k/" + "x" * 22]:
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["script-src"] == "'self'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert directives["frame-ancestors"] == "'none'"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cache-Control"] == "no-store"
        assert "HX-Request" in headers["Vary"]


def test_static_files_may_be_cached(client):
    response = client.get("/static/css/app.css")
    assert response.status_code == 200
    assert response.headers.get("Cache-Control") != "no-store"
    response.close()


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://mina-steg.example")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")


def test_production_refuses_to_start_without_a_secret_key(database_url, monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_LOCAL_RUN", raising=False)
    with pytest.raises(RuntimeError, match="FLASK_SECRET_KEY"):
        create_app({"DATABASE_URL": database_url})


def test_local_runs_generate_and_keep_a_secret_key(tmp_path):
    key = _local_secret_key(tmp_path)
    assert len(key) == 64
    assert _local_secret_key(tmp_path) == key
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"


def test_healthz_answers_when_the_database_is_up(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_data(as_text=True) == "ok"


def test_healthz_says_503_when_the_database_is_down(unused_tcp_port):
    """Nothing listens where the database should be (tests/outage/ stops a real one)."""
    app = create_app(
        {
            "TESTING": True,
            "LOCAL_RUN": True,
            "DATABASE_URL": f"postgresql://postgres@127.0.0.1:{unused_tcp_port}/none",
        }
    )
    response = app.test_client().get("/healthz")
    assert (response.status_code, response.get_data(as_text=True)) == (
        503,
        "database: cannot be reached",
    )


@pytest.fixture
def unused_tcp_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout_and_no_wait_for_the_disk(app):
    engine = app.extensions["db_engine"]
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 15000
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL


def test_oversized_requests_get_a_kind_page(client):
    response = client.post("/sprak", data={"lang": "sv", "next": "x" * 100_000})
    assert page(response, status=413).h1.get_text(strip=True) == "Det var för mycket text"


def test_unknown_pages_get_a_kind_page(client):
    assert page(client.get("/finns-inte"), status=404).h1.get_text(strip=True) == "Sidan finns inte"


def test_pages_load_no_third_party_resources(client, make_participant, login_participant):
    login_participant(client, make_participant())
    soup = page(client.get("/"))
    for tag, attribute in [("script", "src"), ("link", "href"), ("img", "src")]:
        for element in soup.select(f"{tag}[{attribute}]"):
            assert element[attribute].startswith("/"), element
