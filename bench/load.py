"""Load: many participants at once on gunicorn, beside a bare Flask page on the same machine.

Each simulated participant has a phone of its own (cookies) and a card of its own, and walks
the journey again and again: open the card, "Ja, det är jag", home, the check-in intro, every
question, "Jag är klar", thanks, log out. The yardstick is a bare page of the same stack (see
bench/bare.py) under the same number of users, served by gunicorn with the same settings
(gunicorn.conf.py, which the Procfile uses too). Both servers start once and are loaded in
turn:

- capacity: every user sends its next request as soon as the last one is answered, so the
  server is saturated; requests per second compare journey and bare page. This machine is
  shared and its speed drifts by a third within minutes, so journey and bare page take turns
  for BENCH_ROUNDS rounds and the table shows medians: the ratio is the median of the rounds'
  ratios, with the lowest and highest beside it;
- paced: every user waits 1–3 s between taps like a person does; latency is what they feel.

Beside each run, the CPU time each request cost, in milliseconds: in the server (gunicorn and its
workers), in PostgreSQL (all its processes, when it is the database), and in this load client.
They say where a ratio comes from: the client and the database share the two cores. For the
journey, also its req/s as whole check-ins (card to log-out) a minute, by the requests a
check-in took on average: the capacity in the terms a municipality counts in.

The load client runs on the same two cores as the server, so absolute figures are low; the
ratios are the point. Environment: BENCH_USERS (200), BENCH_SECONDS (15 per run),
BENCH_ROUNDS (3), BENCH_DATABASE_URL (PostgreSQL; skipped when the server cannot be reached).
"""

import asyncio
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from statistics import mean, median, quantiles
from typing import NamedTuple

import aiohttp
import psutil
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from bench import world

USERS = int(os.environ.get("BENCH_USERS", "200"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
WARM_UP = 3.0
PACE = (1.0, 3.0)
# gunicorn reads the rest of its settings from gunicorn.conf.py, as in the Procfile.
GUNICORN = ["--log-level", "warning"]

CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
QUESTION_FORM = re.compile(r'<form method="post" action="(/infor-motet/fraga/([\w-]+))"')
CHECK_IN = re.compile(r'name="check_in" value="(\d+)"')
CHOICE = re.compile(r'name="choice" value="([\w-]+)"')
ROOT = Path(__file__).resolve().parent.parent


class Abort(Exception):
    """The journey went wrong; it was counted as an error and starts over."""


class Recorder:
    def __init__(self):
        self.latencies: list[float] = []
        self.errors = 0
        self.check_in_sizes: list[int] = []  # requests each whole check-in took
        self.kinds: Counter[str] = Counter()
        self.start = self.end = 0.0

    def counting(self) -> bool:
        return self.start <= time.monotonic() <= self.end

    def summary(self, cpu: dict[str, float]) -> dict:
        window = self.end - self.start
        cuts = quantiles(self.latencies, n=100) if len(self.latencies) > 1 else [0.0] * 99
        requests = max(len(self.latencies), 1)
        return {
            "requests": len(self.latencies),
            "rps": len(self.latencies) / window,
            "p50": cuts[49] * 1000,
            "p95": cuts[94] * 1000,
            "p99": cuts[98] * 1000,
            # Whole check-ins end in waves longer than a run: count them by their requests.
            "check_ins_a_minute": len(self.latencies) / window * 60 / mean(self.check_in_sizes)
            if self.check_in_sizes
            else 0.0,
            "errors": self.errors,
            "kinds": dict(self.kinds.most_common(4)),
            # CPU milliseconds per request answered in the window, per part (CpuMeter.PARTS)
            "cpu": {part: seconds * 1000 / requests for part, seconds in cpu.items()},
        }


class CpuMeter:
    """CPU seconds used by the server's processes, PostgreSQL's (when `database` is it) and this
    client's. A process that starts between two readings counts from its start; one that ends
    is left out (SQLAlchemy's pool keeps its connections, so PostgreSQL's serving processes live
    through a run)."""

    PARTS = ("server", "database", "client")

    def __init__(self, server: psutil.Process, database: str):
        self.server, self.database = server, database

    def read(self) -> dict[str, dict[int, float]]:
        parts = {
            "server": [self.server, *self.server.children(recursive=True)],
            "client": [psutil.Process()],
            "database": [p for p in psutil.process_iter(["name"]) if p.info["name"] == "postgres"]
            if self.database == "postgresql"
            else [],
        }
        return {part: _cpu_seconds(processes) for part, processes in parts.items()}

    @staticmethod
    def between(first: dict, last: dict) -> dict[str, float]:
        return {
            part: sum(seconds - first[part].get(pid, 0.0) for pid, seconds in last[part].items())
            for part in last
        }


def _cpu_seconds(processes: list[psutil.Process]) -> dict[int, float]:
    seconds = {}
    for process in processes:
        with suppress(psutil.Error):  # it ended meanwhile
            times = process.cpu_times()
            seconds[process.pid] = times.user + times.system
    return seconds


class Phone:
    """One participant's phone: its own cookies, timing every request it makes."""

    def __init__(self, base: str, recorder: Recorder, pace):
        self.base, self.recorder, self.pace = base, recorder, pace
        # Let idle connections go before gunicorn's 2 s keep-alive ends them under our feet.
        self.session = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(keepalive_timeout=1.0),
        )
        self.csrf = ""
        self.sent = 0

    async def request(self, method: str, path: str, data=None, expect=(200,)) -> tuple:
        if self.pace:
            await asyncio.sleep(random.uniform(*self.pace))  # noqa: S311 (not security)
        started = time.monotonic()
        self.sent += 1
        try:
            async with self.session.request(
                method, self.base + path, data=data, allow_redirects=False
            ) as response:
                body = await response.text()
                status, location = response.status, response.headers.get("Location", "")
        except (aiohttp.ClientError, TimeoutError) as error:
            if self.recorder.counting():
                self.recorder.errors += 1
                self.recorder.kinds[type(error).__name__] += 1
            raise Abort from error
        if self.recorder.counting():
            self.recorder.latencies.append(time.monotonic() - started)
            if status not in expect:
                self.recorder.errors += 1
                self.recorder.kinds[f"{status} {re.sub(r'[0-9]+|/k/.+', '*', path)}"] += 1
        if status not in expect:
            raise Abort(f"{method} {path}: {status}")
        if match := CSRF.search(body):
            self.csrf = match[1]
        return body, location

    async def close(self):
        await self.session.close()


async def journey(phone: Phone, token: str, round_: int) -> None:
    """Card, home, a full check-in, log out."""
    phone.sent = 0
    await phone.request("GET", f"/k/{token}")
    _body, home = await phone.request(
        "POST", "/k", {"token": token, "csrf_token": phone.csrf}, (303,)
    )
    await phone.request("GET", home)
    await phone.request("GET", "/infor-motet")
    _body, path = await phone.request("GET", "/infor-motet/fortsatt", expect=(302, 303))
    if not path.startswith("/infor-motet/fraga/"):
        path = "/infor-motet/fraga/how_it_is"  # answered before: go through them all again
    while path.startswith("/infor-motet/fraga/"):
        body, _ = await phone.request("GET", path)
        action, key = QUESTION_FORM.search(body).groups()
        choices = [c for c in CHOICE.findall(body) if not (key == "feels_safe" and c == "no")]
        form = {
            "csrf_token": phone.csrf,
            "check_in": CHECK_IN.search(body)[1],
            "choice": choices[round_ % len(choices)],
        }
        _body, path = await phone.request("POST", action, form, (303,))
    body, _ = await phone.request("GET", "/infor-motet/svar")
    form = {"csrf_token": phone.csrf, "check_in": CHECK_IN.search(body)[1]}
    _body, thanks = await phone.request("POST", "/infor-motet/klar", form, (303,))
    await phone.request("GET", thanks)
    await phone.request("POST", "/logga-ut", {"csrf_token": phone.csrf}, (303,))
    phone.recorder.check_in_sizes.append(phone.sent)


async def walk(phone: Phone, token: str | None, stop: float) -> None:
    round_ = 0
    while time.monotonic() < stop:
        try:
            if token is None:
                await phone.request("GET", "/bare")
            else:
                await journey(phone, token, round_)
        except Abort:
            pass
        round_ += 1


async def load(server: "Server", tokens: list, seconds: float, pace) -> dict:
    recorder = Recorder()
    recorder.start = time.monotonic() + WARM_UP
    recorder.end = recorder.start + seconds
    phones = [Phone(server.base, recorder, pace) for _ in tokens]

    async def cpu_in_window() -> dict[str, float]:
        await asyncio.sleep(recorder.start - time.monotonic())
        first = server.meter.read()
        await asyncio.sleep(recorder.end - time.monotonic())
        return CpuMeter.between(first, server.meter.read())

    try:
        cpu, *_ = await asyncio.gather(
            cpu_in_window(),
            *(walk(p, t, recorder.end) for p, t in zip(phones, tokens, strict=True)),
        )
    finally:
        await asyncio.gather(*(p.close() for p in phones))
    return recorder.summary(cpu)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server(NamedTuple):
    base: str  # the address it serves, "http://127.0.0.1:port"
    meter: CpuMeter


@contextmanager
def gunicorn(app: str, url: str, probe: str) -> Iterator[Server]:
    """Serve `app` on a free port with gunicorn as the Procfile does."""
    port = free_port()
    env = {
        **os.environ,
        "FLASK_SECRET_KEY": world.SECRET,
        "FLASK_LOCAL_RUN": "1",
        "DATABASE_URL": url,
        # Every simulated phone comes from this one address.
        "FLASK_CARD_REDEEM_LIMIT": "1000000 per minute",
        "FLASK_CARD_LIMIT": "1000000 per minute",
    }
    command = [sys.executable, "-m", "gunicorn", *GUNICORN, "--bind", f"127.0.0.1:{port}", app]
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + probe, timeout=2):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"{app} did not start")
        yield Server(base, CpuMeter(psutil.Process(server.pid), make_url(url).get_backend_name()))
    finally:
        server.terminate()
        server.wait(timeout=30)


def bench_database(kind: str, folder: Path) -> tuple[str, list[str]]:
    url = world.fresh_database(kind, folder)
    from app import create_app

    app = create_app(world.config(url))
    tokens = world.seed_participants(app, USERS)
    app.extensions["db_engine"].dispose()
    return url, tokens


def run(kind: str) -> list[tuple]:
    with tempfile.TemporaryDirectory() as folder:
        url, tokens = bench_database(kind, Path(folder))
        with (
            gunicorn("app:create_app()", url, "/healthz") as product,
            gunicorn("bench.bare:create_app()", url, "/bare") as bare,
        ):
            rounds = [
                (
                    asyncio.run(load(product, tokens, SECONDS, None)),
                    asyncio.run(load(bare, [None] * USERS, SECONDS, None)),
                )
                for _ in range(ROUNDS)
            ]
            paced = (
                asyncio.run(load(product, tokens, SECONDS, PACE)),
                asyncio.run(load(bare, [None] * USERS, SECONDS, PACE)),
            )
    ratios = [journey["rps"] / bare["rps"] for journey, bare in rounds]
    capacity = tuple(combined([r[i] for r in rounds]) for i in (0, 1))
    return [
        (kind, f"capacity, {ROUNDS} rounds", *capacity, ratios),
        # Paced, both serve what the users ask for: a ratio of their req/s says nothing.
        (kind, "paced 1–3 s", *paced, []),
    ]


def combined(runs: list[dict]) -> dict:
    """Several runs of one page: the median of each figure, every error counted."""
    kinds: Counter[str] = Counter()
    for r in runs:
        kinds.update(r["kinds"])
    return {
        **{
            k: median(r[k] for r in runs)
            for k in ("rps", "p50", "p95", "p99", "check_ins_a_minute")
        },
        "cpu": {part: median(r["cpu"][part] for r in runs) for part in CpuMeter.PARTS},
        "errors": sum(r["errors"] for r in runs),
        "kinds": dict(kinds.most_common(4)),
    }


def table(rows) -> str:
    lines = [
        "| database | run | page | req/s | p50 ms | p95 ms | p99 ms | errors | journey/bare "
        "| CPU ms/req: server | PostgreSQL | client | check-ins a minute |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, mode, product, bare, ratios in rows:
        shown = f"{median(ratios):.0%}" if ratios else ""
        if len(ratios) > 1:
            shown += f" ({min(ratios):.0%}–{max(ratios):.0%})"
        for name, r, ratio in [("journey", product, shown), ("bare", bare, "")]:
            # Paced, the users ask for fewer than the server could end.
            check_ins = f"{r['check_ins_a_minute']:.0f}" if name == "journey" and ratios else ""
            lines.append(
                f"| {kind} | {mode} | {name} | {r['rps']:.0f} | {r['p50']:.0f} | {r['p95']:.0f} "
                f"| {r['p99']:.0f} | {r['errors']} | {ratio} "
                + "".join(
                    # No PostgreSQL in a SQLite run: a dash, not 0.00 ms.
                    "| – "
                    if part == "database" and kind != "postgresql"
                    else f"| {r['cpu'][part]:.2f} "
                    for part in CpuMeter.PARTS
                )
                + f"| {check_ins} |"
            )
    for kind, mode, product, bare, _ratios in rows:
        for name, r in [("journey", product), ("bare", bare)]:
            if r["kinds"]:
                lines.append(f"\nerrors, {kind} {mode} {name}: {r['kinds']}")
    goals = "goal: 0 errors, p95 < 100 ms when paced, journey ≥ 50 % of the bare page's req/s"
    return "\n".join([*lines, "", f"{USERS} users, {SECONDS:.0f} s per run. {goals}"])


def main() -> None:
    rows = run("sqlite")
    try:
        rows += run("postgresql")
    except (OSError, OperationalError) as error:
        print(f"PostgreSQL skipped (set BENCH_DATABASE_URL): {error}", file=sys.stderr)
    print("## Load: gunicorn, participant journey vs bare page\n\n" + table(rows))


if __name__ == "__main__":
    main()
