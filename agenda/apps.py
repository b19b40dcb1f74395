from django.apps import AppConfig


class AgendaConfig(AppConfig):
    """The agenda's filters (territory, dates, audience) and what an event adds: organiser, audience, registration."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "agenda"
    verbose_name = "Agenda"

    def ready(self) -> None:
        from agenda import opendata
        from opendata.registry import register_dataset

        register_dataset(opendata.EVENTS)
