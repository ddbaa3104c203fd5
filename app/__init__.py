"""Mina steg: wishes, goals and check-ins for participants in daily activity."""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import access, config, db, fingerprint, i18n, logins, outage, pictograms, web
from .extensions import babel, compress, csrf, htmx, init_limiter
from .identity import sso


class MinaSteg(Flask):
    def dispatch_request(self):
        """Each page's changes are committed once, when it has answered (see `db.dispatch`)."""
        return db.dispatch(super().dispatch_request)


def create_app(test_config: dict | None = None) -> Flask:
    app = MinaSteg(__name__, instance_relative_config=True)
    config.load(app, test_config)
    if app.config["PROXY_COUNT"]:
        count = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)

    # Before any route is added: every <int:...> in an address is bounded.
    app.url_map.converters["int"] = web.RowId
    db.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    i18n.install_in_templates(app)
    csrf.init_app(app)
    htmx.init_app(app)
    compress.init_app(app)
    init_limiter(app)
    fingerprint.init_app(app)
    sso.init_app(app)

    app.before_request(web.refuse_uploads)
    app.before_request(web.load_whole)
    app.before_request(logins.load)
    app.after_request(web.security_headers)
    web.register_errors(app)
    outage.init_app(app)
    web.redact_logs()
    app.jinja_env.globals.update(
        picto=pictograms.url,
        picto_exists=pictograms.exists,
        language=i18n.current,
        snippet=web.snippet,
        is_hand_over=access.is_hand_over,
    )
    app.jinja_env.globals["LANGUAGES"] = i18n.LANGUAGES

    from .admin import bp as admin_bp
    from .alternatives import bp as alternatives_bp
    from .auditing import bp as auditing_bp
    from .card_login import bp as card_login_bp
    from .checkins import bp as checkins_bp
    from .consent import bp as consent_bp
    from .display import bp as display_bp
    from .goals import bp as goals_bp
    from .home import bp as home_bp
    from .identity import bp as identity_bp
    from .meetings import bp as meetings_bp
    from .mydata import bp as mydata_bp
    from .new_step import bp as new_step_bp
    from .speech import bp as speech_bp
    from .staff import bp as staff_bp
    from .stats import bp as stats_bp
    from .wishes import bp as wishes_bp

    app.register_blueprint(home_bp)
    app.register_blueprint(card_login_bp)
    app.register_blueprint(checkins_bp)
    app.register_blueprint(meetings_bp)
    app.register_blueprint(staff_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(wishes_bp)
    app.register_blueprint(goals_bp)
    app.register_blueprint(alternatives_bp)
    app.register_blueprint(display_bp)
    app.register_blueprint(stats_bp)
    app.register_blueprint(consent_bp)
    app.register_blueprint(auditing_bp)
    app.register_blueprint(mydata_bp)
    app.register_blueprint(identity_bp)
    app.register_blueprint(speech_bp)
    app.register_blueprint(new_step_bp)

    from .cli import register as register_cli

    register_cli(app)
    web.share_macros(app)
    return app
