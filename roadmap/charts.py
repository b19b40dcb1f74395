"""Server-rendered SVG charts (pygal); each is shown beside its data table."""

from __future__ import annotations

import pygal

from core.charts import dsfr_style
from roadmap.selectors import Group, ProgrammeSummary

_STYLE = dsfr_style()


def _label(group: Group) -> str:
    """A short label that says what the bar rests on: « Chantier 1 (1 évaluée sur 1) »."""
    name = f"Chantier {group.key}" if group.url else group.label
    evaluated, total = group.evaluated_count, group.measure_count
    if total == 0:
        return f"{name} (aucune mesure)"
    if evaluated == 0:
        return f"{name} (aucune évaluée sur {total})"
    return f"{name} ({evaluated} évaluée{'s' if evaluated > 1 else ''} sur {total})"


def progress_svg(summary: ProgrammeSummary) -> bytes:
    """Horizontal bars: mean progress (%) of the evaluated measures, by dimension and by workstream.

    Each label says what its bar rests on (« 1 mesure évaluée sur 7 »); a group without any
    evaluated measure has no bar, and its label says « pas encore de bilan ».
    """
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
        title="Avancement moyen des mesures évaluées (%)",
        print_values=True,
        value_formatter=lambda v: f"{v:.0f} %",
        truncate_label=-1,
    )
    chart.x_labels = [_label(g) for g in reversed(groups)]
    chart.add("Avancement", [g.progress for g in reversed(groups)])
    return chart.render()
