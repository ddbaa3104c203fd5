"""After the step to work or studies: the support goes on, the participant's voice goes on, and
coming back to daily activity is a real path."""

from flask import Blueprint

bp = Blueprint("new_step", __name__)

from . import staff_views, support_views, views  # noqa: E402, F401
