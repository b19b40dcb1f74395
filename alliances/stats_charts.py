"""The chart of the public statistics (pygal, server-rendered SVG), always beside its data table."""

from __future__ import annotations

import pygal

from alliances.stats import AllianceStats
from core.charts import dsfr_style

_STYLE = dsfr_style(series=4)

_SERIES = (
    ("Besoins ouverts", "open_needs"),
    ("Offres ouvertes", "open_offers"),
    ("Mises en relation", "matches"),
    ("Alliances formées", "formed"),
)


def by_departement_svg(stats: AllianceStats) -> bytes:
    """Grouped horizontal bars per département: open needs, open offers, matches, alliances formed."""
    rows = list(reversed(stats.by_departement))
    chart = pygal.HorizontalBar(
        style=_STYLE,
        width=800,
        height=120 + 80 * max(1, len(rows)),
        js=[],
        disable_xml_declaration=False,
        title="Annonces ouvertes, mises en relation et alliances formées par département",
        print_values=True,
        legend_at_bottom=True,
        truncate_label=-1,
        truncate_legend=-1,
        no_data_text="Aucune donnée",
    )
    chart.x_labels = [f"{row.label} ({row.code})" for row in rows]
    for title, attribute in _SERIES:
        chart.add(title, [getattr(row, attribute) for row in rows])
    return chart.render()
