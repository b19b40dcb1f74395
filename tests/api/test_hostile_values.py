"""Every query parameter the API declares, given each value that broke a parser somewhere once.

Schemathesis (test_fuzz.py) draws values at random and may never draw « ² »: a digit for Python's
``str.isdigit()`` that ``int()`` refuses. Here each declared parameter of each GET operation gets
every value of the list, one at a time (the others absent), so no validation of another parameter
answers first. No answer is a server error, and each refusal is a French 4xx.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

# What pydantic or django-ninja would say if a refusal were not put into French.
ENGLISH = re.compile(r"Input should|Field required|value is not|not a valid|Unprocessable", re.IGNORECASE)
HOSTILE_VALUES = ["²", "١٢", "-1", "1e3", "99999999999999999999", "\u200b", "../"]


@pytest.fixture
def no_limits(settings) -> None:
    settings.API_THROTTLE_ANON_RATE = settings.API_THROTTLE_AUTH_RATE = "1000000/min"


def _get_operations(client) -> list[tuple[str, list[str]]]:
    """(path, names of its query parameters) for every GET operation of the OpenAPI document without path parameters."""
    document = client.get("/api/v1/openapi.json").json()
    operations = []
    for path, methods in document["paths"].items():
        get = methods.get("get")
        if get is None or "{" in path:
            continue
        names = [p["name"] for p in get.get("parameters", []) if p.get("in") == "query"]
        operations.append((path, names))
    return operations


def test_each_declared_parameter_with_each_hostile_value_is_refused_in_french_or_answered(
    client, programme, no_limits
) -> None:
    operations = _get_operations(client)
    assert len(operations) >= 10 and sum(len(names) for _, names in operations) >= 20
    for path, names in operations:
        for name in names:
            for value in HOSTILE_VALUES:
                response = client.get(path, {name: value})
                assert response.status_code < 500, (path, name, value, response.status_code)
                if response.status_code >= 400 and response.status_code != 429:
                    detail = str(response.json()["detail"])
                    assert not ENGLISH.search(detail), (path, name, value, detail[:200])
