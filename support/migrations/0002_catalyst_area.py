"""The catalyst's organisation is ``alliances.CatalystOrganisation`` (shared with the matchmaking): the
team model keeps only the communes and EPCI a catalyst serves first, and whether it is a national network."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalysts", "0001_initial"),
        ("support", "0001_support_requests"),
        ("territories", "0001_initial"),
    ]

    operations = [
        migrations.RenameModel(old_name="CatalystTeam", new_name="CatalystArea"),
        migrations.RemoveField(model_name="catalystarea", name="organisation"),
        migrations.AlterModelOptions(
            name="catalystarea",
            options={
                "ordering": ["catalyst__name", "id"],
                "verbose_name": "territoire servi en premier par un catalyseur",
                "verbose_name_plural": "territoires servis en premier par les catalyseurs",
            },
        ),
        migrations.AlterField(
            model_name="catalystarea",
            name="catalyst",
            field=models.OneToOneField(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="area",
                to="catalysts.catalyst",
                verbose_name="catalyseur",
            ),
        ),
        migrations.AlterField(
            model_name="catalystarea",
            name="communes",
            field=models.ManyToManyField(
                blank=True,
                related_name="catalyst_areas",
                to="territories.commune",
                verbose_name="communes servies en premier",
            ),
        ),
        migrations.AlterField(
            model_name="catalystarea",
            name="epcis",
            field=models.ManyToManyField(
                blank=True,
                related_name="catalyst_areas",
                to="territories.epci",
                verbose_name="intercommunalités servies en premier",
            ),
        ),
    ]
