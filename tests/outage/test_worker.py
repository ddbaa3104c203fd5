"""A gunicorn worker killed (kill -9) in the middle of saving an answer: gunicorn starts another,
the phone's request ends as a dropped connection, and the answer sent again with the same key
is stored once. On a PostgreSQL of the tests' own, where a held lock keeps the request waiting
until the worker is killed."""

import os
import re
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

import pytest
from sqlalchemy import text

from app.db import make_engine

from .helpers import own_postgresql, stored
from .servers import Gunicorn

CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
CHECK_IN = re.compile(r'name="check_in" value="(\d+)"')


@pytest.fixture(scope="module")
def outage_database():
    return own_postgresql().migrated_database("outage_worker")


@pytest.fixture
def server(app, outage_database):
    served = Gunicorn(
        {"DATABASE_URL": outage_database, "FLASK_SECRET_KEY": "test", "FLASK_LOCAL_RUN": "1"},
        workers=1,
    )
    yield served
    served.stop()


class Phone:
    """A phone with its own cookies that follows redirects, as a browser does."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        self.csrf = ""

    def open(self, path, data=None) -> str:
        body = urllib.parse.urlencode({**data, "csrf_token": self.csrf}).encode() if data else None
        with self.opener.open(self.base + path, body, timeout=30) as response:
            html = response.read().decode()
        if match := CSRF.search(html):
            self.csrf = match[1]
        return html


def waiting_for_a_lock(engine) -> bool:
    with engine.connect() as connection:
        query = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        return connection.execute(text(query)).scalar() > 0


def test_a_worker_killed_mid_answer_is_replaced_and_the_answer_sent_again_is_stored_once(
    outage_database, db, anna, make_card, server
):
    _card, token = make_card(anna)
    phone = Phone(server.base)
    phone.open(f"/k/{token}")
    phone.open("/k", {"token": token})
    check_in = CHECK_IN.search(phone.open("/infor-motet/fraga/how_it_is"))[1]
    answer = {"check_in": check_in, "choice": "good", "answer_key": "k1"}

    engine = make_engine(outage_database)
    holder = engine.connect()
    holder.execute(text("LOCK TABLE check_in_answer IN ACCESS EXCLUSIVE MODE"))
    outcome = []

    def tap():
        try:
            outcome.append(phone.open("/infor-motet/fraga/how_it_is", answer))
        except (urllib.error.URLError, ConnectionError) as dropped:
            outcome.append(dropped)

    tapping = threading.Thread(target=tap)
    tapping.start()
    try:
        for _ in range(200):  # until the worker waits in the middle of the answer
            if waiting_for_a_lock(engine):
                break
            time.sleep(0.05)
        (worker,) = server.workers()
        os.kill(worker, signal.SIGKILL)
        tapping.join(timeout=30)
    finally:
        holder.rollback()
        holder.close()
        engine.dispose()

    assert isinstance(outcome[0], urllib.error.URLError | ConnectionError), outcome
    server.wait_until_serving()
    assert server.workers() != [worker], "gunicorn started a new worker"
    assert stored(db) == []
    # The phone sends the answer again, twice even: it is stored once.
    for _ in range(2):
        html = phone.open("/infor-motet/fraga/how_it_is", answer)
        assert "Får du göra saker som du gillar där?" in html  # the next question
    assert stored(db) == [("how_it_is", ["good"])]
