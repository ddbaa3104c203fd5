"""Fixtures for My goals: Anna with her case officer Karin and supervisor Sara."""

import pytest

from tests.goals.helpers import make_goal


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    other_officer = make_staff("case_officer", username="kalle")
    sara = make_staff("supervisor", units=[unit], username="sara")
    admin = make_staff("admin", username="ali")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    return {
        "unit": unit, "karin": karin, "kalle": other_officer, "sara": sara, "admin": admin,
        "anna": anna,
    }  # fmt: skip


@pytest.fixture
def goal(db, people):
    """Anna's goal with one step: {"goal": id, "step": id}."""
    return make_goal(db, people["anna"].id, people["karin"].id)
