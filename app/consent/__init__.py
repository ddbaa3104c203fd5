"""Vem får se?: the participant decides what their supervisor may see of their answers."""

from flask import Blueprint

bp = Blueprint("consent", __name__)

from . import views  # noqa: E402, F401
