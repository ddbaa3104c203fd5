"""The whole app in headless Chromium: every role, every language, every page reachable by
links from the role's start page, on a small phone (320 px wide).

On each page: axe finds nothing; every visible interactive element is at least 44×44 CSS px;
the page does not scroll sideways. New pages are covered as soon as a link leads to them.

The one exemption from 44×44 is WCAG 2.5.5's "inline" exception: a link inside a sentence
(an inline <a> with words of the same sentence beside it), whose size the line of text sets.
Checkboxes and radio buttons count with their label, which is part of the same target.
"""

from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import expect

from app.i18n import LANGUAGES
from tests.languages.crawl import PAGE_CAP, worth_following
from tests.languages.seed import seed

from .conftest import axe_check

NARROW = {"width": 320, "height": 740}
MIN_TARGET = 44
ROLES = ["visitor", "participant", "supervisor", "case_officer", "admin", "manager", "auditor"]
START = {"visitor": ["/", "/personal/logga-in"], "participant": ["/"]}
STAFF_START = ["/personal/"]
# Pages a participant reaches by sending a form rather than by a link.
PARTICIPANT_EXTRA = ["/infor-motet/trygg", "/infor-motet/tack", "/andra-vagar/iwork/veta-mer"]

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

LINKS = """() => [...document.querySelectorAll('a[href]:not([download])')].map(a => a.href)"""


def log_in(page, role, logins, anna_token):
    if role == "participant":
        page.goto(f"/k/{anna_token}")
        page.locator("form[action='/k'] button[type=submit]").click()
        page.wait_for_url("**/")
    elif role != "visitor":
        username, password = logins[role]
        page.goto("/personal/logga-in")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(lambda url: "/logga-in" not in url)


def choose_language(page, code):
    page.goto("/sprak")
    page.locator(f"main button[name=lang][value={code}]").click()
    expect(page.locator("html")).to_have_attribute("lang", code)


def same_site_path(url, base) -> str | None:
    parts = urlsplit(urldefrag(url).url)
    if f"{parts.scheme}://{parts.netloc}" != base:
        return None
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path if worth_following(path) else None


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


@pytest.mark.parametrize("code", list(LANGUAGES))
@pytest.mark.parametrize("role", ROLES)
def test_every_page_passes_axe_has_big_targets_and_fits_320_px(
    app, live_server, new_page, role, code
):
    logins = seed(app)
    page = new_page()
    page.set_viewport_size(NARROW)
    log_in(page, role, logins["staff"], logins["anna_token"])
    choose_language(page, code)

    starts = START.get(role, STAFF_START)
    if role == "participant":
        starts = starts + PARTICIPANT_EXTRA
    queue, seen, problems, visited = list(starts), set(starts), {}, 0
    while queue:
        path = queue.pop(0)
        response = page.goto(path)
        if not response or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        visited += 1
        assert visited < PAGE_CAP, f"the crawl reached {PAGE_CAP} pages: raise PAGE_CAP"
        axe_check(page)
        found = check_page(page, code)
        if found:
            problems[path] = found
        for url in page.evaluate(LINKS):
            link = same_site_path(url, live_server)
            if link and link not in seen:
                seen.add(link)
                queue.append(link)
    assert visited >= len(starts)
    if problems:
        lines = [
            f"{path}:\n" + "\n".join(f"    {p}" for p in found) for path, found in problems.items()
        ]
        pytest.fail(f"{len(problems)} of {visited} pages:\n" + "\n".join(lines), pytrace=False)
