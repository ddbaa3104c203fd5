"""The yardstick for the load test: a bare Flask page with the product's configuration,
database engine and template engine, rendering one template and reading one row.

It is its own WSGI app, served only by the benchmark, so it can never be reached in the product:
`gunicorn "bench.bare:create_app()"`.
"""

from pathlib import Path

from flask import Flask, render_template
from sqlmodel import select

from app import config, db
from app.models import Unit


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, template_folder=str(Path(__file__).parent / "templates"))
    config.load(app, test_config)
    db.init_app(app)

    @app.get("/bare")
    def bare():
        unit = db.get_session().exec(select(Unit).limit(1)).one()
        return render_template("bare.html", unit=unit)

    return app
