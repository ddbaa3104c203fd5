"""Other paths: an easy-to-read guide to the alternatives to daily activity, and "I want to know
more", which the participant's case officer sees and follows up."""

from flask import Blueprint

bp = Blueprint("alternatives", __name__)

from . import admin_views, staff_views, views  # noqa: E402, F401
