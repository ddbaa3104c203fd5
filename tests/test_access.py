"""The access matrix: every route × every role × somebody else's record × a hand-over login,
and again after Anna moved to another unit and after she was ended in the service.

Adding a route without adding it here fails `test_every_route_is_in_the_matrix`.
An area may keep its rows in `tests/<area>/access.py`: a ROUTES dict of the same shape; list
the module in AREAS. A refused request must leave every row of every table as it was (but its
own audit event and the login's last use), so new tables are checked without more code.
"""

import importlib
from typing import NamedTuple

import pytest
from sqlalchemy import update
from sqlmodel import SQLModel, select

from app import logins
from app.admin import people as admin_people
from app.alternatives.models import TEXT_FIELDS as ALTERNATIVE_PARTS
from app.card_login import cards
from app.checkins.models import CheckIn, QuestionSet
from app.db import get_session
from app.extensions import limiter
from app.models import EndReason, LoginCard, LoginSession, Participant, StaffUser, utcnow
from tests.actors import ACTORS, CHECK_IN, HAND_OVER, PARTICIPANTS, STAFF
from tests.alternatives.helpers import make_interest
from tests.conftest import PASSWORD
from tests.goals.helpers import GOAL_FORM, make_goal

# A complete alternative as the admin form posts it (Swedish only; English falls back).
ALTERNATIVE_FORM = {
    **{f"{part}_sv": "Text." for part in ALTERNATIVE_PARTS},
    "pictogram": "iwork",
    "position": "10",
    "visibility": "shown",
}

# Endpoint: (method, path, form data, who may use it). Paths are filled in with the world's ids.
# The record at stake is always Anna's: her page, her card, her unit.
ROUTES = {
    "home.index": ("GET", "/", {}, set(ACTORS)),
    "home.health": ("GET", "/healthz", {}, set(ACTORS)),
    "home.language": ("GET", "/sprak", {}, set(ACTORS)),
    # Anna's saved language is hers to change: not on a supervisor's device.
    "home.choose_language": ("POST", "/sprak", {"lang": "sv"}, set(ACTORS) - {HAND_OVER}),
    "home.logout": ("POST", "/logga-ut", {}, set(ACTORS)),
    "home.my_picture": ("GET", "/min-bild", {}, PARTICIPANTS),
    "home.choose_picture": ("POST", "/min-bild", {"pictogram": "person_moon"}, PARTICIPANTS),
    "card_login.confirm": ("GET", "/k/{token}", {}, set(ACTORS)),
    "card_login.redeem": ("POST", "/k", {"token": "{token}"}, set(ACTORS)),
    "card_login.not_me": ("GET", "/k/inte-jag", {}, set(ACTORS)),
    "staff.login": ("GET", "/personal/logga-in", {}, set(ACTORS)),
    "staff.index": ("GET", "/personal/", {}, STAFF),
    "staff.participant": (
        "GET",
        "/personal/deltagare/{anna}",
        {},
        {"supervisor", "case_officer", "admin"},
    ),
    "staff.issue_card": (
        "POST",
        "/personal/deltagare/{anna}/kort",
        {"cards_seen": lambda db, ids: newest_card(db, ids["anna"])},
        {"supervisor", "admin"},
    ),
    "staff.issue_unit_cards": (
        "POST",
        "/personal/enhet/{unit}/kort",
        {"participant": "{anna}", "cards_seen": lambda db, ids: newest_card(db, ids["anna"])},
        {"supervisor"},
    ),
    "staff.revoke_card": ("POST", "/personal/kort/{card}/sparra", {}, {"supervisor", "admin"}),
    "staff.hand_over": ("POST", "/personal/deltagare/{anna}/lamna-over", {}, {"supervisor"}),
    "checkins.intro": ("GET", "/infor-motet", {}, CHECK_IN),
    "checkins.resume": ("GET", "/infor-motet/fortsatt", {}, CHECK_IN),
    "checkins.question": ("GET", "/infor-motet/fraga/how_it_is", {}, CHECK_IN),
    "checkins.answer": (
        "POST",
        "/infor-motet/fraga/how_it_is",
        {"check_in": "{check_in}", "choice": "good"},
        CHECK_IN,
    ),
    "checkins.safe": ("GET", "/infor-motet/trygg", {}, CHECK_IN),
    "checkins.summary": ("GET", "/infor-motet/svar", {}, CHECK_IN),
    "checkins.done": ("POST", "/infor-motet/klar", {"check_in": "{check_in}"}, CHECK_IN),
    "checkins.thanks": ("GET", "/infor-motet/tack", {}, CHECK_IN),
    "meetings.schedule": (
        "POST",
        "/personal/deltagare/{anna}/moten/nytt",
        {"day": "2099-01-01", "time": "10:00", "place": "Kaféet"},
        {"case_officer"},
    ),
    "meetings.brief_page": ("GET", "/personal/moten/{meeting}", {}, {"case_officer"}),
    "meetings.brief_pdf": ("GET", "/personal/moten/{meeting}/underlag.pdf", {}, {"case_officer"}),
    "meetings.mark_held": (
        "POST",
        "/personal/moten/{meeting}/hallet",
        {"agreed": "Klart"},
        {"case_officer"},
    ),
    "checkins.admin_questions": ("GET", "/admin/fragor", {}, {"admin"}),
    "alternatives.index": ("GET", "/andra-vagar", {}, PARTICIPANTS),
    "alternatives.page": ("GET", "/andra-vagar/iwork", {}, PARTICIPANTS),
    "alternatives.want_to_know": ("POST", "/andra-vagar/iwork/veta-mer", {}, PARTICIPANTS),
    "alternatives.interest": ("GET", "/andra-vagar/iwork/veta-mer", {}, PARTICIPANTS),
    "alternatives.withdraw": ("POST", "/andra-vagar/iwork/angra", {}, PARTICIPANTS),
    "alternatives.not_now": ("GET", "/andra-vagar/iwork/inte-nu", {}, PARTICIPANTS),
    "alternatives.follow_up": (
        "POST",
        "/personal/intressen/{interest}/uppfoljning",
        {"kind": "talked", "day": "2024-01-02"},
        {"case_officer"},
    ),
    "alternatives.admin_list": ("GET", "/admin/andra-vagar", {}, {"admin"}),
    "alternatives.admin_come_back": (
        "POST",
        "/admin/kan-jag-komma-tillbaka",
        {"come_back_job_sv": "Prata med din handläggare.", "come_back_studies_sv": "Fråga oss."},
        {"admin"},
    ),
    "alternatives.admin_new": (
        "POST",
        "/admin/andra-vagar/ny",
        {**ALTERNATIVE_FORM, "title_sv": "Ny väg"},
        {"admin"},
    ),
    "alternatives.admin_edit": ("POST", "/admin/andra-vagar/iwork", ALTERNATIVE_FORM, {"admin"}),
    "admin.index": ("GET", "/admin/", {}, {"admin"}),
    "admin.new_unit": ("POST", "/admin/enheter/ny", {"name": "Ny enhet"}, {"admin"}),
    "admin.new_staff": (
        "POST",
        "/admin/personal/ny",
        {
            "display_name": "Ny",
            "username": "ny.person",
            "role": "case_officer",
        },
        {"admin"},
    ),
    "admin.new_participant": (
        "POST",
        "/admin/deltagare/ny",
        {"first_name": "Ny", "language": "sv", "unit": "{unit}", "case_officer": "0"},
        {"admin"},
    ),
    "goals.mine": ("GET", "/mina-mal", {}, PARTICIPANTS),
    "goals.goal": ("GET", "/mina-mal/{goal}", {}, {"participant"}),
    "goals.step_done": (
        "POST",
        "/mina-mal/steg/{step}/klart",
        {"feeling": "good"},
        {"participant"},
    ),
    "goals.new_goal": ("POST", "/personal/deltagare/{anna}/mal/nytt", GOAL_FORM, {"case_officer"}),
    "goals.edit_goal": (
        "POST",
        "/personal/mal/{goal}/andra",
        {**GOAL_FORM, "version": "1"},
        {"case_officer"},
    ),
    "goals.end_goal": ("POST", "/personal/mal/{goal}/avsluta", {}, {"case_officer"}),
    "goals.plan_pdf": (
        "GET",
        "/personal/deltagare/{anna}/plan.pdf",
        {},
        {"supervisor", "case_officer"},
    ),
    "goals.new_step": (
        "POST",
        "/personal/deltagare/{anna}/mal/steg/nytt",
        {"goal": "{goal}", "what": "Ringa kaféet", "who": "me", "due": "2099-01-01"},
        {"supervisor"},
    ),
    "goals.confirm_step": ("POST", "/personal/mal/steg/{step}/bekrafta", {}, {"supervisor"}),
    "goals.edit_step": (
        "POST",
        "/personal/mal/steg/{step}/andra",
        {"goal": "{goal}", "what": "Ringa kaféet", "who": "me", "due": "2099-01-01"},
        {"supervisor"},
    ),
    "goals.remove_step": ("POST", "/personal/mal/steg/{step}/ta-bort", {}, {"supervisor"}),
    "goals.reopen_step": ("POST", "/personal/mal/steg/{step}/oppna", {}, {"supervisor"}),
    "wishes.start": ("GET", "/onskemal", {}, PARTICIPANTS),
    "wishes.card": ("GET", "/onskemal/kort/djur", {}, PARTICIPANTS),
    "wishes.place": ("POST", "/onskemal/kort/djur", {"pile": "like"}, PARTICIPANTS),
    "wishes.overview": ("GET", "/onskemal/oversikt", {}, PARTICIPANTS),
    "wishes.note": ("GET", "/onskemal/nagot-annat", {}, PARTICIPANTS),
    "wishes.save_note": ("POST", "/onskemal/nagot-annat", {"text": "Hästar"}, PARTICIPANTS),
    "wishes.admin_cards": ("GET", "/admin/onskemal-kort", {}, {"admin"}),
    "wishes.admin_new_card": (
        "POST",
        "/admin/onskemal-kort/ny",
        {
            "word_sv": "Hästar",
            "group": "activities",
            "pictogram": "animals",
            "position": "5",
            "visibility": "shown",
        },
        {"admin"},
    ),
    "wishes.admin_edit_card": (
        "POST",
        "/admin/onskemal-kort/djur",
        {
            "word_sv": "Djur",
            "group": "activities",
            "pictogram": "animals",
            "position": "10",
            "visibility": "hidden",
        },
        {"admin"},
    ),
}

# Areas that keep their rows of the matrix in tests/<area>/access.py.
AREAS = [
    importlib.import_module(f"tests.{area}.access")
    for area in (
        "consent",
        "auditing",
        "stats",
        "languages",
        "admin",
        "mydata",
        "display",
        "identity",
        "speech",
        "new_step",
    )
]
for _area in AREAS:
    ROUTES.update(_area.ROUTES)


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(ROUTES)


def build_world(app, db, make_unit, make_staff, make_participant, make_card, make_meeting):
    """Anna and Bea in two units, a staff member of every kind for each, Anna's card, meeting,
    check-in, goal and interest, and every actor logged in on a device of their own."""
    unit, elsewhere = make_unit("Kaféet"), make_unit("Tvätteriet")
    staff = {
        "supervisor": make_staff("supervisor", units=[unit]),
        "supervisor_elsewhere": make_staff("supervisor", units=[elsewhere]),
        "case_officer": make_staff("case_officer"),
        "case_officer_elsewhere": make_staff("case_officer"),
        "admin": make_staff("admin"),
        "manager": make_staff("manager"),
        "auditor": make_staff("auditor"),
        "support_person": make_staff("support_person"),
        "support_person_elsewhere": make_staff("support_person"),
    }
    anna = make_participant("Anna", unit=unit, case_officer=staff["case_officer"])
    bea = make_participant(
        "Bea", unit=elsewhere, case_officer=staff["case_officer_elsewhere"], pictogram="person_cat"
    )
    card, token = make_card(anna)
    _other_card, other_token = make_card(bea)
    meeting = make_meeting(anna)
    check_in = CheckIn(
        follow_up_id=meeting.id,
        participant_id=anna.id,
        question_set_id=db.exec(select(QuestionSet)).first().id,
    )
    db.add(check_in)
    db.commit()
    world = {
        "ids": {
            "anna": anna.id,
            "unit": unit.id,
            "card": card.id,
            "token": token,
            "meeting": meeting.id,
            "check_in": check_in.id,
            **make_goal(db, anna.id, staff["case_officer"].id),
            "interest": make_interest(db, anna.id),
        },
        "staff_ids": {actor: member.id for actor, member in staff.items()},
        "usernames": {actor: member.username for actor, member in staff.items()},
        "tokens": {"participant": token, "other_participant": other_token},
        "participant_ids": {"participant": anna.id, "other_participant": bea.id},
        "devices": {},
    }
    for actor in sorted(PARTICIPANTS | STAFF | {HAND_OVER}):
        world["devices"][actor] = log_in_device(app, world, actor)
    return world


# The world as first built in this test process: later tests put the database back to it.
_built = {}


@pytest.fixture
def world(app, db, states, make_unit, make_staff, make_participant, make_card, make_meeting):
    """The matrix's people and records, built once per test process and restored for each test
    (with every actor's login, renewed as if they had just logged in)."""
    if "world" not in _built:
        _built["world"] = build_world(
            app, db, make_unit, make_staff, make_participant, make_card, make_meeting
        )
        states.take("world")
    else:
        states.restore("world")
        db.exec(update(LoginSession).values(created_at=utcnow(), last_seen_at=utcnow()))
        db.commit()
    built = _built["world"]
    staff = {actor: db.get(StaffUser, id_) for actor, id_ in built["staff_ids"].items()}
    return {**built, "staff": staff, "devices": dict(built["devices"])}


class Device(NamedTuple):
    """A logged-in browser: its session cookie, the CSRF token that goes with it, its login."""

    cookie: str
    csrf_token: str
    login_token: str


def log_in_device(app, world, actor, card_token=None) -> Device:
    client = app.test_client()
    if actor in STAFF:
        form = {"username": world["usernames"][actor], "password": PASSWORD}
        assert client.post("/personal/logga-in", data=form).status_code == 303
    elif actor == HAND_OVER:
        form = {"username": world["usernames"]["supervisor"], "password": PASSWORD}
        assert client.post("/personal/logga-in", data=form).status_code == 303
        handed = client.post(f"/personal/deltagare/{world['ids']['anna']}/lamna-over")
        assert handed.status_code == 303
    else:
        card_token = card_token or world["tokens"][actor]
        assert client.post("/k", data={"token": card_token}).status_code == 303
    csrf_token = client.csrf_token()
    with client.session_transaction() as session:
        login_token = session["login"]
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"]).value
    return Device(cookie, csrf_token, login_token)


def client_for(app, world, actor):
    """A new browser for `actor`, logged in (again, if a request has ended their login and
    they may still log in; else their browser as it is, with its login ended)."""
    client = app.test_client()
    if actor not in world["devices"]:
        return client
    device = world["devices"][actor]
    with app.test_request_context():
        logged_in = still_logged_in(device.login_token)
        may_log_in = logged_in or still_there(world, actor)
        if not logged_in and may_log_in and actor in PARTICIPANTS:
            # Their card may have been revoked: a supervisor hands them a new one.
            person = get_session().get(Participant, world["participant_ids"][actor])
            _card, card_token = cards.issue(person)
    if not logged_in and may_log_in:
        token = card_token if actor in PARTICIPANTS else None
        device = world["devices"][actor] = log_in_device(app, world, actor, token)
    client.set_cookie(app.config["SESSION_COOKIE_NAME"], device.cookie)
    client.tokens = {device.cookie: device.csrf_token}
    return client


def still_there(world, actor) -> bool:
    """Whether the actor may still log in: their account is open, and the participant (Anna,
    for her check-in on the supervisor's device) still takes part."""
    db = get_session()
    if actor in STAFF:
        return db.get(StaffUser, world["staff_ids"][actor]).active
    participant_id = world["participant_ids"].get(actor, world["ids"]["anna"])
    return db.get(Participant, participant_id).ended_at is None


def still_logged_in(login_token: str) -> bool:
    login = (
        get_session()
        .exec(select(LoginSession).where(LoginSession.token_hash == logins.token_hash(login_token)))
        .first()
    )
    return login is not None and login.ended_at is None


# What a refused request may still write, by design: its own audit event, and the time the
# login was last used.
WRITTEN_WHEN_REFUSED = {"audit_event", "login_session"}


def snapshot(db):
    """Every row of every table, but those a refused request writes by design: the values as
    the database driver reads them, which is what was stored, without the time it takes to
    turn each into the model's Python type."""
    db.rollback()
    cursor = db.connection().connection.cursor()
    rows = {}
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in WRITTEN_WHEN_REFUSED:
            keys = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
            cursor.execute(f'SELECT * FROM "{table.name}" ORDER BY {keys}')  # noqa: S608 (the models' names)
            rows[table.name] = cursor.fetchall()
    cursor.close()
    return rows


def changed(before: dict, after: dict) -> dict:
    """For each table that differs, the rows that one snapshot has and the other has not."""
    return {
        table: [row for row in before[table] if row not in after[table]]
        + [row for row in after[table] if row not in before[table]]
        for table in before
        if before[table] != after[table]
    }


def newest_card(db, participant_id):
    """What the page's form would carry: the newest card as the page was shown."""
    db.expire_all()
    cards = db.exec(select(LoginCard.id).where(LoginCard.participant_id == participant_id)).all()
    return max(cards, default=0)


def fill(value, ids, db=None):
    if callable(value):
        return value(db, ids)
    return value.format(**ids) if isinstance(value, str) else value


def try_route(app, db, world, endpoint, allowed, client_of, actors=ACTORS):
    """Every actor asks for the route: the refused first (while Anna's record is still as the
    world made it), then the allowed. The refused are logged in and their form is filled in
    before the first of them asks, so that one look at the database holds for them all: none of
    them may change it."""
    method, path, data, _allowed = ROUTES[endpoint]
    ids = world["ids"]
    url = fill(path, ids)

    def filled_form():
        return {key: fill(value, ids, db) for key, value in data.items()}

    def ask(client, form):
        limiter.reset()  # Each actor stands for another device.
        return client.get(url) if method == "GET" else client.post(url, data=form)

    refused = {}
    for actor in actors:
        if actor not in allowed:
            limiter.reset()
            refused[actor] = client_of(actor)
    refused_form = filled_form()
    before = snapshot(db)
    for actor, client in refused.items():
        response = ask(client, refused_form)
        status = response.status_code
        assert not changed(before, snapshot(db)), f"{actor} changed data through {endpoint}"
        if status == 302:
            # Not logged in as the right kind of person: sent to the matching login.
            assert response.headers["Location"] in ("/personal/logga-in", "/"), actor
        else:
            assert status in (401, 403, 404), f"{actor} reached {endpoint}: {status}"
    for actor in actors:
        if actor in allowed:
            limiter.reset()
            client = client_of(actor)
            status = ask(client, filled_form()).status_code
            assert status in (200, 302, 303), f"{actor} should reach {endpoint}, got {status}"


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_access_matrix(app, db, world, endpoint):
    allowed = ROUTES[endpoint][3]
    try_route(app, db, world, endpoint, allowed, lambda actor: client_for(app, world, actor))


# Anna's record changes after everyone has logged in. The rows above say who may do what in the
# plain world; each situation says how that changes for the routes about Anna (her page, card,
# meetings, goals, answers, and her own pages), so a new row is covered here without more work.
ANNAS_RECORD = ("{anna}", "{card}", "{meeting}", "{check_in}", "{goal}", "{step}", "{interest}")


def about_anna(endpoint) -> bool:
    """A route about Anna's record or her own pages; not the public ones, nor a unit's."""
    _method, path, data, allowed = ROUTES[endpoint]
    named = " ".join([path, *(v for v in data.values() if isinstance(v, str))])
    if "{unit}" in named or "anonymous" in allowed:
        return False
    return any(part in named for part in ANNAS_RECORD) or (
        "participant" in allowed and allowed != set(ACTORS)
    )


def anna_moves(in_request, db, world):
    """Anna moves to Tvätteriet, where supervisor_elsewhere works (Bea's unit)."""
    admin = world["staff"]["admin"]
    with in_request(admin) as session:
        anna = session.get(Participant, world["ids"]["anna"])
        bea = session.exec(select(Participant).where(Participant.first_name == "Bea")).one()
        change = admin_people.ParticipantChange(
            anna.first_name, anna.language, bea.unit_id, anna.case_officer_id, anna.gender
        )
        admin_people.update_participant(anna, change)


def anna_is_ended(in_request, db, world):
    """Anna leaves the service: her cards stop and her logins end."""
    admin = world["staff"]["admin"]
    with in_request(admin) as session:
        anna = session.get(Participant, world["ids"]["anna"])
        admin_people.end_participant(anna, EndReason.work, session.get(StaffUser, admin.id))


def after_move(endpoint, allowed):
    """The new unit's supervisor takes over the old one's part (consent starts again at no:
    see tests/consent/test_per_unit.py); the old unit's hand-over login ends."""
    moved = allowed - {"supervisor", HAND_OVER}
    if "supervisor" in allowed:
        moved |= {"supervisor_elsewhere"}
    return moved


# Routes whose rule for an ended participant is more than "supervisors and Anna's logins go".
AFTER_END = {
    # Nobody prints a card for someone who has left.
    "staff.issue_card": set(),
    "admin.new_card": set(),
}


def after_end(endpoint, allowed):
    """Supervisors lose access, Anna's logins are over; her case officer and administrators
    keep what they had, to follow up and to answer data-rights requests."""
    if endpoint in AFTER_END:
        return AFTER_END[endpoint]
    return allowed - {"supervisor", "supervisor_elsewhere", "participant", HAND_OVER}


SITUATIONS = {"moved": (anna_moves, after_move), "ended": (anna_is_ended, after_end)}
# Those whose part in Anna's record a situation changes or keeps; the others have none in any
# situation, as the plain matrix shows (Bea and her staff, managers, auditors, the logged out).
CONCERNED = sorted({"supervisor", "supervisor_elsewhere", "case_officer", "admin"} | CHECK_IN)


@pytest.mark.parametrize(
    ("situation", "endpoint"),
    [(s, e) for s in sorted(SITUATIONS) for e in sorted(ROUTES) if about_anna(e)],
)
def test_access_matrix_after_anna_moved_or_ended(app, db, world, in_request, situation, endpoint):
    change, rule = SITUATIONS[situation]
    clients = {actor: client_for(app, world, actor) for actor in CONCERNED}
    change(in_request, db, world)
    allowed = rule(endpoint, ROUTES[endpoint][3])
    try_route(app, db, world, endpoint, allowed, clients.get, actors=CONCERNED)
