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


@pytest.fixture
def interrupt_writes(monkeypatch):
    """``interrupt_writes(at, first_row=…)``: the importers' writer stops (KeyboardInterrupt, as Ctrl-C) at
    its ``at``-th batch, after writing that batch's first row when ``first_row`` (a half-written batch)."""
    from organisations.importers import writer

    def interrupt(at: int, *, first_row: bool = False) -> None:
        calls = {"n": 0}
        original = writer.Writer.write_values

        def failing(self, values):
            calls["n"] += 1
            if calls["n"] == at:
                if first_row:
                    original(self, values[: writer.WIDTH])
                raise KeyboardInterrupt
            return original(self, values)

        monkeypatch.setattr(writer.Writer, "write_values", failing)

    return interrupt
