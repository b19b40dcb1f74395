"""The look of every server-rendered chart (pygal SVG, always shown beside its data table): the DSFR palette
and the Marianne font, one colour per series."""

from __future__ import annotations

from pygal.style import Style

# Bleu France, its lighter tone, terre battue, vert émeraude.
DSFR_COLOURS = ("#000091", "#6a6af4", "#ce614a", "#18753c")


def dsfr_style(series: int = 1) -> Style:
    """A sober chart style for ``series`` series (at most len(DSFR_COLOURS) distinct colours)."""
    return Style(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#161616",
        foreground_strong="#161616",
        foreground_subtle="#666666",
        colors=DSFR_COLOURS[: max(1, series)],
        font_family="Marianne, Arial, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=13,
        title_font_size=16,
    )
