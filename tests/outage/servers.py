"""Servers of a test's own, which it may stop and start: a PostgreSQL cluster and a Redis, each
on a free port of 127.0.0.1 in a temporary folder (the shared ones on 5432 and 6379 are never
touched). bench/soak.py uses the same PostgreSQL."""

import atexit
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import suppress
from functools import cache
from pathlib import Path

import redis
from sqlalchemy import text

from app import migrate
from app.db import make_engine

ROOT = Path(__file__).resolve().parents[2]


class Missing(RuntimeError):
    """The server's programs are not on this machine."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgresql_programs() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    if not found:
        raise Missing("PostgreSQL's server programs (Debian's postgresql) are not installed")
    return found[-1].parent


class PostgreSQL:
    """A PostgreSQL cluster in a temporary folder. initdb refuses to run as root, so as root
    the cluster belongs to the system's postgres user."""

    def __init__(self, durable: bool = False):
        self.programs = _postgresql_programs()
        self.folder = Path(tempfile.mkdtemp(prefix="mina-steg-postgresql-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()
        # Tests stop the server as in a crash ("immediate"): what was committed must survive
        # that, so commits wait for the log (synchronous_commit stays on). Only the machine
        # crashing could lose them without fsync, and the tests need no safety from that; a soak
        # measures the real thing.
        self.settings = "" if durable else " -c fsync=off"
        self._migrated = False
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync")
        self.start()

    def _run(self, program: str, *args, check=True) -> subprocess.CompletedProcess:
        command = [str(self.programs / program), *map(str, args)]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True)  # noqa: S603

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
        self._run("pg_ctl", "-D", self.data, "-l", self.log, "-w", "-o", options + self.settings,
                  "start")  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        """Stop the server: "fast" ends the connections cleanly, "immediate" as in a crash."""
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def restart(self, mode: str = "fast") -> float:
        """Stop and start again; returns the seconds it was away."""
        started = time.monotonic()
        self.stop(mode)
        self.start()
        return time.monotonic() - started

    def new_database(self, name: str, template: str = "template1") -> str:
        server = make_engine(self.url()).execution_options(isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        server.dispose()
        return self.url(name)

    def migrated_database(self, name: str) -> str:
        """A new database with the app's tables, copied from one migrated once per cluster."""
        if not self._migrated:
            migrate.upgrade(self.new_database("migrated"))
            make_engine(self.url("migrated")).dispose()
            self._migrated = True
        return self.new_database(name, template="migrated")

    def remove(self) -> None:
        self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


@cache
def postgresql() -> PostgreSQL:
    """This test process's own PostgreSQL, started on first use and removed at exit. A test that
    stops it starts it again before it ends."""
    server = PostgreSQL()
    atexit.register(server.remove)
    return server


class Redis:
    """A Redis of the test's own that keeps nothing on disk."""

    def __init__(self):
        self.program = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not os.access(self.program, os.X_OK):
            raise Missing("redis-server (Debian's redis-server) is not installed")
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="mina-steg-redis-"))
        self.process = None
        self.start()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = [self.program, "--port", str(self.port), "--bind", "127.0.0.1",
                   "--save", "", "--appendonly", "no", "--dir", str(self.folder)]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        client = redis.Redis.from_url(self.url)
        for _ in range(200):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.02)
        client.close()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def remove(self) -> None:
        if self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Gunicorn:
    """The app served by gunicorn as the Procfile does (settings from gunicorn.conf.py), on a
    free port; `environment` adds to this process's variables (DATABASE_URL and the like), and
    `log` takes what it writes to stderr."""

    def __init__(self, environment: dict, workers: int | None = None, log=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, **environment}
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        command = [sys.executable, "-m", "gunicorn", "--log-level", "warning",
                   "--bind", f"127.0.0.1:{self.port}", "app:create_app()"]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log)  # noqa: S603
        self.wait_until_serving()

    def wait_until_serving(self, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start serving")

    def workers(self) -> list[int]:
        """The worker processes' ids (the master's children)."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(child) for child in children]

    def memory(self) -> int:
        """Resident memory of the master and its workers, in bytes."""
        total = 0
        for pid in [self.process.pid, *self.workers()]:
            with suppress(OSError):
                status = Path(f"/proc/{pid}/status").read_text()
                total += int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]) * 1024
        return total

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
