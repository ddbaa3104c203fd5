"""Lighthouse (mobile settings) on a participant's home and a check-in question, logged in as
the demo participant Anna, served by gunicorn and audited with the system Chromium.

Needs `npm ci` in bench/ (make bench does it) and Chromium at CHROME_PATH (/usr/bin/chromium).
Each page is audited LIGHTHOUSE_ROUNDS (3) times, taking turns, and the table shows the run
with the median LCP: one run on a busy machine can be far off.
"""

import http.cookiejar
import json
import os
import re
import statistics
import subprocess
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from bench import world
from bench.load import gunicorn

HERE = Path(__file__).resolve().parent
PAGES = [("participant home", "/"), ("check-in question", "/infor-motet/fraga/how_it_is")]
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
ROUNDS = int(os.environ.get("LIGHTHOUSE_ROUNDS", "3"))


def card_login(base: str, token: str) -> str:
    """Open the card and say yes, like a phone; returns the login cookie as a header value."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(f"{base}/k/{token}").read().decode()
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', html)[1]
    form = urllib.parse.urlencode({"token": token, "csrf_token": csrf}).encode()
    opener.open(f"{base}/k", data=form)
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def warm_up(url: str, cookie: str, times: int = 8) -> None:
    """Ask for the page a few times first: a server that has just started works out its
    templates and caches on its first requests, which no phone meets in real use."""
    for _ in range(times):
        request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
        with urllib.request.urlopen(request) as response:  # noqa: S310
            response.read()


def audit(url: str, cookie: str) -> dict:
    command = [
        str(HERE / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        "--only-categories=performance,accessibility",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--extra-headers={json.dumps({'Cookie': cookie})}",
    ]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(2):  # Chromium on a busy machine now and then fails to start: once more
        result = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, env=env, timeout=300, check=attempt == 1
        )
        if result.returncode == 0:
            break
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(report["runtimeError"])
    final = report.get("finalDisplayedUrl", url)
    categories = report["categories"]
    audits = report["audits"]
    return {
        "final": final,
        "performance": round(categories["performance"]["score"] * 100),
        "accessibility": round(categories["accessibility"]["score"] * 100),
        "fcp": audits["first-contentful-paint"]["displayValue"],
        "lcp": audits["largest-contentful-paint"]["displayValue"],
        "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
        "tbt": audits["total-blocking-time"]["displayValue"],
        "cls": audits["cumulative-layout-shift"]["displayValue"],
        "lcp_element": _lcp_element(audits),
    }


def _lcp_element(audits: dict) -> str:
    """What the largest paint was: the element's CSS selector, as Lighthouse names it."""
    for item in (
        audits.get("largest-contentful-paint-element", {}).get("details", {}).get("items", [])
    ):
        for row in item.get("items", []):
            if "node" in row:
                return row["node"].get("selector", "")
    return ""


def median_run(results: list[dict]) -> dict:
    """The run whose LCP is the median, with the rounds' median performance score."""
    ordered = sorted(results, key=lambda r: r["lcp_ms"])
    run = dict(ordered[(len(ordered) - 1) // 2])
    run["performance"] = round(statistics.median(r["performance"] for r in results))
    run["lcps"] = ", ".join(f"{r['lcp_ms'] / 1000:.2f}" for r in results)
    return run


def main() -> None:
    from app import create_app, demo
    from app.card_login import cards

    with tempfile.TemporaryDirectory() as folder:
        url = world.fresh_database("sqlite", Path(folder))
        app = create_app(world.config(url))
        with app.test_request_context("/"):
            demo.seed()
            token = cards.demo_token("Anna")
        app.extensions["db_engine"].dispose()
        with gunicorn("app:create_app()", url, "/healthz") as server:
            base = server.base
            cookie = card_login(base, token)
            runs = {path: [] for _, path in PAGES}
            for _ in range(ROUNDS):
                for _, path in PAGES:
                    warm_up(base + path, cookie)
                    result = audit(base + path, cookie)
                    assert urllib.parse.urlsplit(result["final"]).path == path, result["final"]
                    runs[path].append(result)
            rows = [(name, path, median_run(runs[path])) for name, path in PAGES]
    lines = [
        "| page | performance | accessibility | FCP | LCP | LCP of each run (s) | TBT | CLS "
        "| largest element |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- |",
    ]
    for name, path, r in rows:
        lines.append(
            f"| {name} ({path}) | {r['performance']} | {r['accessibility']} | {r['fcp']} "
            f"| {r['lcp']} | {r['lcps']} | {r['tbt']} | {r['cls']} | `{r['lcp_element']}` |"
        )
    title = f"## Lighthouse, mobile (simulated slow 4G, 4x CPU slowdown), median of {ROUNDS} runs"
    print(title + "\n\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
