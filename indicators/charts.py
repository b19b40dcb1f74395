"""Server-rendered SVG chart of an indicator's periods (pygal), always shown beside its data table.

A period without an approved value is a gap in the line, never a point at zero."""

from __future__ import annotations

import pygal

from core.charts import dsfr_style
from indicators.selectors import Series, number_label


def series_svg(series: Series) -> bytes:
    indicator = series.indicator
    chart = pygal.Line(
        style=dsfr_style(),
        show_legend=False,
        allow_interruptions=True,
        range=(0, 100) if indicator.is_percentage else None,
        include_x_axis=True,
        width=800,
        height=360,
        js=[],
        disable_xml_declaration=False,
        title=f"{indicator.name[:77]} ({indicator.unit_label})",
        print_values=True,
        x_label_rotation=30 if len(series.rows) > 8 else 0,
        truncate_label=-1,
    )
    chart.x_labels = [row.label for row in series.rows]
    chart.add(
        indicator.name,
        [
            None
            if row.value is None
            else {
                "value": float(row.value),
                "formatter": lambda _v, r=row: number_label(r.value, unit=indicator.unit_label),
            }
            for row in series.rows
        ],
    )
    return chart.render()
