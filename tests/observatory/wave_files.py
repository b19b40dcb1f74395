"""A wave CSV as an editor would fill the template (tests of the observatory's wave import)."""

from __future__ import annotations

from observatory.waves import HEADER

LINE = {
    "enquete": "barometre-essai",
    "code_indicateur": "alliances-indispensables",
    "indicateur": "Part qui juge les alliances indispensables",
    "population": "Maires",
    "type_acteur": "collectivite",
    "echelle_territoire": "region",
    "code_territoire": "93",
    "annee": "2024",
    "qualificatif": "",
    "valeur": "81,5",
    "unite": "%",
    "base": "Ensemble des maires",
    "marge_erreur": "2,5",
    "reponses_multiples": "non",
    "date_collecte": "2024-03-31",
    "remarque": "",
    "source": "Rapport 2024, page 12",
}


def wave_csv(*lines: dict[str, str], header: list[str] | None = None) -> bytes:
    rows = [";".join(header or HEADER)]
    rows += [";".join({**LINE, **line}[column] for column in HEADER) for line in lines]
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
