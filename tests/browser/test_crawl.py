"""The whole app in headless Chromium: each kind of page once per role, on a small phone
(320 px wide), in every language for the participant's pages and in Swedish and Arabic (right
to left) for staff pages.

Which pages a role has comes from following links from the role's start page with the test
client (`page_kinds`): the first address found for each endpoint of the app's URL map. New pages
are covered as soon as a link leads to them, and a page that no role reaches fails
`test_every_page_is_reached_by_some_role`.

On each page: axe finds nothing; every visible interactive element is at least 44×44 CSS px;
the page does not scroll sideways; the server answers below 500.

The one exemption from 44×44 is WCAG 2.5.5's "inline" exception: a link inside a sentence
(an inline <a> with words of the same sentence beside it), whose size the line of text sets.
Checkboxes and radio buttons count with their label, which is part of the same target.
"""

import pytest
from playwright.sync_api import expect

from app.i18n import LANGUAGES
from app.web import LOADED_WHOLE
from tests.languages.crawl import page_kinds
from tests.languages.seed import seed

from .conftest import axe_check

NARROW = {"width": 320, "height": 740}
MIN_TARGET = 44
# "step_participant" is Jonas, in a new step after daily activity (a job), with his own home.
ROLES = [
    "visitor",
    "participant",
    "step_participant",
    "supervisor",
    "case_officer",
    "admin",
    "manager",
    "auditor",
    "support_person",
]
PARTICIPANT_ROLES = {"participant", "step_participant"}
# Participants read their pages in any language; staff pages are checked in Swedish and in
# Arabic, which is right to left.
EVERY_LANGUAGE = {"visitor", "participant", "step_participant"}
STAFF_LANGUAGES = ["sv", "ar"]
STAFF_START = ["/personal/"]
# Pages a participant reaches by sending a form or making a choice rather than by a link, and
# the page the phone shows when it has no network.
PARTICIPANT_EXTRA = [
    "/infor-motet/trygg",
    "/infor-motet/tack",
    "/andra-vagar/iwork/veta-mer",
    "/andra-vagar/iwork/inte-nu",
    "/utan-nat",
]
# The same for a participant in a new step.
STEP_PARTICIPANT_EXTRA = ["/mitt-steg/tack"]
# Endpoints that are not pages a person opens by a link, and why.
NOT_LINKED = {
    "static": "files",
    "stats.static": "files",
    "home.health": "the health check, for the platform that runs the app",
    "display.service_worker": "the service worker's script, which app.js registers",
    "speech.audio_file": "read-aloud audio, which app.js plays from a page's data-say",
    # Steps of a staff login in progress, shown only between the password and the staff
    # home (or on the way to and back from the identity provider, when one is configured);
    # tests/browser/test_staff_identity_journeys.py takes each of them through axe.
    "identity.second_factor_code": "a step of logging in",
    "identity.recovery_code": "a step of logging in",
    "identity.set_up_second_factor": "a step of logging in",
    "identity.new_password": "a step of logging in",
    # Offered under Mitt konto once the code app is set up, which the crawl's staff have not
    # (a local run); tests/browser/test_passkey_journey.py checks it as the crawl does.
    "identity.add_passkey": "adding a passkey, after the code app",
    "identity.sso_start": "the way out to the identity provider",
    "identity.sso_return": "the way back from the identity provider",
}
CASES = [
    (role, code)
    for role in ROLES
    for code in (LANGUAGES if role in EVERY_LANGUAGE else STAFF_LANGUAGES)
]


def card_token(role, logins) -> str:
    """The card of the participant the role stands for."""
    return logins["jonas_token"] if role == "step_participant" else logins["anna_token"]


def starts(role, token) -> list[str]:
    if role == "visitor":
        return ["/", "/personal/logga-in", "/k/inte-jag"]
    if role == "participant":
        # The card's own page speaks the language the participant chose, whoever opens it.
        return ["/", *PARTICIPANT_EXTRA, f"/k/{token}"]
    if role == "step_participant":
        return ["/", *STEP_PARTICIPANT_EXTRA]
    return STAFF_START


SMALL_TARGETS = """(min) => {
  const targets = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[role=button], [tabindex]:not([tabindex="-1"])';
  const inSentence = (el) => el.tagName === 'A' && getComputedStyle(el).display === 'inline'
    && [...el.parentElement.childNodes].some(n => n !== el && n.textContent.trim()
      && (n.nodeType === Node.TEXT_NODE || getComputedStyle(n).display === 'inline'));
  const small = [];
  for (const el of document.querySelectorAll(targets)) {
    if (el.closest('[hidden], .visually-hidden') || !el.checkVisibility({opacityProperty: true,
        visibilityProperty: true})) continue;
    let r = el.getBoundingClientRect();
    if (!r.width || !r.height || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth) continue;
    if (inSentence(el)) continue;
    let width = r.width, height = r.height;
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels.length) {
      const rects = [r, ...[...el.labels].map(l => l.getBoundingClientRect())];
      width = Math.max(...rects.map(x => x.right)) - Math.min(...rects.map(x => x.left));
      height = Math.max(...rects.map(x => x.bottom)) - Math.min(...rects.map(x => x.top));
    }
    if (width < min - 0.5 || height < min - 0.5) {
      small.push(`${el.outerHTML.slice(0, 120)} is ${Math.round(width)}×${Math.round(height)}`);
    }
  }
  return small;
}"""

# The first element that sticks out to the right (or, right to left, to the left) of the screen.
STICKING_OUT = """() => {
  const width = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (el.closest('.skip-link, .visually-hidden')) continue;
    if (r.width && (r.right > width + 0.5 || r.left < -0.5)) {
      return `${el.outerHTML.slice(0, 120)} spans ${Math.round(r.left)}..${Math.round(r.right)}`;
    }
  }
  return '';
}"""


def log_in(page, role, logins, token):
    if role in PARTICIPANT_ROLES:
        page.goto(f"/k/{token}")
        page.locator("form[action='/k'] button[type=submit]").click()
        page.wait_for_url("**/")
    elif role != "visitor":
        username, password = logins[role]
        page.goto("/personal/logga-in")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("form[action='/personal/logga-in'] button[type=submit]").click()
        page.wait_for_url(lambda url: "/logga-in" not in url)


def log_in_client(client, role, logins, token):
    """The same person in the test client, to find their pages."""
    if role in PARTICIPANT_ROLES:
        assert client.post("/k", data={"token": token}).status_code == 303
    elif role != "visitor":
        username, password = logins[role]
        form = {"username": username, "password": password}
        assert client.post("/personal/logga-in", data=form).status_code == 303


def kinds_for(app, role, logins):
    client = app.test_client()
    token = card_token(role, logins)
    log_in_client(client, role, logins["staff"], token)
    return page_kinds(app, client, starts(role, token))


def choose_language(page, code):
    page.goto("/sprak")
    page.locator(f"main button[name=lang][value={code}]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def check_page(page, code) -> list[str]:
    """What is wrong with the page as it shows now (axe fails the test on its own)."""
    problems = []
    html = page.locator("html")
    if (html.get_attribute("lang"), html.get_attribute("dir")) != (code, LANGUAGES[code]["dir"]):
        problems.append("wrong lang or dir")
    problems += page.evaluate(SMALL_TARGETS, MIN_TARGET)
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > NARROW["width"]:
        problems.append(f"scrolls sideways: {width} px wide; {page.evaluate(STICKING_OUT)}")
    return problems


@pytest.mark.parametrize(("role", "code"), CASES)
def test_each_kind_of_page_passes_axe_has_big_targets_and_fits_320_px(
    app, live_server, new_page, role, code
):
    logins = seed(app)
    pages = kinds_for(app, role, logins).pages
    assert pages, f"{role} reaches no page"
    page = new_page()
    page.set_viewport_size(NARROW)
    log_in(page, role, logins["staff"], card_token(role, logins))
    choose_language(page, code)

    problems = {}
    for endpoint, path in pages.items():
        response = page.goto(path)
        assert response.status < 500, f"{path} ({endpoint}) answered {response.status}"
        axe_check(page)
        found = check_page(page, code)
        if found:
            problems[f"{path} ({endpoint})"] = found
    if problems:
        lines = [
            f"{path}:\n" + "\n".join(f"    {p}" for p in found) for path, found in problems.items()
        ]
        pytest.fail(f"{len(problems)} of {len(pages)} pages:\n" + "\n".join(lines), pytrace=False)


def unreached(app, logins) -> set[str]:
    """The GET endpoints of the app's URL map that no role reaches by links."""
    reached = set().union(*(kinds_for(app, role, logins).reached for role in ROLES))
    pages = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert not set(NOT_LINKED) - pages, "NOT_LINKED names an endpoint the app no longer has"
    return pages - reached - set(NOT_LINKED)


def test_every_page_is_reached_by_some_role(app):
    """A page no role reaches by links would escape the checks above: it fails here instead."""
    assert unreached(app, seed(app)) == set()


def test_a_new_page_without_a_link_to_it_is_caught(new_app):
    new_app.add_url_rule("/personal/ny-sida", "new_page", lambda: "<h1>Ny sida</h1>")
    assert unreached(new_app, seed(new_app)) == {"new_page"}


# A script in the page's <head> besides the one every page has.
OWN_SCRIPT = "head script[src]:not([src*='/js/app.'])"


def test_every_page_with_a_script_of_its_own_is_loaded_whole(app):
    """A boosted link keeps the first page's <head>, so a page that brings its own script is
    in web.LOADED_WHOLE (tests/test_web.py): else a link to it leaves the script out."""
    logins = seed(app)
    with_script = set()
    for role in ROLES:
        kinds = kinds_for(app, role, logins)
        with_script |= {
            endpoint
            for endpoint, path in kinds.pages.items()
            if kinds.parsed[path].select(OWN_SCRIPT)
        }
    assert {"staff.login", "speech.admin_record"} <= with_script
    assert with_script <= LOADED_WHOLE
