"""The Flask extensions, created here and initialised in create_app."""

from flask_babel import Babel
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
htmx = HTMX()
# No limit applies to every page: see init_limiter.
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_limiter(app) -> None:
    """Only views with a limit of their own check one (the card, the staff login): each one's
    decorator does. Flask-Limiter also looks for limits before every request, which finds none
    here and costs a twentieth of a participant's page, so that check is taken out."""
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)
