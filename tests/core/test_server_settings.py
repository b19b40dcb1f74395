"""The production server's own settings leave the answers to Django, and e-mail links follow the port."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(__file__).resolve().parents[2]
PRINT_SITE_URL = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"


def test_gunicorn_has_no_request_line_limit_that_would_answer_in_english_before_django() -> None:
    config = runpy.run_path(str(BASE_DIR / "config" / "gunicorn.conf.py"))
    assert config["limit_request_line"] == 0 or config["limit_request_line"] > settings.MAX_QUERY_STRING_LENGTH + 100


def test_make_run_port_makes_the_e_mail_links_use_that_port() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(APP_ENV="test", PORT="8123")
    done = subprocess.run(
        [sys.executable, "-c", PRINT_SITE_URL],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "http://127.0.0.1:8123", done.stderr
