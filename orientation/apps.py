from django.apps import AppConfig


class OrientationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "orientation"
    verbose_name = "Orientation « Par où commencer ? »"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from orientation import loaders

        register_reference_data(
            order=70, label="Questionnaire « Par où commencer ? » (version 1)", load=loaders.load_questionnaire
        )
