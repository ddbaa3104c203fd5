"""The support person in the access matrix: Anna in a new step supported by support_person.
Her pages open to that person while the support lasts, her answers only with her consent;
another support person never sees her."""

from datetime import timedelta

import pytest

from app.consent.models import ConsentEvent
from app.models import Participant, StaffUser, utcnow
from app.new_step import steps
from app.new_step.models import StepKind
from tests.test_access import client_for, try_route, world  # noqa: F401 (the fixture)

ACTORS = sorted({"support_person", "support_person_elsewhere", "case_officer", "supervisor"})


def put_anna_in_a_step(in_request, db, world, consent: bool, months: int = 12):  # noqa: F811
    officer = world["staff"]["case_officer"]
    with in_request(officer) as session:
        anna = session.get(Participant, world["ids"]["anna"])
        coach = session.get(StaffUser, world["staff_ids"]["support_person"])
        plan = steps.StepPlan(StepKind.work, months, coach, [14])
        step = steps.start(anna, plan, session.get(StaffUser, officer.id))
        if consent:
            session.add(
                ConsentEvent(
                    participant_id=anna.id,
                    unit_id=anna.unit_id,
                    area="checkins",
                    given=True,
                    shared_with="support_person",
                    support_person_id=coach.id,
                )
            )
        if months == 0:
            step.support_until = utcnow() - timedelta(days=1)
            session.add(step)
        session.commit()


# Situation: (consent to the support person, months of support) -> who opens which page.
SITUATIONS = {
    "consent yes": (
        True,
        12,
        {
            "person": {"support_person"},
            "answers": {"support_person"},
            "hand_over": {"support_person"},
        },
    ),
    "consent no": (
        False,
        12,
        {"person": {"support_person"}, "answers": set(), "hand_over": {"support_person"}},
    ),
    "support period over": (True, 0, {"person": set(), "answers": set(), "hand_over": set()}),
}


@pytest.mark.parametrize("situation", sorted(SITUATIONS))
@pytest.mark.parametrize("page", ["person", "answers", "hand_over"])
def test_the_support_person_and_annas_step(app, db, world, in_request, situation, page):  # noqa: F811
    consent, months, allowed = SITUATIONS[situation]
    clients = {actor: client_for(app, world, actor) for actor in ACTORS}
    put_anna_in_a_step(in_request, db, world, consent, months)
    try_route(app, db, world, f"new_step.{page}", allowed[page], clients.get, actors=ACTORS)
