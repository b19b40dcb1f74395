"""Le RAMEAU's four partnership modalities as the orientation shows them: side by side, never a scale.

Read from data/orientation/modalities.yml (one-sentence summaries with their public source, and the
source document's exact passage when it has one); see that file for provenance.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from core.loading import read_yaml

DATA_FILE = "orientation/modalities.yml"


@dataclass(frozen=True)
class ModalityDescription:
    slug: str
    summary: str
    seed_passage: str
    from_seed_only: bool


@dataclass(frozen=True)
class ModalityReference:
    source: str
    url: str
    not_a_ladder: str
    descriptions: dict[str, ModalityDescription]


@functools.cache
def reference() -> ModalityReference:
    data: dict[str, Any] = read_yaml(DATA_FILE)
    return ModalityReference(
        source=data["source"],
        url=data["url"],
        not_a_ladder=data["not_a_ladder"],
        descriptions={
            item["slug"]: ModalityDescription(
                slug=item["slug"],
                summary=item["summary"],
                seed_passage=item.get("seed_passage") or "",
                from_seed_only=item.get("summary_source") == "seed",
            )
            for item in data["modalities"]
        },
    )
