from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Socle de la plateforme"

    def ready(self) -> None:
        from core.cache import connect_invalidation

        connect_invalidation()
