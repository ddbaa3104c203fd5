"""Read-aloud: recorded voices, the server's voice, and the addresses pages mark texts with."""

from flask import Blueprint

bp = Blueprint("speech", __name__)

from . import admin_views, views  # noqa: E402, F401
from .audio import say, server_voice  # noqa: E402

bp.add_app_template_global(say)
bp.add_app_template_global(server_voice)
