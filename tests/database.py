"""The test database: one per test process, and named states it is put back to in one step.

Each pytest-xdist worker gets a database of its own (`test_gw0`, `test_gw1`, ... on PostgreSQL,
a file of its own on SQLite). A state (`take`) is a copy of every table beside the real ones;
`restore` empties the tables and copies the state back in one round trip, which costs a few
milliseconds where deleting and inserting row by row cost a tenth of a second on PostgreSQL.
"""

from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from app.db import database_url, make_engine


def worker_database(url: str, worker: str) -> str:
    """The PostgreSQL database of this test process, made when missing, with an empty schema."""
    base = make_url(database_url(url))
    if worker != "master":
        name = f"{base.database}_{worker}"
        admin = make_engine(url).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            ).first()
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        base = base.set(database=name)
    url = base.render_as_string(hide_password=False)
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


class States:
    """Named copies of the whole database, taken once and put back before or after a test."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.sqlite = engine.dialect.name == "sqlite"
        self.tables = SQLModel.metadata.sorted_tables
        self.restore_sql = {}

    def _store(self, name: str) -> str:
        return f"state_{name}"

    def take(self, name: str) -> None:
        """Copy every table as it is now into the state `name` (replacing an older copy)."""
        store = self._store(name)
        with self.engine.begin() as connection:
            if self.sqlite:
                path = self.engine.url.database + f".{name}"
                connection.exec_driver_sql(f"ATTACH DATABASE '{path}' AS {store}")
            else:
                connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {store} CASCADE")
                connection.exec_driver_sql(f"CREATE SCHEMA {store}")
            filled = []
            for table in self.tables:
                connection.exec_driver_sql(f'DROP TABLE IF EXISTS {store}."{table.name}"')
                connection.exec_driver_sql(
                    f'CREATE TABLE {store}."{table.name}" AS SELECT * FROM "{table.name}"'  # noqa: S608 (the models' table names)
                )
                if connection.execute(table.select().limit(1)).first():
                    filled.append(table.name)
            if self.sqlite:
                connection.exec_driver_sql(f"DETACH DATABASE {store}")
        # Table names come from the models, never from input.
        statements = [f'DELETE FROM "{t.name}"' for t in reversed(self.tables)]  # noqa: S608
        statements += [f'INSERT INTO "{t}" SELECT * FROM {store}."{t}"' for t in filled]  # noqa: S608
        self.restore_sql[name] = statements

    def restore(self, name: str) -> None:
        """Put every table back as it was when `name` was taken."""
        statements = self.restore_sql[name]
        connection = self.engine.raw_connection()
        try:
            if self.sqlite:
                path = self.engine.url.database + f".{name}"
                connection.driver_connection.executescript(
                    f"ATTACH DATABASE '{path}' AS {self._store(name)};"
                    "BEGIN;" + ";".join(statements) + ";COMMIT;"
                    f"DETACH DATABASE {self._store(name)};"
                )
            else:
                with connection.cursor() as cursor:
                    cursor.execute(";".join(statements))
                connection.commit()
        finally:
            connection.close()
