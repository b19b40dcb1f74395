"""Load mix for `make bench`: the paths and weights come from the BENCH_PATHS variable (JSON)."""

from __future__ import annotations

import json
import os

from locust import FastHttpUser, constant, task

_PATHS: list[tuple[str, str, int]] = json.loads(os.environ["BENCH_PATHS"])
# Several servers (make bench NODES=2): one kind of visitor per server, as many of each.
_HOSTS: list[str] = json.loads(os.environ.get("BENCH_HOSTS", "[]"))


class Visitor(FastHttpUser):
    """A visitor with no think time: the run measures the server's capacity."""

    abstract = bool(_HOSTS)
    wait_time = constant(0)

    @task
    def visit(self) -> None:
        for label, path, weight in _PATHS:
            for _ in range(weight):
                self.client.get(path, name=label)


for _number, _host in enumerate(_HOSTS):
    globals()[f"VisitorOfServer{_number}"] = type(f"VisitorOfServer{_number}", (Visitor,), {"host": _host})
