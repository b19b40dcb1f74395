from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = "Ressources (outils, études, actualités, agenda)"

    def ready(self) -> None:
        from opendata.registry import register_dataset
        from resources import opendata

        register_dataset(opendata.TOOLS)
