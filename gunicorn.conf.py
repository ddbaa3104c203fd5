"""How gunicorn serves Mina steg. The Procfile's web process and bench/load.py both read this
file (gunicorn looks for it in the folder it starts in), so the benchmark measures what runs.

Each page is Python work (templates, the database), so the workers are processes, two per
core: while one waits for the database, another works. `WEB_CONCURRENCY` sets another count.
"""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
# Morning rush: a queue of connections waits rather than being refused.
backlog = 2048


def on_starting(server):
    """Tell the app how many workers serve it: it refuses to start when several would each
    count wrong logins in their own memory (see check_limit_storage in app/config.py)."""
    os.environ["FLASK_WORKERS"] = str(server.cfg.workers)
