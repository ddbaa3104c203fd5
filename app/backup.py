"""Backups: a consistent copy of the whole database, taken while the app keeps running.

SQLite copies through its online backup API (one read transaction, so one moment in time);
PostgreSQL through `pg_dump` (one snapshot) in its custom format, restored with `pg_restore`.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import URL, make_url

from .db import database_url

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(RuntimeError):
    """The backup or restore could not be done; the message says why."""


def _kind(url: str) -> str:
    name = make_url(database_url(url)).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups work for SQLite and PostgreSQL, not {name}.")
    return name


def _sqlite_file(url: str) -> str:
    path = make_url(url).database
    if not path or path == ":memory:":
        raise BackupError("An in-memory database cannot be backed up.")
    return path


def _libpq_url(url: str) -> tuple[str, str | None]:
    """The address as pg_dump and pg_restore understand it (no SQLAlchemy driver name), without
    the password, and the password apart: it goes in the tool's environment (PGPASSWORD), not
    its argument list, which every user of the computer can read."""
    full = make_url(database_url(url))
    address = URL.create(
        "postgresql", full.username, None, full.host, full.port, full.database, full.query
    )
    return address.render_as_string(False), full.password


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client).")
    return path


def _private(path: Path) -> None:
    """The backup holds everyone's data: readable by its owner only (0600), from the start."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def backup(url: str, path: Path) -> None:
    """Write a consistent copy of the database at `url` to `path` (mode 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _private(path)
    if _kind(url) == "sqlite":
        source = sqlite3.connect(_sqlite_file(url))
        target = sqlite3.connect(path)
        try:
            with target:
                source.backup(target)  # all pages in one step: one moment in time
        finally:
            target.close()
            source.close()
        return
    address, secret = _libpq_url(url)
    _run(
        [_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={path}", address],
        password=secret,
    )


def restore(url: str, path: Path) -> None:
    """Replace everything in the database at `url` with the backup at `path`."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    kind = _kind(url)
    if kind == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError("This is not a backup of an SQLite database.")
        source = sqlite3.connect(path)
        target = sqlite3.connect(_sqlite_file(url))
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
        return
    if not head.startswith(PG_DUMP_MAGIC):
        raise BackupError("This is not a backup of a PostgreSQL database (pg_dump -Fc).")
    address, secret = _libpq_url(url)
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={address}",
            str(path),
        ],
        password=secret,
    )


def _run(command: list[str], password: str | None = None) -> None:
    environment = dict(os.environ)
    if password is not None:
        environment["PGPASSWORD"] = password
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, check=False, env=environment
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{Path(command[0]).name} failed.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path):
    """Write a consistent backup of the database to PATH (safe while the app runs)."""
    try:
        backup(current_app.config["DATABASE_URL"], path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path}.")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.confirmation_option(prompt="Replace everything in the database with this backup?")
@with_appcontext
def restore_command(path):
    """Replace the database with the backup at PATH."""
    try:
        restore(current_app.config["DATABASE_URL"], path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored from {path}.")
