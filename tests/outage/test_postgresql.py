"""PostgreSQL stopped and started around a request, on a cluster of the tests' own: every
request answers 503 with Retry-After and a kind page meanwhile, the failure is logged once,
and the answer sent again afterwards is stored once."""

import logging
import re

import pytest
from sqlalchemy import text

from tests.conftest import page

from .helpers import own_postgresql, said_503, send, stored


@pytest.fixture(scope="module")
def server():
    return own_postgresql()


@pytest.fixture(scope="module")
def outage_database(server):
    return server.migrated_database("outage_postgresql")


def failures_logged(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "app"]


def test_while_the_database_restarts_answers_get_503_and_are_stored_once_after(
    app, client, db, answering, server, caplog
):
    caplog.set_level(logging.WARNING, logger="app")
    # What the fixtures wrote is made durable first: this cluster, crashed right after, came
    # back with its sequences behind their rows (the statistics' change log then refused new
    # rows). The test is about the 503s and the answer stored once, not about crash recovery.
    db.exec(text("CHECKPOINT"))
    db.close()  # the test's own connection goes too
    server.stop("immediate")  # as in a crash: the pooled connections die under the app
    try:
        said_503(send(client, answering))
        said_503(send(client, answering, headers={"HX-Request": "true"}))
        kind = page(client.get("/infor-motet/fraga/how_it_is"), 503)
        retry = kind.select_one("a.button[href='/infor-motet/fraga/how_it_is']")
        assert retry.get_text(strip=True) == "Försök igen"
        health = app.test_client().get("/healthz")  # the platform's check sends no cookie
        assert (health.status_code, health.get_data(as_text=True)) == (
            503,
            "database: cannot be reached",
        )
    finally:
        server.start()

    assert send(client, answering).status_code == 303
    assert send(client, answering).status_code == 303  # sent again by the phone: stored once
    assert stored(db) == [("how_it_is", ["good"])]
    assert client.get("/healthz").get_data(as_text=True) == "ok"
    logged = failures_logged(caplog)
    assert len(logged) == 2, logged
    assert logged[0].startswith("The database failed (cannot be reached;")
    assert logged[1].startswith("The database is back after")
    assert re.search(r"; \d+ requests got 503 meanwhile", logged[1])


def test_participants_and_staff_get_the_kind_page_with_its_styles(
    app, client, db, answering, make_staff, login_as, server
):
    staff = app.test_client()
    login_as(staff, make_staff("supervisor"))
    css = page(client.get("/")).select_one("link[rel=stylesheet]")["href"]
    db.close()
    server.stop()
    try:
        said_503(client.get("/"))
        said_503(staff.get("/personal/"))
        # Styles, scripts and pictures need no database: the kind page looks as it should.
        response = client.get(css)
        assert response.status_code == 200
        response.close()
    finally:
        server.start()


def test_a_fault_in_the_app_is_still_a_500_not_a_503(app, client):
    """Only a database that cannot be reached or written asks for a retry; a query that is
    wrong would fail the same way for ever."""

    @app.get("/broken")
    def broken():
        from sqlalchemy import text

        from app.db import get_session

        get_session().execute(text("SELECT no_such_column FROM participant"))

    app.config["PROPAGATE_EXCEPTIONS"] = False
    response = client.get("/broken")
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
