"""Soak: the paced check-in journey for a long time while parts of the server fail.

SOAK_USERS participants (100) walk the journey of bench/load.py, 1–3 s between taps, for
SOAK_MINUTES (30), on gunicorn (gunicorn.conf.py) and a PostgreSQL cluster of the soak's own,
which is restarted every SOAK_RESTART_MINUTES (5) while one gunicorn worker is killed with
kill -9 every SOAK_KILL_MINUTES (7); the first of each comes at half its interval.

Each simulated phone behaves as the real one (app/static/js/app.js): every answer carries a key
of its own; an answer refused with 503 or cut off by a dropped connection is kept on the phone
and sent again with the same key after Retry-After seconds, while the participant goes on to
the next question. A page that fails is asked for again after Retry-After seconds.

At the end the phones send what they still keep, and the answers they believe saved are
compared, key by key, with the rows in the database: goal 0 lost, 0 stored twice, 0 errors
(500s) seen by participants. The table also gives p95 and the server's memory at start and end.
`make soak` (or `python -m bench.soak`) runs it; `make bench` does not.
"""

import asyncio
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from contextlib import suppress
from pathlib import Path
from statistics import quantiles
from urllib.parse import urlsplit

import aiohttp
from sqlalchemy import text

from app import create_app
from app.db import make_engine
from bench import world
from tests.outage.servers import Gunicorn, PostgreSQL

MINUTES = float(os.environ.get("SOAK_MINUTES", "30"))
USERS = int(os.environ.get("SOAK_USERS", "100"))
RESTART_EVERY = float(os.environ.get("SOAK_RESTART_MINUTES", "5")) * 60
KILL_EVERY = float(os.environ.get("SOAK_KILL_MINUTES", "7")) * 60
PACE = (1.0, 3.0)
FLUSH_SECONDS = 120  # at the end, for the phones to send what they keep

CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
QUESTION_FORM = re.compile(
    r'<form method="post" action="(/infor-motet/fraga/([\w-]+))"[^>]*data-offline="([^"]+)"'
)
CHECK_IN = re.compile(r'name="check_in" value="(\d+)"')
CHOICE = re.compile(r'name="choice" value="([\w-]+)"')


class Dropped(Exception):
    """The connection was cut (a worker killed) or refused."""


class Tally:
    """What all the phones saw."""

    def __init__(self):
        self.latencies: list[float] = []
        self.seen: Counter[str] = Counter()
        self.believed_saved: dict[str, tuple] = {}


class Phone:
    """One participant's phone: its own cookies, and its own queue of answers not sent yet."""

    def __init__(self, base: str, tally: Tally, number: int):
        self.base, self.tally, self.number = base, tally, number
        self.session = aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True),
            connector=aiohttp.TCPConnector(keepalive_timeout=1.0),
            timeout=aiohttp.ClientTimeout(total=60),
        )
        self.csrf = ""
        self.kept: list[tuple[str, dict]] = []  # (path, form) of answers not sent yet
        self.send_kept_at = 0.0
        self.last_choice: dict[str, str] = {}
        self.answers = 0

    async def request(self, method, path, data=None) -> tuple[int, str, str, str]:
        """(status, body, Location, Retry-After); Dropped when the connection is cut."""
        started = time.monotonic()
        try:
            async with self.session.request(
                method, self.base + path, data=data, allow_redirects=False
            ) as response:
                body = await response.text()
        except (aiohttp.ClientError, TimeoutError) as error:
            self.tally.seen[f"dropped connection ({method})"] += 1
            raise Dropped from error
        self.tally.latencies.append(time.monotonic() - started)
        if response.status >= 500:
            self.tally.seen[f"{response.status} ({method})"] += 1
        if match := CSRF.search(body):
            self.csrf = match[1]
        headers = response.headers
        return response.status, body, headers.get("Location", ""), headers.get("Retry-After", "")

    async def tap(self, method, path, data=None, expect=(200,)) -> tuple[str, str]:
        """A page or a form other than an answer: on 503 or a cut connection, wait as asked and
        try again, as the person does ("Vänta lite. Försök igen.")."""
        while True:
            await asyncio.sleep(random.uniform(*PACE))  # noqa: S311 (not security)
            await self.send_kept()
            try:
                status, body, location, retry_after = await self.request(
                    method, path, None if data is None else {**data, "csrf_token": self.csrf}
                )
            except Dropped:
                await asyncio.sleep(5)
                continue
            if status == 503:
                await asyncio.sleep(int(retry_after or 5))
                continue
            if status not in expect:
                self.tally.seen[f"unexpected {status} {method} {_shape(path)}"] += 1
                raise Dropped(f"{method} {path}: {status}")
            return body, location

    async def answer(self, path: str, form: dict, following: str) -> str:
        """An answer: sent once; kept on the phone if the server cannot take it now. Returns
        the next question: where the server sends the phone, or the one the page named for
        going on offline (a question the answer may make unnecessary: the phone shows it)."""
        await asyncio.sleep(random.uniform(*PACE))  # noqa: S311 (not security)
        await self.send_kept()
        location = await self.send(path, form)
        if location is None:
            self.kept.append((path, form))
            return following
        return location

    async def send(self, path: str, form: dict) -> str | None:
        """The next page's address once the answer is stored; None when it was not."""
        try:
            status, _body, location, retry_after = await self.request(
                "POST", path, {**form, "csrf_token": self.csrf}
            )
        except Dropped:
            self.send_kept_at = time.monotonic() + 5
            return None
        if status == 503:
            self.tally.seen["503 to an answer: kept on the phone"] += 1
            self.send_kept_at = time.monotonic() + int(retry_after or 5)
            return None
        if status != 303:
            self.tally.seen[f"unexpected {status} to an answer"] += 1
            return None
        self.tally.believed_saved[form["answer_key"]] = (form["check_in"], path, form["choice"])
        return urlsplit(location).path

    async def send_kept(self, now: bool = False) -> None:
        while self.kept and (now or time.monotonic() >= self.send_kept_at):
            path, form = self.kept[0]
            if await self.send(path, form) is None:
                return
            self.kept.pop(0)

    async def until_sent(self) -> None:
        """The phone sends what it keeps when the server answers again (app.js retries after
        Retry-After) before the participant finishes the check-in: the next question is shown
        from the phone meanwhile, which this phone, without a service worker, waits for."""
        while self.kept:
            await asyncio.sleep(max(0.0, self.send_kept_at - time.monotonic()))
            await self.send_kept(now=True)
            if self.kept:
                self.send_kept_at = max(self.send_kept_at, time.monotonic() + 1)

    async def journey(self, token: str) -> None:
        """Card, home, a full check-in, "Jag är klar", log out."""
        await self.tap("GET", f"/k/{token}")
        _body, home = await self.tap("POST", "/k", {"token": token}, (303,))
        await self.tap("GET", home)
        await self.tap("GET", "/infor-motet")
        path = "/infor-motet/fraga/how_it_is"
        while path.startswith("/infor-motet/fraga/"):
            await self.until_sent()
            body, _ = await self.tap("GET", path)
            action, key, following = QUESTION_FORM.search(body).groups()
            choices = [c for c in CHOICE.findall(body) if not (key == "feels_safe" and c == "no")]
            # Never the answer saved last: an answer equal to the latest is not stored again.
            last = self.last_choice.get(key)
            choice = choices[(choices.index(last) + 1) % len(choices)] if last else choices[0]
            self.last_choice[key] = choice
            self.answers += 1
            form = {
                "check_in": CHECK_IN.search(body)[1],
                "choice": choice,
                "answer_key": f"{self.number}-{self.answers}",
            }
            path = await self.answer(action, form, following)
        await self.until_sent()
        body, _ = await self.tap("GET", "/infor-motet/svar")
        form = {"check_in": CHECK_IN.search(body)[1]}
        _body, thanks = await self.tap("POST", "/infor-motet/klar", form, (303,))
        await self.tap("GET", thanks)
        await self.tap("POST", "/logga-ut", {}, (303,))

    async def walk(self, token: str, stop: float) -> None:
        while time.monotonic() < stop:
            # A phone still keeping answers sends them before the check-in starts again.
            while self.kept and time.monotonic() < stop:
                await asyncio.sleep(1)
                await self.send_kept()
            with suppress(Dropped):  # an unexpected answer, counted: start again
                await self.journey(token)

    async def close(self):
        await self.session.close()


def _shape(path: str) -> str:
    return re.sub(r"[0-9]+|/k/.+", "*", path)


async def trouble(database: PostgreSQL, server: Gunicorn, stop: float, log: list) -> None:
    """Restart the database and kill a worker on schedule, the first of each at half its
    interval."""
    started = time.monotonic()
    restart_at, kill_at = started + RESTART_EVERY / 2, started + KILL_EVERY / 2
    while True:
        now = time.monotonic()
        if min(restart_at, kill_at) >= stop:
            return
        await asyncio.sleep(max(0.0, min(restart_at, kill_at) - now))
        if restart_at <= kill_at:
            away = await asyncio.to_thread(database.restart, "fast")
            log.append(("database restarted", time.monotonic() - started, f"away {away:.1f} s"))
            restart_at += RESTART_EVERY
        else:
            worker = random.choice(server.workers())  # noqa: S311 (not security)
            os.kill(worker, 9)
            log.append(("worker killed (kill -9)", time.monotonic() - started, f"pid {worker}"))
            kill_at += KILL_EVERY


async def soak(base: str, tokens: list[str], database, server, tally: Tally, events: list):
    stop = time.monotonic() + MINUTES * 60
    phones = [Phone(base, tally, n) for n in range(len(tokens))]
    try:
        await asyncio.gather(
            trouble(database, server, stop, events),
            *(phone.walk(token, stop) for phone, token in zip(phones, tokens, strict=True)),
        )
        deadline = time.monotonic() + FLUSH_SECONDS
        while any(p.kept for p in phones) and time.monotonic() < deadline:
            await asyncio.gather(*(p.send_kept(now=True) for p in phones))
            await asyncio.sleep(1)
        return sum(len(p.kept) for p in phones)
    finally:
        await asyncio.gather(*(p.close() for p in phones))


def stored_keys(url: str) -> Counter:
    engine = make_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT client_key FROM check_in_answer")).scalars()
        keys = Counter(rows)
    engine.dispose()
    return keys


def run() -> None:
    """Not a `main()`: `make bench` leaves the soak out; `make soak` runs it."""
    database = PostgreSQL(durable=True)
    try:
        url = database.migrated_database("soak")
        app = create_app(world.config(url))
        tokens = world.seed_participants(app, USERS)
        app.extensions["db_engine"].dispose()
        with tempfile.TemporaryDirectory() as folder:
            log_path = Path(folder) / "gunicorn.log"
            with log_path.open("w") as log:
                server = Gunicorn(
                    {
                        "DATABASE_URL": url,
                        "FLASK_SECRET_KEY": world.SECRET,
                        "FLASK_LOCAL_RUN": "1",
                        "FLASK_CARD_REDEEM_LIMIT": "1000000 per minute",
                    },
                    log=log,
                )
                try:
                    report(url, tokens, server, database, log_path)
                finally:
                    server.stop()
    finally:
        database.remove()


def report(url, tokens, server, database, log_path) -> None:
    tally, events = Tally(), []
    memory_start = server.memory()
    started = time.monotonic()
    still_kept = asyncio.run(soak(server.base, tokens, database, server, tally, events))
    memory_end = server.memory()
    stored = stored_keys(url)
    believed = set(tally.believed_saved)
    lost = believed - set(stored)
    unknown = set(stored) - believed - {None}
    twice = sum(1 for key, n in stored.items() if key is not None and n > 1)
    cuts = quantiles(tally.latencies, n=100)
    log = log_path.read_text()
    errors = sum(n for kind, n in tally.seen.items() if kind.startswith(("500", "unexpected")))
    print(
        "## Soak: the paced journey while the database restarts and workers are killed\n\n"
        "| figure | value |\n| --- | ---: |\n"
        f"| minutes, participants | {(time.monotonic() - started) / 60:.1f}, {USERS} |\n"
        f"| requests answered | {len(tally.latencies)} |\n"
        f"| p50 / p95 / p99 ms | {cuts[49] * 1000:.0f} / {cuts[94] * 1000:.0f} / "
        f"{cuts[98] * 1000:.0f} |\n"
        f"| answers the phones believe saved | {len(believed)} |\n"
        f"| answer rows in the database | {sum(stored.values())} |\n"
        f"| lost (believed saved, no row) | {len(lost)} |\n"
        f"| stored twice (same key) | {twice} |\n"
        f"| rows no phone knows of | {len(unknown)} |\n"
        f"| answers still kept on phones at the end | {still_kept} |\n"
        f"| errors seen by participants (500 or unexpected) | {errors} |\n"
        f"| server memory at start / end (MB) | {memory_start / 2**20:.0f} / "
        f"{memory_end / 2**20:.0f} |\n"
        f"| 'database failed' / 'back' log lines | {log.count('The database failed')} / "
        f"{log.count('The database is back')} |\n"
    )
    print("| what the phones met | count |\n| --- | ---: |")
    for kind, count in sorted(tally.seen.items()):
        print(f"| {kind} | {count} |")
    print("\n| event | at (s) | detail |\n| --- | ---: | --- |")
    for name, at, detail in events:
        print(f"| {name} | {at:.0f} | {detail} |")
    print(
        f"\nGoal: 0 lost, 0 stored twice, 0 errors seen by participants. Restart every "
        f"{RESTART_EVERY / 60:g} min, a worker killed every {KILL_EVERY / 60:g} min."
    )
    if lost or twice or unknown or errors:
        sys.exit(1)


if __name__ == "__main__":
    run()
