"""Read-aloud: recorded voices, the server's voice, and the addresses pages mark texts with."""

from flask import Blueprint, before_render_template

bp = Blueprint("speech", __name__)

from . import admin_views, views  # noqa: E402, F401
from .audio import read_before_page, say, server_voice  # noqa: E402

bp.add_app_template_global(say)
bp.add_app_template_global(server_voice)


@bp.record_once
def read_recordings_before_pages(state):
    before_render_template.connect(read_before_page, state.app)
