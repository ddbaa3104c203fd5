"""The brief's pages get everything they show from their view: rendering them runs no query."""

from contextlib import contextmanager

import pytest
from flask import before_render_template, template_rendered
from sqlalchemy import event
from sqlmodel import select

from app.alternatives.interests import want_to_know_more
from app.alternatives.models import Alternative
from tests.conftest import page
from tests.meetings.test_brief_pdf import demo_brief  # noqa: F401


@contextmanager
def queries_while_rendering(app):
    """The SQL statements run while a meetings/ template renders (its includes too)."""
    engine = app.extensions["db_engine"]
    seen, rendering = [], []

    def started(_sender, template, **_extra):
        if template.name.startswith("meetings/"):
            rendering.append(template.name)

    def ended(_sender, template, **_extra):
        if template.name.startswith("meetings/"):
            rendering.pop()

    def executed(_conn, _cursor, statement, *_args):
        if rendering:
            seen.append((rendering[-1], statement))

    before_render_template.connect(started, app)
    template_rendered.connect(ended, app)
    event.listen(engine, "before_cursor_execute", executed)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", executed)
        template_rendered.disconnect(ended, app)
        before_render_template.disconnect(started, app)


@pytest.fixture
def interested(app, db, demo_brief, in_request):  # noqa: F811
    """The demo brief, with an alternative Anna wants to know more about."""
    anna, meeting, karin = demo_brief
    alternative = db.exec(select(Alternative).where(Alternative.hidden.is_(False))).first()
    with in_request():
        want_to_know_more(anna, alternative)
    return anna, meeting, karin


def test_the_brief_page_its_preview_and_its_pdf_run_no_query_while_rendering(
    app, client, interested, login_as
):
    _anna, meeting, karin = interested
    login_as(client, karin, password="demo-handlaggare")
    with queries_while_rendering(app) as seen:
        soup = page(client.get(f"/personal/moten/{meeting.id}"))
        preview = client.post(
            f"/personal/moten/{meeting.id}/hallet", data={"agreed": "Vi ses igen.", "preview": "1"}
        )
        pdf = client.get(f"/personal/moten/{meeting.id}/underlag.pdf")
    # The page shows what the view read: the interest and the goals.
    assert soup.select(".brief-interests li")
    assert soup.select(".goals-brief li")
    assert page(preview).select_one("#outcome-preview")
    assert pdf.status_code == 200
    # The preview is marked for reading aloud as on the participant's home: the read-aloud
    # reads the language's recordings once per request. Nothing else is read while rendering.
    assert [statement for _name, statement in seen if "FROM recording" not in statement] == []
    assert len(seen) <= 1
