"""Fixtures of the administration tests."""

import pytest

from .records import fill_record


@pytest.fixture
def full_record(db, make_meeting, make_card):
    """full_record(person, case_officer): something in every part of the app for the person."""

    def fill(person, case_officer):
        return fill_record(db, make_meeting, make_card, person, case_officer)

    return fill
