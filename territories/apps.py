from django.apps import AppConfig


class TerritoriesConfig(AppConfig):
    name = "territories"
    verbose_name = "Territoires"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from territories import loaders

        register_reference_data(
            order=30, label="Territoires (code officiel géographique)", load=loaders.load_territories
        )
