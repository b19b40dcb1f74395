from django.apps import AppConfig


class LearningConfig(AppConfig):
    """« Apprendre à faire alliance »: learning paths per audience, composed by editors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "learning"
    verbose_name = "Parcours d'apprentissage"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from learning import loaders

        # After the seed's studies and events (knowledge, 40–43) that the paths point to.
        register_reference_data(
            order=50, label="Parcours « apprendre à faire alliance » (contenus réels)", load=loaders.load_paths
        )
