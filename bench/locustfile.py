"""Load mix for `make bench`: the paths and weights come from the BENCH_PATHS variable (JSON)."""

from __future__ import annotations

import json
import os

from locust import FastHttpUser, constant, task

_PATHS: list[tuple[str, str, int]] = json.loads(os.environ["BENCH_PATHS"])


class Visitor(FastHttpUser):
    """A visitor with no think time: the run measures the server's capacity."""

    wait_time = constant(0)

    @task
    def visit(self) -> None:
        for label, path, weight in _PATHS:
            for _ in range(weight):
                self.client.get(path, name=label)
