"""Signals of the geography: other apps keep what they copied from it in line."""

from django.dispatch import Signal

# Sent by territories.loaders.load_territories after it brought the tables in line with a new COG
# file (not when the file was unchanged and skipped). No arguments besides ``sender``.
cog_changed = Signal()
