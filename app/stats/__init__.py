"""Statistics for managers: anonymous totals per quarter, per unit and gender."""

from flask import Blueprint

bp = Blueprint("stats", __name__, static_folder="static", static_url_path="/static/stats")

from . import indexes, views  # noqa: E402, F401
