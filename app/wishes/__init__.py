"""My wishes: participants sort picture cards into piles; their case officer sees the piles."""

from flask import Blueprint

bp = Blueprint("wishes", __name__)

from . import admin_views, staff_views, views  # noqa: E402, F401
