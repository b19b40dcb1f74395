from django.apps import AppConfig


class ObservatoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "observatory"
    verbose_name = "Observatoire des partenariats"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from observatory import loaders, opendata
        from opendata.registry import register_dataset

        register_reference_data(order=50, label="Observatoire des partenariats", load=loaders.load_observatory)
        register_dataset(opendata.FIGURES)
        register_dataset(opendata.SURVEYS)
