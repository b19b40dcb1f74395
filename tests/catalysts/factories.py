from __future__ import annotations

import factory

from catalysts.models import Catalyst
from reference.models import ActorKind


class CatalystFactory(factory.django.DjangoModelFactory[Catalyst]):
    """A fictional catalyst; pass ``departements=["13"]`` or ``regions=["93"]`` (codes) to cover territories."""

    class Meta:
        model = Catalyst
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Catalyseur d'essai {n} (exemple fictif)")
    slug = factory.Sequence(lambda n: f"catalyseur-essai-{n}")
    description = "Exemple fictif de catalyseur."
    kind = factory.LazyFunction(lambda: ActorKind.objects.get(slug="association"))
    support_offered = "Mise en relation et animation."
    contact_email = "contact@catalyseur.example.org"
    is_demo = True

    @factory.post_generation
    def departements(self, create: bool, codes: list[str] | None, **kwargs: object) -> None:
        if create and codes:
            self.departements.set(codes)

    @factory.post_generation
    def regions(self, create: bool, codes: list[str] | None, **kwargs: object) -> None:
        if create and codes:
            self.regions.set(codes)
