"""Fixtures: a migrated database (SQLite, or PostgreSQL with TEST_DATABASE_URL), the app,
a client that sends CSRF tokens like a browser does, and small factories."""

import os
import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from flask import g
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from app import create_app, fingerprint, migrate
from app.card_login import cards
from app.checkins.models import FollowUp
from app.db import get_session, make_engine
from app.extensions import limiter
from app.i18n import LANGUAGES
from app.models import LoginCard, Participant, Role, StaffUser, Unit, utcnow
from app.staff import accounts

PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session")
def reference_rows(database_url):
    """Rows the migrations put in (question sets, catalogues): restored after every test."""
    engine = make_engine(database_url)
    with engine.connect() as connection:
        rows = {
            table: [dict(row._mapping) for row in connection.execute(table.select())]
            for table in SQLModel.metadata.sorted_tables
        }
    engine.dispose()
    return {table: table_rows for table, table_rows in rows.items() if table_rows}


class BrowserLikeClient(FlaskClient):
    """A test client whose form posts carry the CSRF token, unless a test says csrf=False."""

    def post(self, *args, csrf=True, **kwargs):
        if csrf:
            data = dict(kwargs.pop("data", None) or {})
            data.setdefault("csrf_token", self.csrf_token())
            kwargs["data"] = data
        return super().post(*args, **kwargs)

    def csrf_token(self) -> str:
        html = self.get("/sprak").get_data(as_text=True)
        return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


@pytest.fixture
def app(database_url, reference_rows):
    app = create_app(
        {
            "TESTING": True,
            "LOCAL_RUN": True,
            "SECRET_KEY": "test-secret",
            "DATABASE_URL": database_url,
            # Cheap hashes keep the suite fast; the production cost is tested on its own.
            "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        }
    )
    app.test_client_class = BrowserLikeClient
    yield app
    engine = app.extensions["db_engine"]
    with engine.begin() as connection:
        for table in reversed(SQLModel.metadata.sorted_tables):
            connection.execute(table.delete())
        for table, rows in reference_rows.items():
            connection.execute(table.insert(), rows)
    engine.dispose()
    limiter.reset()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def db(app):
    """A database session of the test's own, for arranging and checking data."""
    with Session(app.extensions["db_engine"], expire_on_commit=False) as session:
        yield session


@pytest.fixture
def in_request(app):
    """Run domain code as if inside a request (optionally by a logged-in staff member)."""

    @contextmanager
    def context(staff=None):
        with app.test_request_context():
            g.staff = get_session().get(StaffUser, staff.id) if staff else None
            yield get_session()

    return context


# Factories ---------------------------------------------------------------------------------


@pytest.fixture
def make_unit(app, db):
    def make(name="Kaféet"):
        unit = Unit(name=name)
        db.add(unit)
        db.commit()
        return unit

    return make


@pytest.fixture
def make_staff(app, db, in_request):
    counter = iter(range(1, 10_000))

    def make(role=Role.supervisor, units=(), username=None):
        username = username or f"{role}{next(counter)}"
        with in_request():
            staff_id = accounts.create(
                username, username.title(), Role(role), PASSWORD, unit_ids=[u.id for u in units]
            ).id
        return db.get(StaffUser, staff_id)

    return make


@pytest.fixture
def make_participant(app, db, make_unit):
    def make(first_name="Anna", unit=None, case_officer=None, pictogram="person_sun"):
        unit = unit or make_unit(f"Enhet för {first_name}")
        person = Participant(
            first_name=first_name,
            unit_id=unit.id,
            case_officer_id=case_officer.id if case_officer else None,
            pictogram=pictogram,
        )
        db.add(person)
        db.commit()
        return person

    return make


@pytest.fixture
def make_card(db, in_request):
    """Issue a card; returns (card, token)."""

    def make(participant):
        with in_request() as session:
            card, token = cards.issue(session.get(Participant, participant.id))
            card_id = card.id
        return db.get(LoginCard, card_id), token

    return make


@pytest.fixture
def make_meeting(db):
    """A follow-up meeting some days ahead (its check-in is open within 14 days)."""

    def make(participant, days_ahead=7, place="Kaféet"):
        meeting = FollowUp(
            participant_id=participant.id,
            starts_at=utcnow().replace(microsecond=0) + timedelta(days=days_ahead),
            place=place,
        )
        db.add(meeting)
        db.commit()
        return meeting

    return make


@pytest.fixture
def login_as():
    def login(client, staff: StaffUser, password=PASSWORD):
        response = client.post(
            "/personal/logga-in", data={"username": staff.username, "password": password}
        )
        assert response.status_code == 303, response.get_data(as_text=True)
        return response

    return login


@pytest.fixture
def login_participant(make_card):
    def login(client, participant):
        _card, token = make_card(participant)
        response = client.post("/k", data={"token": token})
        assert response.status_code == 303
        return token

    return login


# Pages -------------------------------------------------------------------------------------


def picture_file(src: str) -> str:
    """The file an image address shows, without the content hash the address carries."""
    name = src.rsplit("/", 1)[-1]
    match = fingerprint.HASHED_NAME.match(name)
    return match["stem"] + match["suffix"] if match else name


def page(response, status=200) -> BeautifulSoup:
    """Parse a full page and check what every page must have: one h1, a title, a language,
    unique ids, labelled form fields and forms that post somewhere real."""
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html.get("lang") in LANGUAGES
    assert soup.html.get("dir") in ("ltr", "rtl")
    assert soup.title and soup.title.string.strip()
    assert len(soup.select("h1")) == 1, soup.select("h1")
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"
    for form in soup.select("form"):
        assert form.get("action", "").startswith("/"), form
        if form.get("method", "get").lower() == "post":
            assert form.select_one("input[name=csrf_token]"), form
    for field in soup.select("input:not([type=hidden]):not([type=submit]), select, textarea"):
        assert field.get("id") and soup.select_one(f"label[for='{field['id']}']"), field
    return soup


def fragment(response, status=200) -> BeautifulSoup:
    assert response.status_code == status
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html is None, "expected a fragment, got a whole page"
    return soup
