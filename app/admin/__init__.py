"""Administration: units, staff accounts and participants."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import card_views, edit_views, import_views, login_views, views  # noqa: E402, F401
