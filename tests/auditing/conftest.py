"""Fixtures for the access reports: Anna, her case officer, her supervisor and an auditor."""

import pytest


@pytest.fixture
def people(make_unit, make_staff, make_participant):
    unit = make_unit("Kaféet")
    karin = make_staff("case_officer", username="karin")
    sara = make_staff("supervisor", units=[unit], username="sara")
    greta = make_staff("auditor", username="greta")
    anna = make_participant("Anna", unit=unit, case_officer=karin)
    bo = make_participant("Bo", unit=unit, case_officer=karin, pictogram="person_cat")
    return {"unit": unit, "karin": karin, "sara": sara, "greta": greta, "anna": anna, "bo": bo}
