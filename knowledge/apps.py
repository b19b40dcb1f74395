from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "knowledge"
    verbose_name = "Connaissances de référence"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from knowledge import loaders

        register = register_reference_data
        register(order=40, label="Études et rapports cités par le bilan du 7 mai 2021", load=loaders.load_studies)
        register(order=41, label="Événements datés par le bilan du 7 mai 2021", load=loaders.load_events)
        register(order=42, label="Acteurs et dispositifs nommés par le bilan", load=loaders.load_actors)
        register(order=43, label="Historique de la démarche (2008 → 2021)", load=loaders.load_history)
