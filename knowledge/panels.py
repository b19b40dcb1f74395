"""Back-office panel shared by every sourced record (knowledge, observatory, cited studies and events)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

SOURCE_PANEL = MultiFieldPanel(
    [FieldPanel("source"), FieldPanel("source_section"), FieldPanel("source_passage")], heading="Source"
)
