"""Walking the app as a person does: following the links on each page, breadth first.

Shared by the readability and right-to-left tests (through the test client) and the browser
crawl, which visits one address per kind of page (`page_kinds`). Only same-site GET links are
followed; logging out, files and the health check are not.
"""

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlencode, urlsplit

from bs4 import BeautifulSoup
from werkzeug.exceptions import HTTPException

from app.speech.texts import key

# Enough for every page of every role today, with room for the pages still to come.
PAGE_CAP = 250
SKIPPED = ("/logga-ut", "/static/", "/healthz")
# The recording page of every fixed text in every language (some 600) is one page: the crawl
# visits the one for the Swedish "Bra", which every language's list leads to.
RECORDING_PAGE = re.compile(r"/admin/ljud/[^/]+/[0-9a-f]{20}$")
ONE_RECORDING_PAGE = f"/admin/ljud/sv/{key('Bra')}"


def worth_following(path: str) -> bool:
    """A page of the app to visit: not a file, not the way out."""
    if RECORDING_PAGE.match(path) and path != ONE_RECORDING_PAGE:
        return False
    return path.startswith("/") and not path.startswith("//") and not path.startswith(SKIPPED)


def links_on(soup: BeautifulSoup) -> list[str]:
    """The paths of the same-site links on a page, in order, without #fragments."""
    found = []
    for link in soup.select("a[href]"):
        if link.has_attr("download"):
            continue
        href = urldefrag(link["href"]).url
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        if href and worth_following(href) and href not in found:
            found.append(href)
    return found


def crawl(client, starts, cap=PAGE_CAP) -> dict[str, BeautifulSoup]:
    """Every HTML page reachable from `starts` by GET links: {path: parsed page}."""
    pages, queue, seen = {}, deque(starts), set(starts)
    while queue and len(pages) < cap:
        path = queue.popleft()
        response = client.get(path, follow_redirects=True)
        if not response.content_type.startswith("text/html"):
            continue
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        pages[path] = soup
        for link in links_on(soup):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert len(pages) < cap, f"the crawl stopped at {cap} pages: raise PAGE_CAP"
    return pages


def endpoint_of(app, path: str) -> str | None:
    """The view that answers a GET of `path` (None for an address the app does not have)."""
    try:
        endpoint, _args = app.url_map.bind("localhost").match(urlsplit(path).path, method="GET")
    except HTTPException:
        return None
    return endpoint


@dataclass
class PageKinds:
    """What a person can reach by links: one address per kind of HTML page, in the order they
    are found ({endpoint: address}), each parsed ({address: page}), and every endpoint reached
    (downloads and redirects too)."""

    pages: dict[str, str] = field(default_factory=dict)
    parsed: dict[str, BeautifulSoup] = field(default_factory=dict)
    reached: set[str] = field(default_factory=set)


def page_kinds(app, client, starts) -> PageKinds:
    """Walk from `starts` by GET links, following each kind of page (endpoint) once."""
    found, queue, seen = PageKinds(), deque(starts), set(starts)
    while queue:
        path = queue.popleft()
        endpoint = endpoint_of(app, path)
        if endpoint is None or endpoint in found.reached:
            continue
        found.reached.add(endpoint)
        response = client.get(path)
        if response.status_code in (301, 302, 303, 307, 308):
            location = urlsplit(response.headers["Location"])
            links = [location._replace(scheme="", netloc="").geturl()]
        elif response.status_code == 200 and response.content_type.startswith("text/html"):
            found.pages[endpoint] = path
            soup = found.parsed[path] = BeautifulSoup(
                response.get_data(as_text=True), "html.parser"
            )
            links = links_on(soup) + downloads_on(soup) + get_forms_on(soup)
        else:
            continue
        for link in links:
            if link not in seen and worth_following(link):
                seen.add(link)
                queue.append(link)
    return found


def downloads_on(soup: BeautifulSoup) -> list[str]:
    return [urldefrag(a["href"]).url for a in soup.select("a[href][download]")]


def get_forms_on(soup: BeautifulSoup) -> list[str]:
    """The address each GET form on the page leads to when sent as it stands (the first choice
    of each list), as a person looking up a report would."""
    found = []
    for form in soup.select("form[action]"):
        if form.get("method", "get").lower() != "get" or not form["action"].startswith("/"):
            continue
        fields = []
        for control in form.select("input[name], select[name]"):
            if control.name == "select":
                option = control.select_one("option[selected]") or control.select_one("option")
                fields.append((control["name"], option.get("value", option.text) if option else ""))
            elif control.get("type") not in ("submit", "checkbox", "radio") or control.has_attr(
                "checked"
            ):
                fields.append((control["name"], control.get("value", "")))
        found.append(f"{form['action']}?{urlencode(fields)}" if fields else form["action"])
    return found
