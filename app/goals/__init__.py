"""My goals: the case officer's goals (the order) and the supervisor's next steps (the plan)."""

from flask import Blueprint

bp = Blueprint("goals", __name__)

from . import staff_views, views  # noqa: E402, F401
