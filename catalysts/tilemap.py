"""The « carte en tuiles » of the départements: one square per département on a hand-written grid.

No geographic shapes are shipped (docs/adr/0011-catalysts-map.md): each département is a tile at
an approximate position (column, row) of metropolitan France; Corsica sits to the south-east and
the five départements d'outre-mer on a separate band below. Colour = active catalysts; the page
always shows the same figures in a table beside the map.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.sax.saxutils import escape

from catalysts.selectors import DepartementRow
from core.demo import demo_share

_GRID = """
62 59
76 80 02 08
50 14 27 95 60 51 55 57 67
29 22 35 61 28 78 92 75 93 54 88 68
56 53 72 41 91 94 77 10 52 70 90
44 49 37 45 18 58 89 21 39 25
85 79 86 36 23 03 71 01 74
17 16 87 19 63 42 69 38 73
33 24 46 15 43 07 26 05
40 47 82 12 48 30 84 04 06
64 32 31 81 34 13 83
65 09 11 66
"""
# First column of each row of _GRID (rows are contiguous from there).
_ROW_START = [6, 5, 3, 0, 1, 1, 1, 1, 1, 1, 1, 2]
_CORSICA = {"2B": (10, 10), "2A": (10, 11)}
_OVERSEAS = {"971": (0, 13), "972": (1, 13), "973": (2, 13), "974": (3, 13), "976": (4, 13)}


def _positions() -> dict[str, tuple[int, int]]:
    positions: dict[str, tuple[int, int]] = {}
    for row, (line, start) in enumerate(zip(_GRID.strip().splitlines(), _ROW_START, strict=True)):
        for offset, code in enumerate(line.split()):
            positions[code] = (start + offset, row)
    return {**positions, **_CORSICA, **_OVERSEAS}


POSITIONS = _positions()

TILE = 44
GAP = 3
MARGIN = 10
LEGEND_TOP = 15 * (TILE + GAP)
# (lowest count, fill, text colour, legend label): DSFR « bleu France » shades, 0 stays light grey.
SCALE = [
    (0, "#eeeeee", "#161616", "aucun catalyseur"),
    (1, "#cacafb", "#161616", "1 catalyseur"),
    (2, "#8585f6", "#161616", "2 catalyseurs"),
    (3, "#000091", "#ffffff", "3 catalyseurs ou plus"),
]


def _shade(count: int) -> tuple[str, str]:
    fill, text = SCALE[0][1], SCALE[0][2]
    for lowest, tile_fill, tile_text, _ in SCALE:
        if count >= lowest:
            fill, text = tile_fill, tile_text
    return fill, text


def render_svg(rows: Iterable[DepartementRow]) -> bytes:
    """An SVG document with one ``<g class="tile">`` per département found in ``rows``."""
    rows = list(rows)
    demo = sum(1 for row in rows if row.demo_catalysts)
    note = f", exemples fictifs compris dans {demo} département{'s' if demo > 1 else ''}" if demo else ""
    step = TILE + GAP
    width = MARGIN * 2 + 12 * step
    height = LEGEND_TOP + 30 * len(SCALE) + MARGIN
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="titre-carte" '
        'font-family="Marianne, Arial, sans-serif">',
        f'<title id="titre-carte">Catalyseurs territoriaux actifs par département (carte en tuiles{note})</title>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="{MARGIN + 13 * step - 6}" font-size="12" fill="#3a3a3a">Outre-mer</text>',
    ]
    for row in rows:
        column, line = POSITIONS.get(row.code, (11, 13))
        x, y = MARGIN + column * step, MARGIN + line * step + (10 if line == 13 else 0)
        fill, text = _shade(row.catalysts)
        plural = "s" if row.catalysts > 1 else ""
        label = escape(f"{row.name} ({row.code}) : {row.catalysts} catalyseur{plural}{demo_share(row.demo_catalysts)}")
        parts.append(
            f'<g class="tile" data-code="{escape(row.code)}" data-catalysts="{row.catalysts}" '
            f'data-demo="{row.demo_catalysts}"><title>{label}</title>'
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="3" fill="{fill}" stroke="#666666" '
            f'stroke-width="0.5"/><text x="{x + TILE / 2:g}" y="{y + TILE / 2 + 5:g}" text-anchor="middle" '
            f'font-size="14" fill="{text}">{escape(row.code)}</text></g>'
        )
    for index, (_, fill, _, legend) in enumerate(SCALE):
        y = LEGEND_TOP + index * 30
        parts.append(
            f'<rect x="{MARGIN}" y="{y}" width="20" height="20" fill="{fill}" stroke="#666666" stroke-width="0.5"/>'
            f'<text x="{MARGIN + 28}" y="{y + 15}" font-size="13" fill="#161616">{legend}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts).encode()
