"""The writer of `make bench NODES=2`: publishes one item per second while the load runs, and measures
how long each publication takes to be found by a search on every app server.

Each second a published case gets a new revision whose title carries a word of its own, published at
once (Wagtail's ``published`` signal indexes it, as from the back office). Then each server is asked
``/api/v1/search?q=<word>`` every 50 ms until it finds it. Prints one JSON line: the delays (s).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import uuid
from pathlib import Path

import django
import requests

ROOT = Path(__file__).resolve().parent.parent
POLL_SECONDS = 0.05
GIVE_UP_SECONDS = 30.0


def found_after(base: str, word: str, published_at: float, delays: list[float], missed: list[str]) -> None:
    session = requests.Session()
    while time.monotonic() - published_at < GIVE_UP_SECONDS:
        response = session.get(f"{base}/api/v1/search", params={"q": word}, timeout=30)
        if response.status_code == 200 and response.json().get("count", 0) > 0:
            delays.append(time.monotonic() - published_at)
            return
        time.sleep(POLL_SECONDS)
    missed.append(f"{base} {word}")


def main() -> None:
    duration, hosts = int(sys.argv[1]), sys.argv[2:]
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from cases.models import Case

    cases = list(Case.objects.published().order_by("pk")[:200])
    tag = uuid.uuid4().hex[:6]
    delays: list[float] = []
    missed: list[str] = []
    pollers: list[threading.Thread] = []
    start = time.monotonic()
    for number in range(duration):
        case = cases[number % len(cases)]
        word = f"jalon{tag}{number}x0"  # [a-z0-9], ends with a digit: the indexed word as it is
        case.title = f"{case.title.split(' jalon')[0]} {word}"[:255]
        case.save_revision().publish()
        published_at = time.monotonic()
        for base in hosts:
            poller = threading.Thread(target=found_after, args=(base, word, published_at, delays, missed))
            poller.start()
            pollers.append(poller)
        time.sleep(max(0.0, start + number + 1 - time.monotonic()))
    for poller in pollers:
        poller.join()
    print(json.dumps({"publications": duration, "delays": delays, "missed": missed}))


if __name__ == "__main__":
    main()
