from __future__ import annotations

import factory

from organisations.models import Organisation, RegisterSource
from organisations.text import fast_search_key, search_text
from reference.models import ActorKind


class OrganisationFactory(factory.django.DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation

    kind = factory.LazyFunction(lambda: ActorKind.objects.get(slug="association"))
    name = factory.Sequence(lambda n: f"Association d'essai {n} (exemple fictif)")
    purpose = "exemple fictif"
    source = RegisterSource.MANUAL
    search_key = factory.LazyAttribute(lambda o: fast_search_key(o.name))
    search_text = factory.LazyAttribute(lambda o: search_text(o.search_key, o.purpose))
