"""The Flask extensions, created here and initialised in create_app."""

from flask_babel import Babel
from flask_compress import Compress
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf.csrf import CSRFProtect

babel = Babel()
compress = Compress()
csrf = CSRFProtect()
htmx = HTMX()
# No limit applies to every page: only the views that let someone try a secret (a card, a
# password, a code) have limits, each set by its decorator. Where the counts are kept comes
# from RATELIMIT_STORAGE_URI (Redis in production, so that every worker shares them).
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def init_limiter(app) -> None:
    limiter.init_app(app)
