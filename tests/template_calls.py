"""Templates call no function that reads the database: the view builds the page's data.

`watch(app)` wraps every function a template can call (the Jinja globals and filters, and the
context processors) so that a SQL statement run during such a call is noted, and the call
fails. The test fixtures watch the app every test uses, so every page any test renders is
checked; `tests/test_template_globals.py` shows that a global that queries is caught.
"""

import functools
import threading

from sqlalchemy import event
from werkzeug.local import LocalProxy

_inside = threading.local()
found: list[str] = []


def _calls() -> list[str]:
    if not hasattr(_inside, "calls"):
        _inside.calls = []
    return _inside.calls


def _count_statement(*_args, **_kwargs) -> None:
    found.extend(_calls())


def _watched(name: str, function):
    if getattr(function, "_watched", False):
        return function

    @functools.wraps(function)  # keeps Jinja's pass_context marks
    def call(*args, **kwargs):
        calls = _calls()
        calls.append(name)
        before = len(found)
        try:
            result = function(*args, **kwargs)
        finally:
            calls.pop()
        if len(found) > before:
            raise AssertionError(f"the template function {name} ran a SQL statement")
        return result

    call._watched = True
    return call


def _is_ours(function) -> bool:
    """A function a template calls (not a class such as Jinja's `namespace`, nor a value, nor
    `request` or `g`, which stand for the request's own)."""
    if type(function) is LocalProxy:
        return False
    return callable(function) and not isinstance(function, type)


def watch(app) -> None:
    event.listen(app.extensions["db_engine"], "before_cursor_execute", _count_statement)
    environment = app.jinja_env
    # The shared macros are template code: the functions they call are watched.
    macros = app.extensions["shared_macros"]
    for kind, table in (("global", environment.globals), ("filter", environment.filters)):
        for name, function in list(table.items()):
            if _is_ours(function) and not (kind == "global" and name in macros):
                table[name] = _watched(f"{kind} {name}" if kind == "filter" else name, function)
    for processors in app.template_context_processors.values():
        processors[:] = [_watched(f"context processor {p.__name__}", p) for p in processors]


def take_found() -> list[str]:
    """The template functions that ran a statement since the last look, each once."""
    names = list(dict.fromkeys(found))
    found.clear()
    return names
