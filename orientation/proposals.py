"""One proposed item of an orientation result: where it leads, and why it was proposed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Proposal:
    """One proposed item: where it leads and why it was proposed."""

    key: str
    title: str
    url: str
    reasons: list[str] = field(default_factory=list)
    detail: str = ""
    is_demo: bool = False
