"""The access matrix's rows for the statistics: managers and administrators read totals.

Managers reach nothing else with a person in it: every other row of the matrix leaves them out.
"""

from tests.actors import EVERYONE

MANAGERS = {"manager", "admin"}

ROUTES = {
    "stats.index": ("GET", "/personal/statistik", {}, MANAGERS),
    "stats.units": ("GET", "/personal/statistik/enheter", {}, MANAGERS),
    "stats.export": ("GET", "/personal/statistik.csv", {}, MANAGERS),
    "stats.static": ("GET", "/static/stats/stats.css", {}, EVERYONE),
}
ROUTES["stats.trend_view"] = ("GET", "/personal/statistik/trend", {}, MANAGERS)
