"""Participants log in by opening the QR card that staff hand out."""

from flask import Blueprint

bp = Blueprint("card_login", __name__)

from . import views  # noqa: E402, F401
