from django.apps import AppConfig


class ReferenceConfig(AppConfig):
    name = "reference"
    verbose_name = "Données de référence"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from reference import loaders

        register_reference_data(order=10, label="Objectifs de développement durable et cibles", load=loaders.load_sdgs)
        register_reference_data(order=11, label="Types d'acteurs", load=loaders.load_actor_kinds)
        register_reference_data(order=12, label="Modalités de partenariat", load=loaders.load_partnership_modalities)
        register_reference_data(order=13, label="Forces du changement", load=loaders.load_forces_of_change)
