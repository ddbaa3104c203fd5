"""Follow-up meetings: booking, the case officer's brief, and "Mötet är hållet"."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)

from . import views  # noqa: E402, F401
from .meetings import meeting_when  # noqa: E402

bp.add_app_template_global(meeting_when)
