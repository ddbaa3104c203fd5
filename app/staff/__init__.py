"""Staff: log in, see the participants one works with, hand out cards."""

from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/personal")

from . import views  # noqa: E402, F401
