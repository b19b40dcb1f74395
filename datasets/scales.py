"""How many rows each scale generates; ``settings.DATASET_SCALES`` may override any count (tests shrink them)."""

from __future__ import annotations

from django.conf import settings

SCALES: dict[str, dict[str, int]] = {
    "small": {
        "organisations": 20_000,
        "cases": 2_000,
        "tools": 400,
        "studies": 300,
        "news": 300,
        "catalysts": 50,
        "listings": 5_000,
        "reviews_per_measure": 2,
    },
    "national": {
        "organisations": 2_000_000,
        "cases": 100_000,
        "tools": 8_000,
        "studies": 6_000,
        "news": 6_000,
        "catalysts": 350,
        "listings": 50_000,
        "reviews_per_measure": 6,
    },
}


def counts(scale: str) -> dict[str, int]:
    """The counts of ``scale``, with the overrides of ``settings.DATASET_SCALES[scale]``."""
    overrides = getattr(settings, "DATASET_SCALES", {}).get(scale, {})
    return {**SCALES[scale], **overrides}
