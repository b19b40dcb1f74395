"""gunicorn settings shared by `make run` and `make bench` (one place for the production server)."""

import multiprocessing
import os

bind = f"127.0.0.1:{os.environ.get('PORT', '8000')}"
# Sync workers: one request at a time each, (2 × cores) + 1 is gunicorn's usual advice.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 60
graceful_timeout = 20
max_requests = 5000
max_requests_jitter = 500
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
loglevel = "warning"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No request-line limit of gunicorn's own: it would answer a long address with an English 400 before
# Django's French 414 (MAX_QUERY_STRING_LENGTH, core/input_guard.py). The timeout above bounds a slow
# sender; in production the reverse proxy's own limit comes first (docs/adr/0020-strict-public-input.md).
limit_request_line = 0

# The application is loaded once in the master, which imports every view, compiles the templates
# and builds the search filter index before forking (core/warmup.py): every worker, including those
# restarted by max_requests, starts warm instead of paying for it on its first requests.
preload_app = True


def when_ready(server: object) -> None:
    from core.warmup import warm_up

    warm_up()
