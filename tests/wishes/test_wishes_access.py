"""The access matrix for My wishes, checking the wish tables too: a refused request
leaves every wish, text and card as it was."""

import pytest

from tests import test_access
from tests.test_access import ACTORS, ROUTES, client_for, fill
from tests.wishes.conftest import table_counts

world = test_access.world  # the same people and records as the main matrix
WISH_ROUTES = sorted(endpoint for endpoint in ROUTES if endpoint.startswith("wishes."))


def test_every_wishes_route_is_in_the_matrix(app):
    endpoints = {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("wishes.")}
    assert endpoints == set(WISH_ROUTES)
    assert len(WISH_ROUTES) == 9


@pytest.mark.parametrize("endpoint", WISH_ROUTES)
def test_refused_requests_leave_the_wishes_as_they_were(app, db, world, login_as, endpoint):
    method, path, data, allowed = ROUTES[endpoint]
    url = fill(path, world["ids"])
    form = {key: fill(value, world["ids"]) for key, value in data.items()}
    for actor in [a for a in ACTORS if a not in allowed]:
        client = client_for(app, world, actor, login_as)
        before = table_counts(db)
        response = client.get(url) if method == "GET" else client.post(url, data=form)
        assert response.status_code in (302, 401, 403, 404), (actor, response.status_code)
        assert table_counts(db) == before, f"{actor} changed wishes through {endpoint}"
