"""Staff identity: single sign-on, the second factor, passwords, and the steps of a login."""

from flask import Blueprint

bp = Blueprint("identity", __name__, url_prefix="/personal")

from . import account_views, sso_views, step_views  # noqa: E402, F401
