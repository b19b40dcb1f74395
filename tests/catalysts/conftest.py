from __future__ import annotations

import pytest


@pytest.fixture
def geography(territories: None, vocabularies: None) -> None:
    """The COG and the actor kinds: what catalysts need."""
