"""Fixtures: a service in use, and Anna logged in on her phone."""

import pytest

from .seed import seed


@pytest.fixture
def seeded(app):
    return seed(app)


@pytest.fixture
def anna_client(client, seeded):
    response = client.post("/k", data={"token": seeded["anna_token"]})
    assert response.status_code == 303
    return client
