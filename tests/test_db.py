"""How a request's database transaction ends: a page that only read commits (the same as a
rollback, and on PostgreSQL the connection keeps its prepared statements); anything a page
changed and did not save itself is rolled back."""

import pytest
from sqlalchemy import event, update

from app.db import get_session
from app.models import Participant


@pytest.fixture
def endings(app):
    """How each transaction on the app's engine ended, in order."""
    yield from watch_endings(app)


@pytest.fixture
def new_app_endings(new_app):
    yield from watch_endings(new_app)


def watch_endings(app):
    seen = []
    engine = app.extensions["db_engine"]
    listeners = [
        ("commit", lambda _c: seen.append("commit")),
        ("rollback", lambda _c: seen.append("rollback")),
    ]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    yield seen
    for name, listener in listeners:
        event.remove(engine, name, listener)


def test_a_page_that_only_reads_ends_with_a_commit_not_a_rollback(
    client, make_participant, login_participant, endings
):
    login_participant(client, make_participant())
    endings.clear()
    assert client.get("/").status_code == 200
    assert endings == ["commit"]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda anna: setattr(anna, "first_name", "Changed"), id="left pending"),
        pytest.param(
            lambda anna: (setattr(anna, "first_name", "Changed"), get_session().flush()),
            id="flushed",
        ),
        pytest.param(
            lambda anna: get_session().exec(
                update(Participant).where(Participant.id == anna.id).values(first_name="Changed")
            ),
            id="a statement",
        ),
    ],
)
def test_a_change_the_page_did_not_save_is_rolled_back(
    new_app, db, make_participant, change, new_app_endings
):
    anna = make_participant()

    @new_app.get("/test-unsaved-change")
    def unsaved_change():
        change(get_session().get(Participant, anna.id))
        return "not saved"

    assert new_app.test_client().get("/test-unsaved-change").status_code == 200
    assert new_app_endings[-1] == "rollback"
    db.expire_all()
    assert db.get(Participant, anna.id).first_name == "Anna"


def test_a_page_that_fails_is_rolled_back(new_app, db, make_participant, new_app_endings):
    anna = make_participant()

    @new_app.get("/test-failing-change")
    def failing_change():
        get_session().get(Participant, anna.id).first_name = "Changed"
        get_session().flush()
        raise RuntimeError("the page broke")

    with pytest.raises(RuntimeError):
        new_app.test_client().get("/test-failing-change")
    assert new_app_endings[-1] == "rollback"
    db.expire_all()
    assert db.get(Participant, anna.id).first_name == "Anna"


def test_on_postgresql_the_connection_keeps_its_prepared_statements_between_pages(
    app, client, make_participant, login_participant
):
    engine = app.extensions["db_engine"]
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    login_participant(client, make_participant())
    engine.dispose()  # from here on, the pages share one connection
    for _ in range(6):  # psycopg prepares a statement the fifth time it runs
        assert client.get("/").status_code == 200
    with engine.connect() as connection:
        prepared = connection.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements")
        assert prepared.scalar() > 0
