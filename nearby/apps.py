from django.apps import AppConfig


class NearbyConfig(AppConfig):
    """« Près de chez moi »: the commune a person gives, and the territory pages as local hubs."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "nearby"
    verbose_name = "Près de chez moi"
