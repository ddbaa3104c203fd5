"""The page-weight budget, measured on the real responses of every participant page."""

import re

import pytest

from bench.weight import BUDGET, measure
from tests.test_access import ROUTES, client_for, fill

PARTICIPANT_PAGES = sorted(
    endpoint
    for endpoint, (method, path, _data, allowed) in ROUTES.items()
    if method == "GET"
    and not re.search(r"\.\w+$", path)  # files such as the service worker, not pages
    and "participant" in allowed
    and not path.startswith(("/personal", "/admin", "/healthz"))
)


def test_the_budget_covers_the_participant_pages():
    assert {"home.index", "checkins.question", "card_login.confirm"} <= set(PARTICIPANT_PAGES)


@pytest.mark.parametrize("endpoint", PARTICIPANT_PAGES)
def test_first_visit_fits_the_budget(app, world, endpoint):
    _method, path, _data, _allowed = ROUTES[endpoint]
    client = client_for(app, world, "participant")
    weight = measure(client, fill(path, world["ids"]))
    assert weight.over_budget() == [], f"{endpoint}: {weight}"
    assert weight.html_css <= BUDGET["html_css"] and weight.requests >= 3


@pytest.mark.parametrize("endpoint", ["home.index", "checkins.question"])
def test_everything_a_page_loads_is_fingerprinted_and_kept_for_a_year(app, world, endpoint):
    _method, path, _data, _allowed = ROUTES[endpoint]
    client = client_for(app, world, "participant")
    weight = measure(client, fill(path, world["ids"]))
    assert weight.assets and weight.pictograms
    for address in weight.assets:
        response = client.get(address)
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", address
        response.close()
