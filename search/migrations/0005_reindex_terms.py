"""Rewrite the search index: the terms changed (numbers of one digit kept, « odd17 » split into
« odd 17 », feminine endings stemmed; docs/adr/0019-search-words.md). Nothing to do on an empty index."""

from django.db import migrations


def reindex(apps, schema_editor):
    from search import indexing
    from search.models import SearchDocument

    if SearchDocument.objects.using(schema_editor.connection.alias).exists():
        indexing.rebuild()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonyms"),
        ("cases", "0002_recent_index"),
        ("resources", "0002_study_event_sources_and_date_precision"),
        ("roadmap", "0001_initial"),
    ]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
