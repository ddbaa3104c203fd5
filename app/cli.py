"""Commands: `flask --app app db upgrade`, `create-staff`, `seed-demo`, `demo-logins`."""

import functools
import os
import time

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext

from . import datagen, demo, migrate
from .admin import importing
from .backup import backup_command, restore_command
from .db import transaction
from .identity import passwords
from .models import Role
from .retention import retention_delete
from .staff import accounts
from .stats import summary
from .translate import translate_cli

db_cli = AppGroup("db", help="Database migrations.")
UPGRADE = "flask --app app db upgrade"


def needs_database(command):
    """Refuse, in one line with what to run instead, when the database's tables are missing or
    older than the app (instead of a traceback about a missing table)."""

    @functools.wraps(command)
    def checked(*args, **kwargs):
        current, head = migrate.versions(
            current_app.extensions["db_engine"], current_app.config["DATABASE_URL"]
        )
        if current is None:
            raise click.ClickException(f"The database has no tables yet: run `{UPGRADE}` first.")
        if current != head:
            raise click.ClickException(
                f"The database is at version {current}, this app needs {head}: "
                f"run `{UPGRADE}` first."
            )
        return command(*args, **kwargs)

    return checked


@db_cli.command("upgrade")
@click.argument("revision", default="head")
def db_upgrade(revision):
    """Bring the database schema up to date."""
    migrate.upgrade(current_app.config["DATABASE_URL"], revision)


@db_cli.command("downgrade")
@click.argument("revision")
def db_downgrade(revision):
    """Step the database schema back to REVISION."""
    migrate.downgrade(current_app.config["DATABASE_URL"], revision)


@db_cli.command("revision")
@click.option("-m", "--message", required=True)
def db_revision(message):
    """Write a new migration from the difference between the models and the database."""
    migrate.revision(current_app.config["DATABASE_URL"], message)


@click.command("create-staff")
@with_appcontext
@needs_database
@click.option("--username", prompt=True)
@click.option("--name", "display_name", prompt="Full name")
@click.option("--role", type=click.Choice([r.value for r in Role]), prompt=True)
@click.option("--unit-id", "unit_ids", type=int, multiple=True, help="For supervisors.")
@click.password_option()
def create_staff(username, display_name, role, unit_ids, password):
    """Create a staff account (the first admin, for example)."""
    if accounts.find_by_username(username):
        raise click.ClickException(f"The username {username!r} is taken.")
    weakness = passwords.weakness(password)
    if weakness:
        raise click.ClickException(weakness)
    with transaction():
        accounts.create(username, display_name, Role(role), password, unit_ids=list(unit_ids))
    click.echo(f"Created {role} {username}.")


@click.command("seed-demo")
@with_appcontext
@needs_database
def seed_demo():
    """Add the demo unit, staff and participants (local runs only; safe to run twice)."""
    if not current_app.config["LOCAL_RUN"]:
        raise click.ClickException("Demo data is for local runs only (FLASK_LOCAL_RUN=1).")
    # Step by step, each step committed: the seeding counts the statistics on a connection of
    # its own, which would wait for a transaction held open around it.
    with _request_context():
        demo.seed()
        demo.seed_municipality()
    click.echo("Demo data is in place.")


@click.command("generate-data")
@with_appcontext
@needs_database
@click.option("--participants", type=click.IntRange(1, 1_000_000), required=True)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same data.")
@click.option("--years", type=click.IntRange(1, 30), default=10, show_default=True)
@click.option("--force", is_flag=True, help="Also on a database on another computer.")
def generate_data(participants, seed, years, force):
    """Add made-up participants with years of history, for trying the statistics."""
    url = current_app.config["DATABASE_URL"]
    if not datagen.is_local(url) and not force:
        raise click.ClickException("The database is not on this computer. Add --force if meant.")
    added = datagen.generate(current_app.extensions["db_engine"], participants, seed, years)
    click.echo(", ".join(f"{name}: {count}" for name, count in added.items()))


@click.command("import")
@with_appcontext
@needs_database
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Show what would happen; save nothing.")
@click.option("--yes", is_flag=True, help="Save the good rows without asking.")
def import_file(path, dry_run, yes):
    """Add or update units, staff and participants from the case system's CSV file
    (the header is in docs/import.md). Rows are matched on the case system's id."""
    with _request_context():
        with open(path, "rb") as source:
            text = importing.decode(source.read())
        try:
            rows = importing.read(text)
        except importing.FileRefused as refused:
            raise click.ClickException(str(refused)) from None
        with click.progressbar(rows, label="Reading rows") as bar:
            plan = importing.plan(rows, progress=lambda items: _ticking(items, bar))
        for row in plan.errors:
            click.echo(f"line {row.line}: {row.reason}")
        click.echo(
            f"new: {plan.count('new')}, changed: {plan.count('changed')}, "
            f"unchanged: {plan.count('unchanged')}, errors: {plan.count('error')}"
        )
        if dry_run or not plan.to_save:
            click.echo("Nothing saved.")
            return
        if not yes and not click.confirm(f"Save {plan.to_save} rows?"):
            click.echo("Nothing saved.")
            return
        click.echo(f"Saving {plan.to_save} rows in one transaction…", err=True)
        with transaction():
            saved = importing.save(plan, None)
        click.echo(f"Saved: {saved.new} new, {saved.changed} changed.")


def _ticking(items, bar):
    for item in items:
        bar.update(1)
        yield item


@click.command("count-statistics")
@with_appcontext
def count_statistics():
    """Count the statistics summary again (run it nightly in a large service)."""
    started = time.perf_counter()
    with _request_context(), transaction():
        summary.rebuild()
    click.echo(f"Counted the statistics in {time.perf_counter() - started:.1f} s.")


@click.command("demo-logins")
@with_appcontext
@needs_database
def demo_logins():
    """Print the demo logins, one a line."""
    if not current_app.config["LOCAL_RUN"]:
        raise click.ClickException(
            "Demo logins are for local runs only: run it with FLASK_LOCAL_RUN=1 "
            "(as `make run` does)."
        )
    with _request_context():
        for line in demo.logins():
            click.echo(line)


def _request_context():
    port = os.environ.get("PORT", "5000")
    base = current_app.config.get("PUBLIC_URL") or f"http://127.0.0.1:{port}"
    return current_app.test_request_context("/", base_url=base)


def register(app) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(translate_cli)
    for command in (
        create_staff,
        seed_demo,
        demo_logins,
        retention_delete,
        generate_data,
        import_file,
        count_statistics,
    ):
        app.cli.add_command(command)
    for command in (backup_command, restore_command):
        app.cli.add_command(command)
