"""Server-rendered SVG charts (pygal); each is shown beside its data table."""

from __future__ import annotations

import pygal
from pygal.style import Style

from roadmap.selectors import ProgrammeSummary

# Colours of the DSFR palette (bleu France, gris) for a readable, sober chart.
_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#161616",
    foreground_strong="#161616",
    foreground_subtle="#666666",
    colors=("#000091",),
    font_family="Marianne, Arial, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    title_font_size=16,
)


def progress_svg(summary: ProgrammeSummary) -> bytes:
    """Horizontal bars: progress (%) by dimension and by workstream."""
    groups = [*summary.by_dimension, *summary.by_workstream]
    chart = pygal.HorizontalBar(
        style=_STYLE,
        show_legend=False,
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        width=800,
        height=60 + 45 * len(groups),
        js=[],
        disable_xml_declaration=False,
        title="Avancement par dimension et par chantier (%)",
        print_values=True,
        value_formatter=lambda v: f"{v:.0f} %",
        truncate_label=-1,
    )
    labels = [g.label if len(g.label) < 60 else g.label[:57] + "…" for g in groups]
    chart.x_labels = list(reversed(labels))
    chart.add("Avancement", [g.progress or 0 for g in reversed(groups)])
    return chart.render()
