from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("observatory", "0002_survey_and_figure_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="surveyfigure",
            name="collected_on",
            field=models.DateField(
                blank=True,
                help_text="Dernier jour du terrain de l'enquête, quand il est connu.",
                null=True,
                verbose_name="fin de la collecte",
            ),
        ),
    ]
