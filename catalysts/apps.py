from django.apps import AppConfig


class CatalystsConfig(AppConfig):
    name = "catalysts"
    verbose_name = "Catalyseurs et accompagnement"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed

        from catalysts import opendata
        from opendata.registry import register_dataset

        register_dataset(opendata.CATALYSTS)

        # Covered territories are many-to-many: their changes send no post_save (core.cache).
        m2m_changed.connect(_clear_on_m2m_change, dispatch_uid="catalysts-m2m-public-pages")


def _clear_on_m2m_change(sender: type, **kwargs: object) -> None:
    from core.cache import clear_public_pages

    if sender._meta.app_label == "catalysts" and str(kwargs.get("action", "")).startswith("post_"):
        clear_public_pages()
