"""Migrations are code: one head, the migrated schema matches the models, and every
migration goes down and up again, on SQLite and on PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from app import migrate
from app.db import make_engine
from app.migrate import alembic_config


def test_there_is_one_head(database_url):
    script = ScriptDirectory.from_config(alembic_config(database_url))
    assert len(script.get_heads()) == 1


def test_models_and_migrations_agree(app):
    with app.extensions["db_engine"].connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, SQLModel.metadata) == []


@pytest.fixture
def empty_database(database_url, tmp_path):
    """A database of the same kind as the suite's, with nothing in it."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'migrations.sqlite'}"
        return
    url = make_url(database_url)
    name = f"{url.database}_migrations"
    server = make_engine(database_url).execution_options(isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(False)
    with server.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    server.dispose()


def test_upgrade_from_empty_downgrade_to_base_and_upgrade_again(empty_database):
    migrate.upgrade(empty_database)
    migrate.downgrade(empty_database, "base")
    engine = make_engine(empty_database)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}, "downgrade left tables"
    engine.dispose()

    migrate.upgrade(empty_database)
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert compare_metadata(context, SQLModel.metadata) == []
        assert (
            context.get_current_revision()
            == ScriptDirectory.from_config(alembic_config(empty_database)).get_current_head()
        )
    engine.dispose()


def test_every_migration_steps_down_and_up_again(empty_database):
    """Each revision's downgrade undoes exactly its upgrade, one step at a time from the head."""
    migrate.upgrade(empty_database)
    script = ScriptDirectory.from_config(alembic_config(empty_database))
    for revision in script.walk_revisions():
        if revision.down_revision is None:
            break
        migrate.downgrade(empty_database, "-1")
        migrate.upgrade(empty_database, revision.revision)
        migrate.downgrade(empty_database, "-1")
    migrate.upgrade(empty_database)
