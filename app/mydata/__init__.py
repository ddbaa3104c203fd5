"""Mina uppgifter: everything the app holds about a participant, shown, printed and exported."""

from flask import Blueprint

bp = Blueprint("mydata", __name__)

from . import views  # noqa: E402, F401
