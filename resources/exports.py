"""Rows of the tools & methods for the open-data file (one row per published tool)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from resources.models import Tool

Row = Sequence[object]
TOOL_HEADER = [
    "identifiant",
    "titre",
    "resume",
    "phase",
    "maturite",
    "format",
    "publics",
    "propose_par",
    "lien",
    "adresse",
]


def tool_rows(tools: Iterable[Tool], *, absolute_url: Callable[[str], str]) -> Iterable[Row]:
    """``tools`` with their audiences prefetched (``selectors.published_tools``)."""
    yield TOOL_HEADER
    for tool in tools:
        yield [
            tool.slug,
            tool.title,
            tool.summary,
            tool.phase,
            tool.maturity,
            tool.format,
            " | ".join(kind.slug for kind in tool.audiences.all()),
            tool.provider,
            tool.link,
            absolute_url(tool.get_absolute_url()),
        ]
