"""Steps that several browser journeys share, named after what a person does."""

from playwright.sync_api import expect

from app.card_login import cards
from app.db import get_session
from app.models import Participant
from tests.conftest import PASSWORD

from .conftest import has_javascript


def heading(page, text):
    """The page whose main heading is `text` is showing, and its htmx runs: htmx comes once
    the page has loaded, and a tap before that gets the page as without JavaScript."""
    expect(page.get_by_role("heading", level=1)).to_have_text(text)
    htmx_ready(page)


def htmx_ready(page, seconds=10):
    """Wait until htmx runs on the page (when the page has JavaScript)."""
    if not has_javascript(page):
        return
    for _ in range(seconds * 10):
        if page.evaluate("() => !!window.htmx"):
            return
        page.wait_for_timeout(100)
    raise AssertionError("htmx never ran")


KEPT = (
    "path => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
    ".then(c => c.match(path, {ignoreVary: true}))))).then(hits => hits.some(Boolean))"
)


def kept_by_the_service_worker(page, path, seconds=10):
    """Wait until the phone keeps `path` (fetched ahead by the page before it is needed).
    Asked again and again with evaluate(), which waits for the promise: wait_for_function takes
    a promise for a true value."""
    for _ in range(seconds * 10):
        if page.evaluate(KEPT, path):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the phone did not keep {path}")


def card_address(app, participant) -> str:
    """Issue a card for the participant and return its address, as the QR code holds it."""
    with app.test_request_context():
        _card, token = cards.issue(get_session().get(Participant, participant.id))
    return f"/k/{token}"


def log_in_as_staff(page, username, password=PASSWORD, axe_check=None):
    page.goto("/personal/logga-in")
    heading(page, "Logga in som personal")
    if axe_check:
        axe_check(page)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Logga in som personal")
    if axe_check:
        axe_check(page)


def log_in_with_card(page, address, name="Anna", axe_check=None):
    """Open the card's address, say "yes, it is me" and arrive home."""
    page.goto(address)
    heading(page, f"Är du {name}?")
    if axe_check:
        axe_check(page)
    page.get_by_role("button", name="Ja, det är jag").click()
    heading(page, f"Hej {name}!")
    if axe_check:
        axe_check(page)
