"""Every route of the access matrix: security headers, no caching of personal pages, and no
personal data in any address a page links to or redirects to."""

import re

import pytest
from bs4 import BeautifulSoup
from sqlmodel import select

from app import fingerprint, web
from app.extensions import limiter
from app.models import Participant, StaffUser
from tests.test_access import ROUTES, STAFF, client_for, fill

URL_ATTRIBUTES = ["href", "src", "action", "formaction", "hx-get", "hx-post", "hx-put"]
# The card's own address holds its secret by design: it is what the QR code says.
CARD_ADDRESS = "card_login.confirm"
CARD_SECRET = re.compile(r"/k/[A-Za-z0-9_-]{22}")


def actor_for(allowed: set[str]) -> str:
    for actor in ["participant", "supervisor", "case_officer", "admin", *sorted(STAFF)]:
        if actor in allowed:
            return actor
    return "anonymous"


def request(app, db, world, endpoint):
    method, path, data, allowed = ROUTES[endpoint]
    limiter.reset()
    client = client_for(app, world, actor_for(allowed))
    url = fill(path, world["ids"])
    if method == "GET":
        return client.get(url)
    return client.post(url, data={k: fill(v, world["ids"], db) for k, v in data.items()})


def linked_addresses(response) -> list[str]:
    addresses = [response.headers.get("Location", "")]
    if response.mimetype == "text/html":
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        for attribute in URL_ATTRIBUTES:
            addresses += [tag[attribute] for tag in soup.select(f"[{attribute}]")]
    return [a for a in addresses if a and not a.startswith("data:")]


def personal_words(db, world) -> list[str]:
    """What would identify a person or let someone log in as them."""
    names = [p.first_name for p in db.exec(select(Participant))]
    staff = [(s.username, s.display_name) for s in db.exec(select(StaffUser))]
    return [*names, *(w for pair in staff for w in pair), *world["tokens"].values()]


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_every_route_sends_the_security_headers(app, db, world, endpoint):
    app.config["LOCAL_RUN"] = False  # as deployed: HSTS even before the proxy says https
    response = request(app, db, world, endpoint)
    assert response.status_code < 500
    headers = response.headers

    csp = dict(d.strip().split(" ", 1) for d in headers["Content-Security-Policy"].split(";"))
    scripts = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    assert csp["object-src"] == "'none'" and csp["frame-ancestors"] == "'none'"
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    # A fingerprinted address (read-aloud audio) holds nobody's data and never changes.
    kept = endpoint in web.FINGERPRINTED
    assert headers["Cache-Control"] == (fingerprint.IMMUTABLE if kept else "no-store")

    if response.mimetype == "text/html":
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        assert not [s for s in soup.select("script") if not s.get("src")], "inline script"
        handlers = [
            t.name for t in soup.find_all(lambda t: any(a.startswith("on") for a in t.attrs))
        ]
        assert not handlers, f"inline event handlers on {handlers}"
        assert not soup.select("[hx-on], [style]"), "hx-on or inline style"


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_no_personal_data_in_any_address(app, db, world, endpoint):
    response = request(app, db, world, endpoint)
    words = personal_words(db, world)
    for address in linked_addresses(response):
        if endpoint == CARD_ADDRESS and address.startswith("/k/"):
            continue
        assert not CARD_SECRET.search(address), (endpoint, address)
        for word in words:
            assert not re.search(rf"\b{re.escape(word)}\b", address), (endpoint, address)
