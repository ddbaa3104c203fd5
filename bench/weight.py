"""Page weight: what a participant's phone downloads on a first visit to each page.

HTML and CSS together at most 15 KB gzip, our JavaScript and htmx at most 22 KB gzip (20 KB
until read-aloud from recordings and the server's voice and the retried answers added 1.4 KB),
at most 10 requests. Pictograms are left out of the budget: they are cached for a year under
fingerprinted names, and a page shows only the ones it needs.
"""

import gzip
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

KB = 1024
BUDGET = {"html_css": 15 * KB, "js": 22 * KB, "requests": 10}
PICTOGRAMS = "/static/pictograms/"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def gzipped(body: bytes) -> int:
    """Bytes on the wire with the compression a web server uses by default (gzip -6)."""
    return len(gzip.compress(body, compresslevel=6, mtime=0))


@dataclass
class Weight:
    path: str
    html: int = 0
    css: int = 0
    js: int = 0
    other: int = 0
    requests: int = 0
    pictograms: int = 0
    assets: list[str] = field(default_factory=list)

    @property
    def html_css(self) -> int:
        return self.html + self.css

    def over_budget(self) -> list[str]:
        faults = []
        if self.html_css > BUDGET["html_css"]:
            faults.append(f"HTML+CSS {self.html_css} B gzip > {BUDGET['html_css']}")
        if self.js > BUDGET["js"]:
            faults.append(f"JavaScript {self.js} B gzip > {BUDGET['js']}")
        if self.requests > BUDGET["requests"]:
            faults.append(f"{self.requests} requests > {BUDGET['requests']}")
        return faults


def subresources(html: str, base: str) -> list[tuple[str, str]]:
    """(kind, address) of everything the page makes the browser fetch at once."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for tag in soup.select("link[href]"):
        rel = {r.lower() for r in tag.get("rel", [])}
        if rel & {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            found.append(("css" if "stylesheet" in rel else "other", tag["href"]))
    found += [("js", tag["src"]) for tag in soup.select("script[src]")]
    # htmx, which app.js adds once the page has loaded.
    found += [("js", tag["data-htmx"]) for tag in soup.select("script[data-htmx]")]
    found += [("other", tag["src"]) for tag in soup.select("img[src], source[src]")]
    local = [(k, urljoin(base, a)) for k, a in found if not a.startswith("data:")]
    return list(dict.fromkeys(local))


def measure(client, path: str) -> Weight:
    """Fetch the page and everything it loads through a Flask test client, as a first visit."""
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 200, (path, response.status_code)
    final = response.request.path
    weight = Weight(path=final, html=gzipped(response.data), requests=1)
    queue = subresources(response.get_data(as_text=True), final)
    seen = set()
    while queue:
        kind, address = queue.pop(0)
        local = urlsplit(address).path
        if local in seen:
            continue
        seen.add(local)
        if local.startswith(PICTOGRAMS):
            weight.pictograms += 1
            continue
        asset = client.get(local)
        assert asset.status_code == 200, (local, asset.status_code)
        size = gzipped(asset.data)
        setattr(weight, kind, getattr(weight, kind) + size)
        weight.requests += 1
        weight.assets.append(local)
        if kind == "css":
            text = asset.get_data(as_text=True)
            for match in CSS_URL.finditer(text):
                queue.append(("other", urljoin(local, match[1] or match[2])))
        asset.close()
    return weight


def crawl(client, start: str, limit: int = 60) -> list[str]:
    """The participant's pages, found by following the links from `start` (GET only)."""
    skip = ("/static/", "/personal", "/admin", "/logga-ut", "/k/")
    pages, queue = [], [start]
    while queue and len(pages) < limit:
        path = queue.pop(0)
        if path in pages:
            continue
        response = client.get(path, follow_redirects=True)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        pages.append(path)
        path = response.request.path
        soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
        for link in soup.select("a[href]"):
            target = urlsplit(urljoin(path, link["href"]))
            if target.netloc or target.path.startswith(skip) or target.path in pages:
                continue
            queue.append(target.path)
    return pages


def heaviest_per_route(app, weights: list[Weight]) -> list[Weight]:
    """One row per kind of page (its route): the heaviest page of that kind."""
    adapter = app.url_map.bind("localhost")
    rows = {}
    for w in weights:
        endpoint = adapter.match(w.path)[0]
        if endpoint not in rows or w.html_css + w.js > rows[endpoint].html_css + rows[endpoint].js:
            rows[endpoint] = w
    return list(rows.values())


def table(weights: list[Weight]) -> str:
    lines = [
        "| page | HTML+CSS gzip | JS gzip | requests | pictograms | within budget |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for w in weights:
        verdict = "; ".join(w.over_budget()) or "yes"
        shown = re.sub(r"/k/.+", "/k/[card]", w.path)
        lines.append(
            f"| {shown} | {w.html_css / KB:.1f} KB | {w.js / KB:.1f} KB | {w.requests} "
            f"| {w.pictograms} | {verdict} |"
        )
    limits = f"budget: HTML+CSS ≤ 15 KB, JS ≤ 22 KB, ≤ {BUDGET['requests']} requests"
    return "\n".join([*lines, "", limits])


def main() -> None:
    """Seed a demo database, log in as Anna by her card, and weigh every page she can reach."""
    from bench.world import demo_app

    with demo_app() as (app, token):
        client = app.test_client()
        weights = [measure(client, f"/k/{token}")]
        csrf = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/sprak").text)[1]
        posted = client.post("/k", data={"token": token, "csrf_token": csrf})
        assert posted.status_code == 303, posted.status_code
        for path in crawl(client, "/"):
            fresh = app.test_client()  # a first visit: nothing cached
            fresh.set_cookie(*_cookie(client))
            weights.append(measure(fresh, path))
        weights = heaviest_per_route(app, weights)
    print("## Page weight (first visit, gzip -6)\n\n" + table(weights))


def _cookie(client):
    cookie = client.get_cookie("mina_steg")
    return cookie.key, cookie.value


if __name__ == "__main__":
    main()
