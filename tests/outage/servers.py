"""Servers of a test's own, which it may stop and start: a PostgreSQL cluster and a Redis, each
on a free port of 127.0.0.1 in a temporary folder (the shared ones on 5432 and 6379 are never
touched). bench/soak.py uses the same PostgreSQL."""

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import time
from functools import cache
from pathlib import Path

import redis
from sqlalchemy import text

from app.db import make_engine


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
        # Tests need no crash safety; a soak measures the real thing.
        self.settings = "" if durable else " -c fsync=off -c synchronous_commit=off"
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

    def new_database(self, name: str) -> str:
        server = make_engine(self.url()).execution_options(isolation_level="AUTOCOMMIT")
        with server.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        server.dispose()
        return self.url(name)

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
