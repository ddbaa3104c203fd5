"""Access reports for auditors: who opened a participant's data, and whose data a staff member
opened. The log is read here, never changed."""

from flask import Blueprint

bp = Blueprint("auditing", __name__, url_prefix="/granskning")

from . import views  # noqa: E402, F401
