"""The département and région codes of each organisation's commune, copied for the directory filters.

The columns are added by ``ALTER TABLE … ADD COLUMN … DEFAULT ''`` on both engines: neither rewrites
the table for it (Django would rebuild the whole table on SQLite for a NOT NULL column), then one
``UPDATE`` fills them from the communes, and the indexes are built last, from the filled column.
"""

from django.db import migrations, models

TABLE = "organisations_organisation"
COLUMNS = ["departement_code", "region_code"]
FILL = f"""
UPDATE {TABLE} SET
    departement_code = COALESCE(
        (SELECT c.departement_id FROM territories_commune c WHERE c.code = {TABLE}.commune_id), ''),
    region_code = COALESCE(
        (SELECT c.region_id FROM territories_commune c WHERE c.code = {TABLE}.commune_id), '')
WHERE commune_id IS NOT NULL
"""


def add_columns(apps, schema_editor):
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN {column} varchar(3) DEFAULT '' NOT NULL")
    schema_editor.execute(FILL)


def drop_columns(apps, schema_editor):
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0001_initial"),
        ("territories", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
            state_operations=[
                migrations.AddField(
                    model_name="organisation",
                    name="departement_code",
                    field=models.CharField(
                        blank=True, editable=False, max_length=3, verbose_name="code du département"
                    ),
                ),
                migrations.AddField(
                    model_name="organisation",
                    name="region_code",
                    field=models.CharField(blank=True, editable=False, max_length=3, verbose_name="code de la région"),
                ),
            ],
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(fields=["departement_code", "search_key", "id"], name="organisation_departement_idx"),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(fields=["region_code", "search_key", "id"], name="organisation_region_idx"),
        ),
    ]
