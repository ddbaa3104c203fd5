"""Templates call no function that reads the database: what a page shows, its view reads.

Every page a test renders is checked (tests/template_calls.py, watched by the fixtures); here
every function registered for templates is called once, so one that no page test reaches yet
is checked too, and a new one has to be added to the list below.
"""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from flask import g, render_template_string
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_NAMESPACE
from werkzeug.local import LocalProxy

from app.goals import staff_page
from tests import template_calls

# Each function a template may call, with a call as a template writes it.
CALLS = {
    "_": "_('Klar')",
    "gettext": "gettext('Klar')",
    "ngettext": "ngettext('%(num)s steg', '%(num)s steg', 2)",
    "pgettext": "pgettext('knapp', 'Klar')",
    "npgettext": "npgettext('knapp', '%(num)s steg', '%(num)s steg', 2)",
    "url_for": "url_for('home.index')",
    "get_flashed_messages": "get_flashed_messages()",
    "csrf_token": "csrf_token()",
    "csrf_meta_tag": "csrf_meta_tag()",
    "picto": "picto('done')",
    "picto_exists": "picto_exists(person.pictogram)",
    "language": "language().code",
    "snippet": "snippet('_assets.html')",
    "is_hand_over": "is_hand_over()",
    "body_classes": "body_classes()",
    "say": "say('Klar')",
    "server_voice": "server_voice()",
    "meeting_when": "meeting_when(meeting).day",
    "role_name": "role_name('admin')",
    "filter dateformat": "day|dateformat('long')",
    "filter datetimeformat": "moment|datetimeformat('short')",
    "filter timeformat": "moment|timeformat('HH:mm')",
    "filter timedeltaformat": "span|timedeltaformat",
    "filter numberformat": "1234|numberformat",
    "filter decimalformat": "12.5|decimalformat",
    "filter currencyformat": "12|currencyformat('SEK')",
    "filter percentformat": "0.5|percentformat",
    "filter scientificformat": "12345|scientificformat",
}


def _template_functions(app) -> set[str]:
    """The names of the app's own template functions (not Jinja's built-in ones, nor the shared
    macros: template code, whose calls are checked as every page's are)."""
    names = set()
    for prefix, table, built_in in (
        ("", app.jinja_env.globals, {**DEFAULT_NAMESPACE, **app.extensions["shared_macros"]}),
        ("filter ", app.jinja_env.filters, DEFAULT_FILTERS),
    ):
        for name, function in table.items():
            if name in built_in or type(function) is LocalProxy:
                continue
            if callable(function) and not isinstance(function, type):
                names.add(prefix + name)
    return names


def test_every_template_function_is_listed(app):
    """A new global or filter is added to CALLS, so that the next test calls it."""
    assert _template_functions(app) == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_template_function_reads_no_database(app, make_participant, make_meeting, name):
    person = make_participant()
    meeting = make_meeting(person)
    moment = datetime(2026, 3, 2, 10, 30, tzinfo=UTC)
    with app.test_request_context("/"):
        g.participant, g.login = person, SimpleNamespace(helper_id=None)
        render_template_string(
            "{{ " + CALLS[name] + " }}",
            person=person,
            meeting=meeting,
            day=date(2026, 3, 2),
            moment=moment,
            span=timedelta(hours=2),
        )
    assert template_calls.take_found() == []


def test_a_global_that_reads_the_database_fails_the_page(new_app, make_staff):
    """What `staff_name` was: a global that looks staff members up fails the page it is on."""
    staff = make_staff()
    new_app.jinja_env.globals["staff_names"] = staff_page.staff_names
    template_calls.watch(new_app)
    with (
        new_app.test_request_context("/"),
        pytest.raises(AssertionError, match="staff_names ran a SQL statement"),
    ):
        render_template_string("{{ staff_names([staff_id]) }}", staff_id=staff.id)
    assert template_calls.take_found() == ["staff_names"]
    # The same function called by the view, its result passed to the template, is fine.
    with new_app.test_request_context("/"):
        names = staff_page.staff_names([staff.id])
        shown = render_template_string("{{ names[staff_id] }}", names=names, staff_id=staff.id)
    assert shown == staff.display_name
    assert template_calls.take_found() == []
