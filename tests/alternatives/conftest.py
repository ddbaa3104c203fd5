"""Fixtures for Other paths: Anna with her case officer Karin, logged in on her phone."""

import pytest
from sqlmodel import select

from app.alternatives.models import Alternative, AlternativeInterest, InterestFollowUp


@pytest.fixture
def karin(make_staff):
    staff = make_staff("case_officer", username="karin")
    return staff


@pytest.fixture
def anna(make_participant, karin):
    return make_participant("Anna", case_officer=karin)


@pytest.fixture
def anna_client(client, anna, login_participant):
    login_participant(client, anna)
    return client


@pytest.fixture
def karin_client(app, karin, login_as):
    client = app.test_client()
    login_as(client, karin)
    return client


@pytest.fixture
def alternative(db):
    def get(key="iwork"):
        db.expire_all()
        return db.exec(select(Alternative).where(Alternative.key == key)).one()

    return get


@pytest.fixture
def interests_of(db):
    def rows(participant):
        db.expire_all()
        return list(
            db.exec(
                select(AlternativeInterest)
                .where(AlternativeInterest.participant_id == participant.id)
                .order_by(AlternativeInterest.id)
            )
        )

    return rows


@pytest.fixture
def follow_ups(db):
    def rows():
        db.expire_all()
        return list(db.exec(select(InterestFollowUp).order_by(InterestFollowUp.id)))

    return rows
