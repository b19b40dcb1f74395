from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Organisations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from organisations import services
        from territories.signals import cog_changed

        cog_changed.connect(services.on_cog_changed, dispatch_uid="organisations.refresh_territory_codes")
