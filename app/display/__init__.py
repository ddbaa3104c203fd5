"""How a participant wants the app to look, and keeping the app usable on a weak connection."""

from flask import Blueprint

bp = Blueprint("display", __name__)

from . import views  # noqa: E402, F401
from .choices import body_classes  # noqa: E402

bp.add_app_template_global(body_classes)
