"""Sections that other apps add to the public page of an organisation (« Alliances et exemples inspirants »).

Why a registry: ``organisations`` sits *under* ``alliances`` (``alliances.models`` imports
``organisations.models``), and ``alliances`` places its listings with the hub's ``TerritoryScope``, which the
content apps must not reach, even through another app (import-linter's contract « content apps know neither
hub nor search » follows indirect imports). So the page cannot import ``alliances``: instead ``alliances``
registers, in its ``AppConfig.ready()``, a function that takes the organisation and returns a template and its
context; ``organisations.views.detail`` renders every registered section in registration order, each template
reading its own values under ``section`` (``{% include section.template with section=section.context %}``).
Like ``opendata.registry`` for the open-data files: the app that knows the data declares it, the page knows none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from organisations.models import Organisation


@dataclass(frozen=True)
class Section:
    """A template (its path) and what it reads."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


SectionProvider = Callable[["Organisation"], Section | None]

_providers: dict[str, SectionProvider] = {}


def register_section(name: str, provider: SectionProvider) -> None:
    """Add (or replace, for the same ``name``: ``ready()`` may run twice in tests) a section of the page."""
    _providers[name] = provider


def sections_for(organisation: Organisation) -> list[Section]:
    """The registered sections for ``organisation``, in registration order (a provider may return None)."""
    found = (provider(organisation) for provider in _providers.values())
    return [section for section in found if section is not None]
