from django.apps import AppConfig


class CasesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cases"
    verbose_name = "Exemples inspirants"

    def ready(self) -> None:
        from cases import opendata, signals
        from opendata.registry import register_dataset

        signals.connect()
        register_dataset(opendata.CASES)
