"""Server-rendered SVG chart of one indicator (pygal), always shown beside its data table."""

from __future__ import annotations

import pygal

from core.charts import dsfr_style
from observatory.selectors import IndicatorGroup


def _bar_label(figure_label: str, year: int | None) -> str:
    return f"{figure_label} ({year})" if year else figure_label


def indicator_svg(group: IndicatorGroup) -> bytes:
    """Horizontal bars: one per figure (population and year), values as the source gives them."""
    percentages = group.all_percentages
    chart = pygal.HorizontalBar(
        style=dsfr_style(),
        show_legend=False,
        range=(0, 100) if percentages else None,
        y_labels=[0, 25, 50, 75, 100] if percentages else None,
        width=800,
        height=90 + 50 * len(group.figures),
        js=[],
        disable_xml_declaration=False,
        title=group.label if len(group.label) < 80 else group.label[:77] + "…",
        print_values=True,
        truncate_label=-1,
    )
    figures = list(reversed(group.figures))
    chart.x_labels = [_bar_label(f.population, f.described_year) for f in figures]
    chart.add(
        "Valeur",
        [{"value": float(f.value), "formatter": lambda _v, f=f: f.value_label} for f in figures],
    )
    return chart.render()
