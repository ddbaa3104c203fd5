"""Fixtures: a migrated database per test process (SQLite, or PostgreSQL with
TEST_DATABASE_URL), one app put back as it was after every test, a client that sends CSRF
tokens like a browser does and runs the page lint on every page it fetches, and small
factories."""

import os
import re
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from flask import g
from flask.testing import FlaskClient
from hypothesis import settings
from sqlmodel import Session

from app import create_app, fingerprint, migrate
from app.card_login import cards
from app.db import get_session
from app.extensions import limiter
from app.i18n import LANGUAGES
from app.meetings.models import FollowUp
from app.models import LoginCard, Participant, Role, StaffUser, Unit, utcnow
from app.staff import accounts
from tests import page_lint, template_calls
from tests.database import States, worker_database
from tests.mydata.records import fill_record

PASSWORD = "correct horse battery"


TEST_CONFIG = {
    "TESTING": True,
    "LOCAL_RUN": True,
    "SECRET_KEY": "test-secret",
    # Cheap hashes keep the suite fast; the production cost is tested on its own.
    "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
}
POSTGRESQL = os.environ.get("TEST_DATABASE_URL", "").startswith("postgres")

# Generated inputs: a few per test in `make test`, many more in `make test-deep`. Tests that
# set their own count (cheap ones, without the database) keep it.
settings.register_profile("default", max_examples=10)
settings.register_profile("deep", max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_collection_modifyitems(config, items):
    """Browser tests drive pages, not SQL: they run on SQLite only, except those marked
    `every_database`, which drive the whole stack on PostgreSQL too."""
    browser = Path(__file__).parent / "browser"
    for item in items:
        if browser in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
    if not POSTGRESQL:
        return
    skipped = [i for i in items if i.get_closest_marker("browser")
               and not i.get_closest_marker("every_database")]  # fmt: skip
    if skipped:
        config.hook.pytest_deselected(items=skipped)
        items[:] = [item for item in items if item not in set(skipped)]


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    """A migrated database of this test process's own (see tests/database.py)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        url = worker_database(url, worker_id)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite'}"
    migrate.upgrade(url)
    return url


class BrowserLikeClient(FlaskClient):
    """A test client whose form posts carry the CSRF token, unless a test says csrf=False.

    The token is read from a page, as a browser has it, and kept while the session cookie
    stays the same: a token depends on nothing but the session (a login starts a new one).

    Every HTML page or fragment it GETs goes through the page lint (tests/page_lint.py), so
    each view test checks the pages it opens; `lint_pages = False` turns that off for a test
    that means to fetch a broken page."""

    lint_pages = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tokens = {}

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        request = getattr(response, "request", None)
        if (
            self.lint_pages
            and request is not None
            and request.method == "GET"
            and response.mimetype == "text/html"
            and not 300 <= response.status_code < 400
        ):
            page_lint.check(response.get_data(as_text=True))
        return response

    def post(self, *args, csrf=True, **kwargs):
        if csrf:
            data = dict(kwargs.pop("data", None) or {})
            data.setdefault("csrf_token", self.csrf_token())
            kwargs["data"] = data
        return super().post(*args, **kwargs)

    def csrf_token(self) -> str:
        name = self.application.config["SESSION_COOKIE_NAME"]
        cookie = self.get_cookie(name)
        if cookie is None or cookie.value not in self.tokens:
            html = self.get("/sprak").get_data(as_text=True)
            token = re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)
            cookie = self.get_cookie(name)
            self.tokens = {cookie.value: token}
        return self.tokens[cookie.value]


def make_test_app(database_url):
    """An app as the tests use it, on `database_url`, with the environment as it is now."""
    app = create_app({**TEST_CONFIG, "DATABASE_URL": database_url})
    app.test_client_class = BrowserLikeClient
    template_calls.watch(app)
    return app


@pytest.fixture(autouse=True)
def templates_read_no_database():
    """Every page a test renders: no function its templates call ran a SQL statement."""
    template_calls.take_found()
    yield
    assert not template_calls.take_found(), "a template function read the database"


@pytest.fixture(scope="session")
def shared_app(database_url):
    """One app for the whole run: building one (its URL map, its templates) costs more than
    most tests. `app` puts its configuration and database back after each test."""
    app = make_test_app(database_url)
    states = States(app.extensions["db_engine"])
    states.take("reference")  # what the migrations put in: question sets, catalogues
    app.extensions["test_states"] = states
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def app(shared_app):
    config = dict(shared_app.config)
    yield shared_app
    if shared_app.config != config:
        # What the app worked out once (web.made_once) may follow the changed settings.
        shared_app.extensions.pop("made_once", None)
    shared_app.config.clear()
    shared_app.config.update(config)
    shared_app.extensions["test_states"].restore("reference")
    limiter.reset()


def restart_with(app, **settings):
    """Change the app's settings as a restart with them would: what it works out once per app
    (web.made_once: the parts of pages rendered once) is worked out again."""
    app.config.update(settings)
    app.extensions.pop("made_once", None)


@pytest.fixture
def new_app(app, database_url):
    """An app of the test's own, for a test that adds a route to it (the shared app has served
    pages already, so Flask refuses). It uses the same database, put back as after any test."""
    app = make_test_app(database_url)
    yield app
    app.extensions["db_engine"].dispose()


@pytest.fixture
def states(app) -> States:
    """Named states of the database: take one once, restore it in any later test."""
    return app.extensions["test_states"]


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
def full_record(db, make_meeting, make_card):
    """full_record(person, case_officer): something in every part of the app for the person
    (for "Mina uppgifter" and deletion)."""

    def fill(person, case_officer):
        return fill_record(db, make_meeting, make_card, person, case_officer)

    return fill


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
    """Parse a full page and check what every page must have (tests/page_lint.py): one h1, a
    title, a language, unique ids, named and labelled form fields, forms that post somewhere
    real with a CSRF field."""
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html.get("lang") in LANGUAGES
    assert soup.html.get("dir") in ("ltr", "rtl")
    assert soup.title and soup.title.string.strip()
    assert len(soup.select("h1")) == 1, soup.select("h1")
    page_lint.check(response.get_data(as_text=True), whole_page=True)
    return soup


def fragment(response, status=200) -> BeautifulSoup:
    assert response.status_code == status
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    assert soup.html is None, "expected a fragment, got a whole page"
    return soup
