"""How fast the statistics page answers at the size of a city and of a whole country.

    .venv/bin/python -m bench.stats [--sizes 3000,40000] [--requests 40]

Uses PostgreSQL at BENCH_DATABASE_URL (default: the local database mina_steg_bench, made if
missing). The database is emptied and filled with made-up data from the generator, so it must
be on this computer. Prints a markdown table: time to generate and to count the summary
(`flask count-statistics`), each page's median and 95th percentile over repeated requests by
a logged-in manager, and each page's median at the largest size divided by its median at the
smallest.
"""

import argparse
import os
import re
import secrets
import statistics
import time
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import create_app, datagen, migrate
from app.db import database_url, make_engine
from app.models import Role
from app.staff import accounts
from app.stats import summary

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/mina_steg_bench"
PASSWORD = secrets.token_urlsafe(16)


def fresh_database(url: str) -> None:
    """Make the database if missing, then empty it and bring the schema up to date."""
    if not datagen.is_local(url):
        raise SystemExit(f"Not a database on this computer: {url}")
    parsed = make_url(database_url(url))
    server = make_engine(parsed.set(database="postgres").render_as_string(hide_password=False))
    with server.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": parsed.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    server.dispose()
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    migrate.upgrade(url)


def measure(url: str, participants: int, requests: int) -> dict:
    fresh_database(url)
    app = create_app(
        {"TESTING": True, "LOCAL_RUN": True, "SECRET_KEY": "bench", "DATABASE_URL": url}
    )
    started = time.perf_counter()
    datagen.generate(app.extensions["db_engine"], participants, seed=1)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    with app.test_request_context():
        summary.rebuild()
    counted = time.perf_counter() - started
    with app.test_request_context():
        accounts.create("bench-manager", "Bench", Role.manager, PASSWORD)
    client = app.test_client()
    form = client.get("/personal/logga-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    login = {"username": "bench-manager", "password": PASSWORD, "csrf_token": token}
    assert client.post("/personal/logga-in", data=login).status_code == 303
    timings = {}
    for name, path in [
        ("whole service", "/personal/statistik"),
        ("one unit", "/personal/statistik?enhet=1"),
        ("list per unit", "/personal/statistik/enheter"),
        ("CSV", "/personal/statistik.csv"),
        ("year", f"/personal/statistik?kvartal={date.today().year - 1}"),
        ("list per unit, year", f"/personal/statistik/enheter?kvartal={date.today().year - 1}"),
        ("trend", "/personal/statistik/trend"),
        ("trend, one unit", "/personal/statistik/trend?enhet=1"),
    ]:
        assert client.get(path).status_code == 200  # warm up
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            response = client.get(path)
            response.get_data()  # the whole answer, also when it streams
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        times.sort()
        timings[name] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    app.extensions["db_engine"].dispose()
    return {"generated": generated, "counted": counted, "timings": timings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="3000,40000")
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    print("| participants | generate (s) | count (s) | page | median (ms) | p95 (ms) | ratio |")
    print("| ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    smallest = None
    for size in (int(s) for s in args.sizes.split(",")):
        result = measure(url, size, args.requests)
        smallest = smallest or result["timings"]
        for name, (median, p95) in result["timings"].items():
            ratio = median / smallest[name][0]
            print(
                f"| {size:,} | {result['generated']:.0f} | {result['counted']:.0f} | "
                f"statistics, {name} | {median:.0f} | {p95:.0f} | {ratio:.1f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()
