from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def registers(territories: None, vocabularies: None) -> None:
    """What the register imports need: the geography and the actor kinds."""
