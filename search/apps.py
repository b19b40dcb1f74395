from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Recherche"

    def ready(self) -> None:
        from core import warmup
        from core.loading import register_reference_data
        from search import facet_index, signals, synonyms

        signals.connect()
        synonyms.connect()
        warmup.register(facet_index.warm_up)
        register_reference_data(order=60, label="Synonymes de la recherche", load=synonyms.load_synonyms)
