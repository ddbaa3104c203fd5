"""Browser fixtures: Debian's Chromium driven by Playwright against the app on a live server.

Every page a test visits should be checked with `axe_check`. The app's Content-Security-Policy
stays on: axe-core is put into every page a test's browser loads with Playwright's
`add_init_script`, which runs over the DevTools protocol and is not subject to the page's CSP
(a <script> tag would be blocked). Injected once per page load rather than before each check,
and asked for violations only, a check costs less than half as much.
"""

import functools
import os
import re
import threading
import weakref
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from app.speech.models import SpokenAudio

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A microphone that plays a steady tone, for the recorder (test_recording_journey.py).
    "--use-fake-device-for-media-stream",
]
PHONE = {"width": 360, "height": 740}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE_SCRIPT = Axe().axe_script
# Pages whose context has JavaScript turned off: axe cannot run there (see axe_check).
_without_javascript = weakref.WeakSet()


def has_javascript(page) -> bool:
    return page not in _without_javascript


# The browser -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file() or not os.access(CHROMIUM, os.X_OK):
        message = (
            f"The browser tests need Debian's Chromium at {CHROMIUM} "
            "(run `make chromium`, or set SKIP_BROWSER_TESTS=1 to skip them)."
        )
        if os.environ.get("SKIP_BROWSER_TESTS") == "1":
            pytest.skip(message)
        pytest.fail(message, pytrace=False)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


# The app, served for real ------------------------------------------------------------------


class Answering:
    """The app, counting the requests it is answering: a request still on its way when the test
    ends (a phone sending an answer again) must be done before the database is put back."""

    def __init__(self, app):
        self.app = app
        self.open = 0
        self.changed = threading.Condition()

    def __call__(self, environ, start_response):
        with self.changed:
            self.open += 1
        try:
            return list(self.app(environ, start_response))
        finally:
            with self.changed:
                self.open -= 1
                self.changed.notify_all()

    def wait_until_done(self, seconds=10):
        with self.changed:
            assert self.changed.wait_for(lambda: self.open == 0, timeout=seconds)


@pytest.fixture(scope="session")
def kept_audio() -> list[dict]:
    """The server voice's audio that earlier browser tests of this test process made.

    It stays made from one browser test to the next, as it stays in the app's database from one
    day to the next: a phone keeps the audio of every participant page it keeps, and making it
    again in each test (espeak-ng and ffmpeg for every text) cost more than the rest of those
    tests. Making it is tested in tests/speech/, and by the first browser test of each process.
    """
    return []


SPOKEN_AUDIO = SpokenAudio.__table__
AUDIO_COLUMNS = [column for column in SPOKEN_AUDIO.columns if column.name != "id"]


@pytest.fixture
def live_server(app, kept_audio):
    """The test's app (with its fresh database) on a real port; yields the base URL."""
    engine = app.extensions["db_engine"]
    if kept_audio:
        with engine.begin() as connection:
            connection.execute(SPOKEN_AUDIO.insert(), kept_audio)
    answering = Answering(app)
    server = make_server("127.0.0.1", 0, answering, threaded=True)
    # It looks for a shutdown every 50 ms (0.5 s by default): each test waits that long at its end.
    serve = functools.partial(server.serve_forever, poll_interval=0.05)
    thread = threading.Thread(target=serve, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        answering.wait_until_done()
        with engine.connect() as connection:
            kept_audio[:] = [row._asdict() for row in connection.execute(select(*AUDIO_COLUMNS))]


# People with their own browser -------------------------------------------------------------


class BrowserPeople:
    """Makes a page in a fresh browser context for each person (their own phone or computer).

    Console errors (CSP violations among them) and uncaught page errors are collected and
    fail the test at teardown, except those a test says it expects.
    """

    def __init__(self, browser, base_url):
        self.browser = browser
        self.base_url = base_url
        self.contexts = []
        self.problems = []
        self.expected = []

    def __call__(self, *, java_script_enabled=True):
        context = self.browser.new_context(
            base_url=self.base_url,
            viewport=PHONE,
            locale="sv-SE",
            java_script_enabled=java_script_enabled,
        )
        context.set_default_timeout(10_000)
        if java_script_enabled:
            context.add_init_script(script=AXE_SCRIPT)
        self.contexts.append(context)
        page = context.new_page()
        if not java_script_enabled:
            _without_javascript.add(page)
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))
        return page

    def expect_console_error(self, pattern: str):
        """Say that a console error matching `pattern` is part of the journey (say, a 404)."""
        self.expected.append(re.compile(pattern))

    def _console(self, page, message):
        if message.type != "error":
            return
        text = f"{message.text} (at {message.location.get('url') or page.url})"
        if not any(pattern.search(text) for pattern in self.expected):
            self.problems.append(text)

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def new_page(browser, live_server):
    """new_page(java_script_enabled=True): a page in a new browser context of its own."""
    people = BrowserPeople(browser, live_server)
    yield people
    people.close()
    if people.problems:
        pytest.fail(
            "The browser reported errors:\n" + "\n".join(f"- {p}" for p in people.problems),
            pytrace=False,
        )


# Accessibility -----------------------------------------------------------------------------


def axe_check(page) -> None:
    """Run axe on the page as it is now and fail with a readable list of any violations."""
    if page in _without_javascript:
        # page.evaluate still works there, but timers never fire, so axe.run() would hang.
        pytest.fail(
            "axe cannot run on a page with JavaScript turned off: check its structure instead.",
            pytrace=False,
        )
    violations = page.evaluate(
        "options => axe.run(document, options).then(results => results.violations)", AXE_OPTIONS
    )
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url}:"]
        for violation in violations:
            lines.append(
                f"- {violation['id']} ({violation['impact']}): {violation['help']}"
                f" <{violation['helpUrl']}>"
            )
            for node in violation["nodes"]:
                lines.append(f"    at {', '.join(map(str, node['target']))}")
                if node.get("failureSummary"):
                    summary = node["failureSummary"].replace("\n", "\n      ")
                    lines.append(f"      {summary}")
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.fixture(name="axe_check")
def axe_check_fixture():
    return axe_check
