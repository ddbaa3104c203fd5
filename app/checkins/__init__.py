"""Check-ins before follow-up meetings: the participant's answers, and the questions asked."""

from flask import Blueprint

bp = Blueprint("checkins", __name__)

from . import admin_views, views  # noqa: E402, F401
