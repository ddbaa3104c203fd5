"""Static files under names that carry a hash of their content, kept by browsers for a year.

`url_for("static", filename="css/app.css")` gives `/static/css/app.<hash>.css`; a changed file
gets a new name, so a phone on a slow connection downloads each file once and never asks again.
"""

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path

from flask import current_app, g, request
from werkzeug.security import safe_join

ONE_YEAR = 365 * 24 * 60 * 60
IMMUTABLE = f"public, max-age={ONE_YEAR}, immutable"
HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{10})(?P<suffix>\.[A-Za-z0-9]+)$")


@lru_cache(maxsize=2048)
def _digest(path: str, mtime_ns: int, size: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:10]


@lru_cache(maxsize=4096)
def _fixed_digest(path: str) -> str | None:
    """Outside development a file never changes under a running server: hashed once."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _digest(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _path(folder: str, filename: str) -> str | None:
    return safe_join(folder, filename)


def digest(filename: str) -> str | None:
    """The hash of a static file's content, or None when there is no such file. While
    developing, a file is hashed again as soon as its time or size changes."""
    path = _path(current_app.static_folder, filename)
    if path is None:
        return None
    if not current_app.debug:
        return _fixed_digest(path)
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def hashed_name(filename: str) -> str:
    content_hash = digest(filename)
    if content_hash is None:
        return filename
    stem, dot, suffix = filename.rpartition(".")
    if not dot or "/" in suffix:
        return filename
    return f"{stem}.{content_hash}.{suffix}"


def add_hash(endpoint: str, values: dict) -> None:
    """url_for("static", ...) hands out the hashed name."""
    if endpoint == "static" and "filename" in values:
        values["filename"] = hashed_name(values["filename"])


def strip_hash(endpoint: str | None, values: dict | None) -> None:
    """Serve `app.<hash>.css` from `app.css` while the hash is the file's current one."""
    if endpoint != "static" or not values or "filename" not in values:
        return
    match = HASHED_NAME.match(values["filename"])
    if match is None:
        return
    real = match["stem"] + match["suffix"]
    if digest(real) == match["hash"]:
        values["filename"] = real
        g.static_is_hashed = True


def cache_for_a_year(response):
    if request.endpoint == "static" and g.get("static_is_hashed") and response.status_code < 400:
        response.headers["Cache-Control"] = IMMUTABLE
    return response


def init_app(app) -> None:
    app.url_defaults(add_hash)
    app.url_value_preprocessor(strip_hash)
    app.after_request(cache_for_a_year)
