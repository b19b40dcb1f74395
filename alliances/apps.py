from django.apps import AppConfig


class AlliancesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "alliances"
    verbose_name = "Faire alliance"

    def ready(self) -> None:
        from alliances import opendata, organisation_page, stats_opendata
        from opendata.registry import register_dataset
        from organisations.sections import register_section

        register_dataset(opendata.LISTINGS)
        register_dataset(stats_opendata.STATISTICS)
        # The directory's organisation page cannot import this app: it shows what registers (organisations.sections).
        register_section("alliances", organisation_page.organisation_section)
