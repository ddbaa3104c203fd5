"""The access matrix: every route × every role × somebody else's record.

Adding a route without adding it here fails `test_every_route_is_in_the_matrix`.
An area may keep its rows in `tests/<area>/access.py`: a ROUTES dict of the same shape, and
optionally `snapshot(db)` for its own tables; list the module in AREAS.
"""

import importlib

import pytest
from sqlmodel import select

from app.alternatives.models import TEXT_FIELDS as ALTERNATIVE_PARTS
from app.checkins.models import CheckIn, CheckInAnswer, FollowUp, QuestionSet
from app.extensions import limiter
from app.models import LoginCard, Participant, StaffUnit, StaffUser, Unit
from tests.actors import ACTORS, PARTICIPANTS, STAFF
from tests.alternatives.helpers import interest_rows, make_interest
from tests.goals.helpers import GOAL_FORM, goal_rows, make_goal

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
    "home.choose_language": ("POST", "/sprak", {"lang": "sv"}, set(ACTORS)),
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
    "checkins.intro": ("GET", "/infor-motet", {}, {"participant"}),
    "checkins.resume": ("GET", "/infor-motet/fortsatt", {}, {"participant"}),
    "checkins.question": ("GET", "/infor-motet/fraga/how_it_is", {}, {"participant"}),
    "checkins.answer": (
        "POST",
        "/infor-motet/fraga/how_it_is",
        {"check_in": "{check_in}", "choice": "good"},
        {"participant"},
    ),
    "checkins.safe": ("GET", "/infor-motet/trygg", {}, {"participant"}),
    "checkins.summary": ("GET", "/infor-motet/svar", {}, {"participant"}),
    "checkins.done": ("POST", "/infor-motet/klar", {"check_in": "{check_in}"}, {"participant"}),
    "checkins.thanks": ("GET", "/infor-motet/tack", {}, {"participant"}),
    "checkins.schedule": (
        "POST",
        "/personal/deltagare/{anna}/moten/nytt",
        {"day": "2099-01-01", "time": "10:00", "place": "Kaféet"},
        {"case_officer"},
    ),
    "checkins.brief_page": ("GET", "/personal/moten/{meeting}", {}, {"case_officer"}),
    "checkins.mark_held": (
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
    "goals.new_step": (
        "POST",
        "/personal/deltagare/{anna}/mal/steg/nytt",
        {"goal": "{goal}", "what": "Ringa kaféet", "who": "me", "due": "2099-01-01"},
        {"supervisor"},
    ),
    "goals.confirm_step": ("POST", "/personal/mal/steg/{step}/bekrafta", {}, {"supervisor"}),
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
        "administration",
        "display",
        "identity",
    )
]
for _area in AREAS:
    ROUTES.update(_area.ROUTES)


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(ROUTES)


@pytest.fixture
def world(db, make_unit, make_staff, make_participant, make_card, make_meeting):
    unit, elsewhere = make_unit("Kaféet"), make_unit("Tvätteriet")
    staff = {
        "supervisor": make_staff("supervisor", units=[unit]),
        "supervisor_elsewhere": make_staff("supervisor", units=[elsewhere]),
        "case_officer": make_staff("case_officer"),
        "case_officer_elsewhere": make_staff("case_officer"),
        "admin": make_staff("admin"),
        "manager": make_staff("manager"),
        "auditor": make_staff("auditor"),
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
    return {
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
        "staff": staff,
        "tokens": {"participant": token, "other_participant": other_token},
    }


def client_for(app, world, actor, login_as):
    client = app.test_client()
    if actor in STAFF:
        login_as(client, world["staff"][actor])
    elif actor in PARTICIPANTS:
        assert client.post("/k", data={"token": world["tokens"][actor]}).status_code == 303
    return client


def snapshot(db):
    """Everything a refused request must leave as it was."""
    db.expire_all()
    return (
        [(c.id, c.revoked_at) for c in db.exec(select(LoginCard).order_by(LoginCard.id))],
        [
            (p.id, p.first_name, p.pictogram, p.language, p.unit_id)
            for p in db.exec(select(Participant).order_by(Participant.id))
        ],
        len(db.exec(select(Unit)).all()),
        len(db.exec(select(StaffUser)).all()),
        len(db.exec(select(StaffUnit)).all()),
        [(m.id, m.held_at, m.agreed) for m in db.exec(select(FollowUp).order_by(FollowUp.id))],
        [(c.id, c.completed_at) for c in db.exec(select(CheckIn).order_by(CheckIn.id))],
        len(db.exec(select(CheckInAnswer)).all()),
        goal_rows(db),
        interest_rows(db),
        [area.snapshot(db) for area in AREAS if hasattr(area, "snapshot")],
    )


def newest_card(db, participant_id):
    """What the page's form would carry: the newest card as the page was shown."""
    db.expire_all()
    cards = db.exec(select(LoginCard.id).where(LoginCard.participant_id == participant_id)).all()
    return max(cards, default=0)


def fill(value, ids, db=None):
    if callable(value):
        return value(db, ids)
    return value.format(**ids) if isinstance(value, str) else value


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_access_matrix(app, db, world, login_as, endpoint):
    method, path, data, allowed = ROUTES[endpoint]
    ids = world["ids"]
    url = fill(path, ids)
    # Refused actors first, while Anna's record is still as the world made it.
    for actor in sorted(ACTORS, key=lambda a: a in allowed):
        limiter.reset()  # Each actor stands for another device.
        client = client_for(app, world, actor, login_as)
        form = {key: fill(value, ids, db) for key, value in data.items()}
        before = snapshot(db)
        response = client.get(url) if method == "GET" else client.post(url, data=form)
        status = response.status_code
        if actor in allowed:
            assert status in (200, 302, 303), f"{actor} should reach {endpoint}, got {status}"
            continue
        assert snapshot(db) == before, f"{actor} changed data through {endpoint}"
        if status == 302:
            # Not logged in as the right kind of person: sent to the matching login.
            assert response.headers["Location"] in ("/personal/logga-in", "/"), actor
        else:
            assert status in (401, 403, 404), f"{actor} reached {endpoint}: {status}"
