"""Check-ins before follow-up meetings, and the case officer's brief."""

from flask import Blueprint

bp = Blueprint("checkins", __name__)

from . import admin_views, staff_views, views  # noqa: E402, F401
from .tile import meeting_words  # noqa: E402

bp.add_app_template_global(meeting_words)
