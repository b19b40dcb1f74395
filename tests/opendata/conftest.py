from __future__ import annotations

import datetime as dt
from typing import Any

import pytest


@pytest.fixture
def public_content(reference_data: None) -> dict[str, Any]:
    """One real and one demo item of every content dataset (cases, tools, events, catalysts, listings)."""
    from agenda.services import event_details_set
    from reference.models import ActorKind
    from tests.alliances.factories import listing_of, verified_organisation
    from tests.cases.factories import CaseFactory, targets
    from tests.catalysts.factories import CatalystFactory
    from tests.resources.factories import EventFactory, ToolFactory

    real_case = CaseFactory(
        title="Alliance réelle d'essai",
        territory_level="departement",
        territory_code="13",
        sdg_targets=targets("17.17"),
        sources=[("https://example.org/source", "Source")],
        results="Des résultats mesurés ; « avec des guillemets », des virgules.",
    )
    demo_case = CaseFactory(title="Alliance de démonstration", demo=True)
    real_tool = ToolFactory(title="Outil réel", link="https://example.org/outil")
    ToolFactory(title="Outil de démonstration", is_demo=True)
    real_event = EventFactory.create(title="Rencontre réelle", territory_level="commune", territory_code="13055")
    event_details_set(event=real_event, organiser="Une association", registration_url="https://example.org/inscription")
    EventFactory(title="Rencontre de démonstration", is_demo=True)
    real_catalyst = CatalystFactory.create(
        name="Catalyseur réel", is_demo=False, departements=["13", "2A"], regions=["93"]
    )
    real_catalyst.audiences.set([ActorKind.objects.get(slug="entreprise")])
    CatalystFactory(name="Catalyseur de démonstration")
    organisation = verified_organisation(name="=Association au nom piégé")
    real_listing = listing_of(organisation, title="Un local réel", sdg_targets=targets("17.17"))
    demo_listing = listing_of(
        verified_organisation(),
        title="Un local fictif",
        is_demo=True,
        expires_on=dt.date.today() + dt.timedelta(days=30),
    )
    return {
        "case": real_case,
        "demo_case": demo_case,
        "tool": real_tool,
        "event": real_event,
        "catalyst": real_catalyst,
        "listing": real_listing,
        "demo_listing": demo_listing,
    }
