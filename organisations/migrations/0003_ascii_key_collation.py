"""The organisations' ASCII key columns compared byte by byte on PostgreSQL (core.fields.AsciiKeyField).

On PostgreSQL the five columns change collation in one ALTER TABLE, which rebuilds each index on
them once. On SQLite the schema does not change (BINARY is that order already): only the model
state does, which spares rebuilding the table five times.
"""

from django.db import migrations

import core.fields

COLUMNS = [
    ("source", 6),
    ("register_id", 14),
    ("search_key", 300),
    ("departement_code", 3),
    ("region_code", 3),
]


def _collate(collation):
    def change(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = schema_editor.quote_name("organisations_organisation")
        changes = ", ".join(
            f'ALTER COLUMN {schema_editor.quote_name(name)} TYPE varchar({length}) COLLATE "{collation}"'
            for name, length in COLUMNS
        )
        schema_editor.execute(f"ALTER TABLE {table} {changes}")

    return change


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_territory_codes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(_collate("C"), _collate("default"))],
            state_operations=[
                migrations.AlterField(
                    model_name="organisation",
                    name="departement_code",
                    field=core.fields.AsciiKeyField(
                        blank=True, editable=False, max_length=3, verbose_name="code du département"
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="region_code",
                    field=core.fields.AsciiKeyField(
                        blank=True, editable=False, max_length=3, verbose_name="code de la région"
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="register_id",
                    field=core.fields.AsciiKeyField(
                        blank=True, max_length=14, null=True, verbose_name="identifiant dans le registre"
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="search_key",
                    field=core.fields.AsciiKeyField(
                        editable=False, max_length=300, verbose_name="clé de recherche du nom"
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="source",
                    field=core.fields.AsciiKeyField(
                        choices=[
                            ("rna", "Répertoire national des associations (RNA)"),
                            ("sirene", "Répertoire Sirene de l'Insee"),
                            ("manual", "Saisie sur la plateforme"),
                        ],
                        default="manual",
                        max_length=6,
                        verbose_name="registre source",
                    ),
                ),
            ],
        ),
    ]
