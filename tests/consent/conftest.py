"""Fixtures for consent: Anna with her case officer Karin and her supervisor Sara."""

import pytest
from sqlmodel import select

from app.consent.models import ConsentEvent


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    sara = make_staff("supervisor", units=[unit], username="sara")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    return {"unit": unit, "karin": karin, "sara": sara, "anna": anna}


@pytest.fixture
def consents(db):
    """Every consent row of a participant, oldest first, as (area, given, helper_id)."""

    def rows(participant):
        db.expire_all()
        found = db.exec(
            select(ConsentEvent)
            .where(ConsentEvent.participant_id == participant.id)
            .order_by(ConsentEvent.id)
        )
        return [(c.area, c.given, c.helper_id) for c in found]

    return rows
