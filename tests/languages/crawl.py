"""Walking the app as a person does: following the links on each page, breadth first.

Shared by the readability and right-to-left tests (through the test client) and the browser
crawl. Only same-site GET links are followed; logging out, files and the health check are not.
"""

from collections import deque
from urllib.parse import urldefrag, urlsplit

from bs4 import BeautifulSoup

# Enough for every page of every role today, with room for the pages still to come.
PAGE_CAP = 250
SKIPPED = ("/logga-ut", "/static/", "/healthz")


def worth_following(path: str) -> bool:
    """A page of the app to visit: not a file, not the way out."""
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
