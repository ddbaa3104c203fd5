"""Instructions: what one request costs the app, counted in CPU instructions by valgrind.

The load benchmark's figures move with this shared machine's speed (pairs of runs of the same
code differ by up to 12 points), so a change of 5 % cannot be seen in them. The instructions a
request runs are the same from run to run, whatever else the machine does. valgrind's callgrind
counts them: the same code gives the journey's figure within 0.3 % (the bare page's, so small,
within 2 %), with Python's hashes fixed.

In one process, with Flask's test client and no server: the participants of bench/load.py walk
its journey (card, home, a whole check-in, log out; `load.journey`), and the bare page of
bench/load.py is asked as often (bench/bare.py). Only the requests are counted: callgrind is
told to count when they start and to stop when they end (`callgrind_control`), so making the
database, migrating it and starting Python are left out. The test client's own work is in
both figures. With PostgreSQL, the database's own processes are not counted, only the app's.

`python -m bench.instructions` (Debian's valgrind must be installed: `make bench` does it).
Environment: BENCH_PARTICIPANTS (10), BENCH_JOURNEYS (2 each), BENCH_DATABASE_URL (PostgreSQL;
skipped when the server cannot be reached).
"""

import asyncio
import os
import re
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError

from bench import load, world

PARTICIPANTS = int(os.environ.get("BENCH_PARTICIPANTS", "10"))
JOURNEYS = int(os.environ.get("BENCH_JOURNEYS", "2"))
COLLECTED = re.compile(r"Collected : (\d+)")
ROOT = Path(__file__).resolve().parent.parent
# Every phone comes from one address here, as in bench/load.py.
LIMITS = {"CARD_REDEEM_LIMIT": "1000000 per minute", "CARD_LIMIT": "1000000 per minute"}


class TestClientPhone:
    """What `load.journey` needs of a phone, answered by Flask's test client in this process."""

    def __init__(self, app):
        self.client = app.test_client()
        self.recorder = load.Recorder()
        self.csrf = ""
        self.sent = 0

    async def request(self, method: str, path: str, data=None, expect=(200,)) -> tuple:
        self.sent += 1
        response = self.client.open(path, method=method, data=data)
        body = response.get_data(as_text=True)
        if response.status_code not in expect:
            raise RuntimeError(f"{method} {path}: {response.status_code}")
        if match := load.CSRF.search(body):
            self.csrf = match[1]
        return body, response.headers.get("Location", "")


@contextmanager
def counted():
    """Have callgrind count the instructions run inside the block, and only those."""
    subprocess.run(["callgrind_control", "--instr=on", str(os.getpid())], check=True)  # noqa: S603, S607
    try:
        yield
    finally:
        subprocess.run(["callgrind_control", "--instr=off", str(os.getpid())], check=True)  # noqa: S603, S607


def walk_journeys(kind: str) -> int:
    """Run under callgrind: every participant walks the journey JOURNEYS times. Returns the
    number of requests counted."""
    with tempfile.TemporaryDirectory() as folder:
        url, tokens = load.bench_database(kind, Path(folder))
        from app import create_app

        app = create_app(world.config(url) | LIMITS)
        phones = [TestClientPhone(app) for _ in tokens]
        asyncio.run(load.journey(phones[0], tokens[0], 0))  # the first of each page is dearer
        phones[0].recorder.check_in_sizes.clear()
        asyncio.run(_walk(phones, tokens))
        app.extensions["db_engine"].dispose()
    return sum(sum(phone.recorder.check_in_sizes) for phone in phones)


async def _walk(phones: list[TestClientPhone], tokens: list[str]) -> None:
    """Every participant's journeys, in one event loop, counted."""
    with counted():
        for round_ in range(JOURNEYS):
            for phone, token in zip(phones, tokens, strict=True):
                await load.journey(phone, token, round_)


def ask_bare_page(kind: str, times: int) -> int:
    """Run under callgrind: the bare page, `times` times."""
    from bench import bare

    with tempfile.TemporaryDirectory() as folder:
        url, _tokens = load.bench_database(kind, Path(folder))
        client = bare.create_app(world.config(url)).test_client()
        client.get("/bare")
        with counted():
            for _ in range(times):
                if client.get("/bare").status_code != 200:
                    raise RuntimeError("the bare page failed")
    return times


def count(kind: str, page: str, times: int = 0) -> tuple[int, int]:
    """(requests, instructions) of `page` ("journey" or "bare") on `kind`, counted in a process
    of its own under callgrind."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        "-m",
        "bench.instructions",
        "--inside",
        kind,
        page,
        str(times),
    ]
    # Python varies its hashes from run to run, and with them the work of sets and dicts.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    result = subprocess.run(  # noqa: S603
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    found = COLLECTED.search(result.stderr)
    if result.returncode != 0 or found is None:
        raise RuntimeError(f"{page} on {kind} failed:\n{result.stdout}\n{result.stderr[-3000:]}")
    return int(result.stdout.split()[-1]), int(found[1])


def run(kind: str) -> tuple:
    journey = count(kind, "journey")
    bare = count(kind, "bare", journey[0])
    return kind, journey, bare


def table(rows) -> str:
    lines = [
        "| database | page | requests | million instructions a request | bare / journey |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for kind, (journeys, journey), (bares, bare) in rows:
        each, each_bare = journey / journeys / 1e6, bare / bares / 1e6
        lines.append(f"| {kind} | journey | {journeys} | {each:.2f} | {each_bare / each:.0%} |")
        lines.append(f"| {kind} | bare | {bares} | {each_bare:.2f} | |")
    return "\n".join(
        [
            *lines,
            "",
            f"{PARTICIPANTS} participants, {JOURNEYS} journeys each, in one process (the app's "
            "instructions only; with PostgreSQL, not the database's).",
        ]
    )


def main() -> None:
    rows = [run("sqlite")]
    try:
        rows.append(run("postgresql"))
    except (OSError, OperationalError, RuntimeError) as error:
        print(f"PostgreSQL skipped (set BENCH_DATABASE_URL): {error}", file=sys.stderr)
    print("## Instructions a request: participant journey vs bare page\n\n" + table(rows))


def inside(kind: str, page: str, times: str) -> None:
    load.USERS = PARTICIPANTS
    requests = walk_journeys(kind) if page == "journey" else ask_bare_page(kind, int(times))
    print(requests)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        inside(*sys.argv[2:5])
    else:
        main()
