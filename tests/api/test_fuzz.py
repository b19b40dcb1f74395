"""The API fuzzed from its own OpenAPI document (schemathesis) and property tests on query input.

Every GET operation is exercised in-process against the WSGI application: no 5xx, every status
returned (4xx included) is declared by the OpenAPI document, and each response matches its schema.
Deterministic (derandomize) and bounded (max_examples).
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# status_code_conformance: every status an operation returns (its 4xx included) is declared in the document.
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance, content_type_conformance]


@pytest.fixture
def wsgi_in_test_transaction(settings):
    """Requests sent straight to the WSGI app share the test's transaction, as the test client does."""
    settings.API_THROTTLE_ANON_RATE = "100000/min"
    settings.API_THROTTLE_AUTH_RATE = "100000/min"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(wsgi_in_test_transaction):
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def _get_operations(schema):
    operations = [result.ok() for result in schema.get_all_operations()]
    return [operation for operation in operations if operation.method.upper() == "GET"]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_get_operation_survives_fuzzing_and_matches_its_schema(api_schema, programme, mode) -> None:
    operations = _get_operations(api_schema)
    assert len(operations) >= 5
    unsatisfiable: list[str] = []
    for operation in operations:

        @FUZZ
        @given(case=operation.as_strategy(generation_mode=mode))
        def fuzz(case) -> None:
            response = case.call()
            case.validate_response(response, checks=CHECKS)

        try:
            fuzz()
        except Unsatisfiable:
            # Nothing invalid can be sent to this operation (e.g. no parameter in the path or query).
            assert mode == GenerationMode.NEGATIVE, operation.label
            unsatisfiable.append(operation.label)
    assert len(unsatisfiable) < len(operations), unsatisfiable


@pytest.fixture
def no_throttle(settings) -> None:
    settings.API_THROTTLE_ANON_RATE = "100000/min"


text = st.text(alphabet=st.characters(codec="utf-8"), max_size=60)


@FUZZ
@given(dimension=text, workstream=text, status=text)
def test_random_text_in_measure_filters_never_gives_a_server_error(
    client, programme, no_throttle, dimension, workstream, status
) -> None:
    response = client.get(
        "/api/v1/roadmap/measures", {"dimension": dimension, "workstream": workstream, "status": status}
    )
    assert response.status_code in (200, 400, 422)
    if response.status_code != 200:
        assert "detail" in response.json()


@FUZZ
@given(limit=text, offset=text)
def test_random_pagination_values_never_give_a_server_error(client, programme, no_throttle, limit, offset) -> None:
    response = client.get("/api/v1/roadmap/workstreams", {"limit": limit, "offset": offset})
    assert response.status_code in (200, 400, 422)


@FUZZ
@given(number=st.one_of(st.integers(), text))
def test_random_measure_numbers_never_give_a_server_error(client, programme, no_throttle, number) -> None:
    response = client.get(f"/api/v1/roadmap/measures/{number}")
    assert response.status_code < 500


def test_an_offset_too_large_for_the_database_is_never_a_server_error(client, programme, no_throttle) -> None:
    """Found by the fuzzer: offset=10**26 on a list read from the database gave a 500 on both engines."""
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    lists = [path for path, item in paths.items() if "get" in item and "{" not in path]
    for path in lists:
        response = client.get(path, {"offset": 10**26})
        assert response.status_code in (200, 400, 422), path
        if response.status_code == 400:
            assert response.json() == {"detail": "Valeur hors des limites acceptées pour un paramètre de la requête."}
