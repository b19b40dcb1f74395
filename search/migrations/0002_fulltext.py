"""The engine's full-text objects (FTS5 table and triggers on SQLite, tsvector column and GIN index
on PostgreSQL), outside Django's model state: see search/backends.py and docs/adr/0010-search.md."""

from django.db import migrations


def create(apps, schema_editor):
    from search.backends import ensure_fulltext

    ensure_fulltext(schema_editor.connection)


def drop(apps, schema_editor):
    from search.backends import drop_fulltext

    drop_fulltext(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
