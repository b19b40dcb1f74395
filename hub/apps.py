from django.apps import AppConfig


class HubConfig(AppConfig):
    """The knowledge hub « Alliances & Territoires »: shared editorial base, doors, sections, kit."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "hub"
    verbose_name = "Alliances & Territoires (centre de ressources)"
