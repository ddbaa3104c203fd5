"""Demo data for a first look: one unit, the staff, three participants with cards, and a
made-up municipality of a few hundred participants with years of history, so the statistics
show real figures and the case officer has answered check-ins to read."""

from datetime import datetime, time, timedelta

from sqlmodel import select

from . import datagen
from .admin import directory
from .card_login import cards
from .db import get_session, save_changes
from .goals import demo as goals_demo
from .i18n import local_zone
from .meetings import meetings
from .meetings.models import FollowUp
from .models import LoginCard, Participant, Role, Unit, utcnow
from .new_step import demo as new_step_demo
from .staff import accounts
from .stats import summary
from .wishes import demo as wishes_demo

UNIT = "Kaféet på Storgatan"
# Demo passwords are printed by `demo-logins`; demo data is refused outside local runs.
STAFF = [
    ("supervisor", "handledare", "Sara Handledare", "demo-handledare"),
    ("case_officer", "handlaggare", "Karin Handläggare", "demo-handlaggare"),
    ("admin", "admin", "Ali Administratör", "demo-admin-2026"),
    ("auditor", "granskare", "Greta Granskare", "demo-granskare"),
    ("manager", "chef", "Maria Chef", "demo-chef-2026"),
    ("support_person", "stodperson", "Sam Stödperson", "demo-stodperson"),
]
PARTICIPANTS = [
    ("Anna", "person_sun"),
    ("Omar", "person_football"),
    ("Lisa", "person_cat"),
    # In a new step: a job since five weeks, Sam gives the support that goes on.
    ("Jonas", "person_rocket"),
]
# The made-up municipality: participants, and how many of them the demo case officer has.
MUNICIPALITY = 300
CASELOAD = 20
# As each has stated it; the statistics split by it. Lisa has not said.
GENDERS = {"Anna": "woman", "Omar": "man", "Jonas": "man"}


def seed() -> None:
    """Add whatever part of the demo data is missing; running it again changes nothing."""
    db = get_session()
    unit = db.exec(select(Unit).where(Unit.name == UNIT)).first()
    if unit is None:
        unit = Unit(name=UNIT)
        db.add(unit)
        save_changes()
    staff = {}
    for role, username, name, password in STAFF:
        person = accounts.find_by_username(username)
        if person is None:
            units = [unit.id] if role == Role.supervisor else []
            person = accounts.create(username, name, Role(role), password, unit_ids=units)
        staff[role] = person
    for first_name, picture in PARTICIPANTS:
        person = db.exec(
            select(Participant).where(
                Participant.first_name == first_name, Participant.unit_id == unit.id
            )
        ).first()
        if person is None:
            person = directory.create_participant(
                first_name, "sv", unit.id, staff["case_officer"].id, picture, created_by=None
            )
            person.gender = GENDERS.get(first_name)
            db.add(person)
            save_changes()
        if first_name == "Anna" and not meetings.not_held(person.id):
            _book_meeting_soon(person, staff["case_officer"])
        if first_name == "Anna":
            goals_demo.seed(person, staff["case_officer"], staff["supervisor"])
        if first_name == "Omar":
            wishes_demo.seed(person)
        if first_name == "Jonas" and new_step_demo.steps.latest(person) is None:
            new_step_demo.seed(person, staff["case_officer"], staff["support_person"])
        token = cards.demo_token(first_name)
        if (
            db.exec(
                select(LoginCard).where(LoginCard.token_hash == cards.token_hash(token))
            ).first()
            is None
        ):
            cards.issue(person, token=token)


def seed_municipality() -> None:
    """A made-up municipality beside the named demo people, generated once (`make run`), and
    counted at once for the statistics. The demo case officer has some of its people."""
    db = get_session()
    unit = db.exec(select(Unit).where(Unit.name == UNIT)).one()
    case_officer = accounts.find_by_username("handlaggare")
    if db.exec(select(Participant.id).where(Participant.unit_id != unit.id).limit(1)).first():
        return
    save_changes()
    datagen.generate(db.get_bind(), MUNICIPALITY, seed=24)
    active = db.exec(
        select(Participant)
        .where(Participant.unit_id != unit.id, Participant.ended_at.is_(None))
        .order_by(Participant.id)
        .limit(CASELOAD)
    ).all()
    for person in active:
        person.case_officer_id = case_officer.id
        db.add(person)
    save_changes()
    summary.rebuild()


def _book_meeting_soon(person: Participant, case_officer) -> None:
    """Anna's follow-up is in five days, so her check-in is open at once."""
    zone = local_zone()
    day = (datetime.now(zone) + timedelta(days=5)).date()
    db = get_session()
    db.add(
        FollowUp(
            participant_id=person.id,
            starts_at=datetime.combine(day, time(10, 0), tzinfo=zone),
            place=UNIT,
            created_by_id=case_officer.id,
        )
    )
    save_changes()


def logins() -> list[str]:
    """One line per demo login: `participant <name> <card-url>` or `staff <role> <user> <pw>`.
    A demo card that no longer works (replaced by a card printed in the app) says so instead."""
    db = get_session()
    lines = []
    for first_name, _picture in PARTICIPANTS:
        token = cards.demo_token(first_name)
        card = db.exec(select(LoginCard).where(LoginCard.token_hash == cards.token_hash(token)))
        card = card.first()
        if card is None:
            lines.append(
                f"# {first_name} has no demo card yet: run `flask --app app seed-demo` first."
            )
        elif card.status(utcnow()) != "active":
            lines.append(
                f"# {first_name}'s demo card is {card.status(utcnow())} (a new card was printed "
                f"in the app): log in as handledare and print {first_name} a card, or scan "
                "the one printed."
            )
        else:
            lines.append(f"participant {first_name} {cards.card_url(token)}")
    lines += [f"staff {role} {username} {password}" for role, username, _n, password in STAFF]
    return lines
