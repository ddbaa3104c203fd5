"""How fast a case system's file is previewed and saved (admin.import_file, admin.import_save).

    .venv/bin/python -m bench.onboarding [--rows 5000]

Through the app's own pages, as an administrator uses them: upload (the preview of every
row), save (one transaction), and the same file again (nothing changes). On SQLite in a
temporary file and on PostgreSQL at BENCH_DATABASE_URL (default: the local database
mina_steg_bench, emptied first). Prints a markdown table of seconds.
"""

import argparse
import io
import re
import secrets
import time

from app import create_app
from app.models import Role
from app.staff import accounts

from . import world

PASSWORD = secrets.token_urlsafe(16)


def case_system_file(rows: int) -> bytes:
    """Units of 18 participants (as in Stockholm), a case officer for every 45, supervisors."""
    units = max(1, rows // 20)
    officers = max(1, rows // 45)
    lines = ["typ;id;namn;enhet;handläggare;användarnamn;roll;språk;kön;startdatum"]
    lines += [f"enhet;E-{u};Enhet {u};;;;;;;" for u in range(units)]
    lines += [f"personal;H-{c};Handläggare {c};;;hl-{c};handläggare;;;" for c in range(officers)]
    lines += [f"personal;S-{u};Handledare {u};E-{u};;hd-{u};handledare;;;" for u in range(units)]
    for number in range(rows - len(lines) + 1):
        lines.append(
            f"deltagare;D-{number};Person {number};E-{number % units};H-{number % officers};;;"
            f"sv;{'kvinna' if number % 2 else 'man'};2024-0{1 + number % 9}-15"
        )
    return ("\n".join(lines) + "\n").encode("cp1252", errors="replace")


def measure(url: str, rows: int) -> dict:
    app = create_app(
        {
            "TESTING": True,
            "LOCAL_RUN": True,
            "SECRET_KEY": "bench",
            "DATABASE_URL": url,
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.test_request_context():
        accounts.create("bench-admin", "Bench", Role.admin, PASSWORD)
    client = app.test_client()
    client.post("/personal/logga-in", data={"username": "bench-admin", "password": PASSWORD})
    data = case_system_file(rows)
    timings = {}

    def upload():
        started = time.perf_counter()
        response = client.post(
            "/admin/import",
            data={"file": (io.BytesIO(data), "fil.csv")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 200, response.status_code
        return time.perf_counter() - started, response.get_data(as_text=True)

    timings["preview"], page = upload()
    signed = re.search(r'name="file" type="hidden" value="([^"]+)"', page)
    signed = signed or re.search(r'type="hidden" name="file" value="([^"]+)"', page)
    started = time.perf_counter()
    saved = client.post("/admin/import/spara", data={"file": signed.group(1)})
    timings["save"] = time.perf_counter() - started
    assert saved.status_code == 200, saved.status_code
    timings["again"], page = upload()
    assert "Det finns inget nytt att spara." in page
    app.extensions["db_engine"].dispose()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    results = world.on_each_database(lambda url: measure(url, args.rows))
    print(f"\n## Onboarding from the case system: {args.rows} rows\n")
    print("| database | preview (s) | save (s) | same file again (s) |")
    print("| --- | ---: | ---: | ---: |")
    for name, t in results:
        print(f"| {name} | {t['preview']:.1f} | {t['save']:.1f} | {t['again']:.1f} |")


if __name__ == "__main__":
    main()
