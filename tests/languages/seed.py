"""A service in use, for pages to have something to show: the demo unit and staff, a manager
and an auditor, and Anna with a meeting soon, an open check-in with every question answered,
goals with steps, sorted wishes and an alternative she wants to know more about."""

from flask import g
from sqlmodel import select

from app import demo
from app.alternatives import interests
from app.alternatives.models import Alternative
from app.card_login import cards
from app.checkins import answers
from app.db import get_session
from app.meetings import meetings
from app.models import Participant, Role
from app.staff import accounts
from app.wishes import demo as wishes_demo
from tests.conftest import PASSWORD

# (question key, choices, own words): answers that make every question apply.
ANSWERS = [
    ("how_it_is", ["good"], ""),
    ("likes_tasks", ["sometimes"], ""),
    ("feels_safe", ["yes"], ""),
    ("try_new", ["internship", "job"], ""),
    ("goals", ["so_so"], ""),
    ("talk_about", ["my_tasks", "travel"], "Jag vill prata om bussen."),
    ("who_helped", ["supervisor"], ""),
    ("how_helped", ["read_aloud"], ""),
]


def seed(app) -> dict:
    """Fill the database; returns the logins: {role: (username, password)} and Anna's card."""
    with app.test_request_context():
        g.staff = None
        demo.seed()
        db = get_session()
        logins = {role: (username, password) for role, username, _n, password in demo.STAFF}
        for role in (Role.manager, Role.auditor):
            accounts.create(f"demo-{role}", f"Demo {role}", role, PASSWORD)
            logins[str(role)] = (f"demo-{role}", PASSWORD)
        anna = db.exec(select(Participant).where(Participant.first_name == "Anna")).one()
        wishes_demo.seed(anna)
        g.participant = anna
        interests.want_to_know_more(
            anna, db.exec(select(Alternative).where(Alternative.key == "iwork")).one()
        )
        check_in = answers.start(meetings.not_held(anna.id)[0])
        for key, chosen, text in ANSWERS:
            question = next(q for q in answers.question_set(check_in) if q["key"] == key)
            answers.record(check_in, question, chosen, text)
        return {
            "staff": logins,
            "anna_token": cards.demo_token("Anna"),
            "anna_id": anna.id,
            # Jonas is in a new step (a job), supported by the demo support person.
            "jonas_token": cards.demo_token("Jonas"),
        }
