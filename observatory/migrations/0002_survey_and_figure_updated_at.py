import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """The date the data last changed, read by the open-data catalogue (rows already there: now)."""

    dependencies = [
        ("observatory", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="survey",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="modifiée le"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="surveyfigure",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, default=django.utils.timezone.now, verbose_name="modifié le"),
            preserve_default=False,
        ),
    ]
