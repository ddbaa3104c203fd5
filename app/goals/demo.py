"""Demo goals: Anna's order has two goals, and the plan has steps for the first one only,
so the mismatch flag shows on the staff pages at once."""

from datetime import date, timedelta

from sqlmodel import select

from ..db import get_session
from ..models import Participant, StaffUser
from . import order, plan
from .models import Goal

GOALS = [
    order.Wording(
        easy_text="Jag vill jobba i ett kafé två dagar i veckan.",
        formal_text=(
            "Anna ska utveckla sin arbetsförmåga i kaféverksamhet med målet att arbeta "
            "två dagar i veckan."
        ),
        measure="Anna arbetar i kaféet två hela dagar i veckan under en månad.",
        due=None,
        pictogram="cafe",
        sub_goals=("Lära sig kassan", "Åka buss själv till kaféet"),
    ),
    order.Wording(
        easy_text="Jag vill åka buss själv.",
        formal_text="Anna ska kunna resa självständigt med kollektivtrafik till verksamheten.",
        measure="Anna har åkt buss själv till verksamheten fem gånger.",
        due=None,
        pictogram="travel",
        sub_goals=(),
    ),
]
STEPS = [
    ("Besöka kaféet och träffa chefen.", "me", 7),
    ("Prata med kaféet om vilka dagar.", "supervisor", 14),
    ("Prova att jobba en dag i kaféet.", "me", 28),
]


def seed(person: Participant, case_officer: StaffUser, supervisor: StaffUser) -> None:
    """Anna's goals and steps, once: nothing is added when she already has goals."""
    db = get_session()
    if db.exec(select(Goal.id).where(Goal.participant_id == person.id)).first() is not None:
        return
    today = date.today()
    goals = [
        order.create(
            person,
            order.Wording(**{**wording.__dict__, "due": today + timedelta(days=180)}),
            by=case_officer,
        )
        for wording in GOALS
    ]
    for what, who, days in STEPS:
        plan.add(person, goals[0], what, who, "", today + timedelta(days=days), by=supervisor)
