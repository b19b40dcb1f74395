from django.apps import AppConfig


class RoadmapConfig(AppConfig):
    name = "roadmap"
    verbose_name = "Feuille de route"

    def ready(self) -> None:
        from core.loading import register_reference_data
        from opendata.registry import register_dataset
        from roadmap import loaders, opendata

        register_reference_data(order=20, label="Feuille de route 2020", load=loaders.load_roadmap)
        for dataset in (opendata.MEASURES, opendata.SYNTHESIS, opendata.REVIEWS, opendata.BILANS):
            register_dataset(dataset)

        from indicators.permissions import register_entry_rule
        from roadmap.permissions import facilitates_indicator

        register_entry_rule("roadmap.facilitators", facilitates_indicator)
