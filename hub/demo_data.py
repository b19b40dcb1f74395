"""Read and check the demonstration content of data/demo/ (« exemples fictifs »), before anything is written.

One YAML file per kind (cases, tools, studies, news, events, catalysts, support schemes), each a list
of records. ``read_demo_content`` reads them all and returns plain dicts ready for the services, or
raises ``DemoDataError`` with every problem found, in French, naming the file, the record and the
field: a missing or unexpected field, a wrong type, an unknown SDG target, actor kind, modality or
territory code. Territories are given by official codes (COG); without the geography loaded, the
content is attached to France entière and the catalysts are left out (see the command).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.loading import DATA_DIR
from hub.territory import TerritoryLevel
from resources.models import Maturity, Phase, ToolFormat

DEMO_DIR = DATA_DIR / "demo"
KINDS = ("cases", "tools", "studies", "news", "events", "catalysts", "support_schemes")


class DemoDataError(Exception):
    """Every problem found in the files, one French sentence each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Vocabularies:
    """What the records may point to: slugs and codes already in the database."""

    actor_kinds: set[str]
    modalities: set[str]
    sdg_targets: set[str]
    geography_loaded: bool


@dataclass
class DemoContent:
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(len(records) for records in self.items.values())


@dataclass
class _TerritoryRef:
    where: str
    level: str
    code: str


class _Record:
    """One record of one file: each accessor checks a field and notes a French problem when it is wrong."""

    def __init__(self, path: Path, index: int, raw: object, problems: list[str]) -> None:
        self.raw: dict[str, Any] = raw if isinstance(raw, dict) else {}
        slug = self.raw.get("slug") or self.raw.get("name")
        self.label = f"{path.name}, élément {index + 1}" + (f" (« {slug} »)" if isinstance(slug, str) else "")
        self.problems = problems
        self.read: set[str] = set()
        if not isinstance(raw, dict):
            self.problem("", "l'élément doit être une table de champs (« nom: valeur »)")

    def problem(self, name: str, message: str) -> None:
        self.problems.append(f"{self.label}" + (f", champ « {name} »" if name else "") + f" : {message}.")

    def _get(self, name: str, required: bool) -> Any:
        self.read.add(name)
        value = self.raw.get(name)
        if value is None and required and self.raw:
            self.problem(name, "champ obligatoire absent ou vide")
        return value

    def text(self, name: str, *, required: bool = True) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.problem(name, "un texte non vide est attendu")
            return ""
        return value

    def texts(self, name: str, *, allowed: Iterable[str] | None = None, unknown: str = "") -> list[str]:
        value = self._get(name, False)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(name, "une liste de textes est attendue, par exemple ['a', 'b']")
            return []
        known = set(allowed) if allowed is not None else None
        for item in value:
            if known is not None and item not in known:
                self.problem(name, f"{unknown} « {item} »")
        return value

    def choice(self, name: str, allowed: Iterable[str], unknown: str) -> str:
        value = self.text(name)
        if value and value not in set(allowed):
            self.problem(name, f"{unknown} « {value} »")
        return value

    def year(self, name: str, *, required: bool = True) -> int | None:
        value = self._get(name, required)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2100:
            self.problem(name, f"une année est attendue (AAAA), pas « {value} »")
            return None
        return value

    def date(self, name: str) -> dt.date | None:
        value = self._get(name, True)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if value is not None:
            self.problem(name, f"une date AAAA-MM-JJ est attendue, pas « {value} »")
        return None

    def moment(self, name: str) -> dt.datetime | None:
        value = self._get(name, True)
        if value is None:
            return None
        try:
            moment = dt.datetime.fromisoformat(str(value))
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            self.problem(name, f"une date et heure ISO 8601 avec décalage est attendue, pas « {value} »")
            return None
        return moment

    def done(self) -> None:
        for name in sorted(set(self.raw) - self.read):
            self.problem(str(name), "champ inconnu")


def _territory(record: _Record, refs: list[_TerritoryRef]) -> dict[str, str]:
    level = record.choice("territory_level", TerritoryLevel.values, "échelle de territoire inconnue")
    code = record.text("territory_code", required=False)
    if level == TerritoryLevel.FRANCE:
        if code:
            record.problem("territory_code", "aucun code pour la France entière")
        return {"territory_level": level, "territory_code": ""}
    if level and not code:
        record.problem("territory_code", f"le code officiel est obligatoire à l'échelle « {level} »")
    elif level:
        refs.append(_TerritoryRef(record.label, level, code))
    return {"territory_level": level, "territory_code": code}


def _heading(r: _Record) -> dict[str, str]:
    """What every item of the hub has: its slug (which matches it on the next load), title and summary."""
    return {"slug": r.text("slug"), "title": r.text("title"), "summary": r.text("summary")}


def _case(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    partners = []
    raw_partners = r._get("partners", True)
    if raw_partners is not None and not (isinstance(raw_partners, list) and raw_partners):
        r.problem("partners", "une liste de partenaires (name, kind, role) est attendue")
    for number, partner in enumerate(raw_partners if isinstance(raw_partners, list) else [], start=1):
        p = partner if isinstance(partner, dict) else {}
        kind = p.get("kind")
        if not all(isinstance(p.get(key), str) and p[key].strip() for key in ("name", "kind", "role")) or len(p) != 3:
            r.problem("partners", f"le partenaire {number} doit avoir exactement name, kind et role, non vides")
        elif kind not in v.actor_kinds:
            r.problem("partners", f"type d'acteur inconnu « {kind} » (partenaire {number})")
        partners.append(p)
    return {
        **_heading(r),
        "partners": partners,
        "modality": r.choice("modality", v.modalities, "modalité de partenariat inconnue"),
        "objectives": r.text("objectives"),
        "start_year": r.year("start_year"),
        "end_year": r.year("end_year", required=False),
        "targets": r.texts("targets", allowed=v.sdg_targets, unknown="cible ODD inconnue"),
        **_territory(r, refs),
        "results": r.text("results"),
        "last_verified_on": r.date("last_verified_on"),
    }


def _tool(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    return {
        **_heading(r),
        "phase": r.choice("phase", Phase.values, "phase inconnue"),
        "maturity": r.choice("maturity", Maturity.values, "maturité inconnue"),
        "format": r.choice("format", ToolFormat.values, "format inconnu"),
        "provider": r.text("provider"),
        "audiences": r.texts("audiences", allowed=v.actor_kinds, unknown="type d'acteur inconnu"),
    }


def _study(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    return {
        **_heading(r),
        "publisher": r.text("publisher"),
        "published_on": r.date("published_on"),
        "key_figures": r.texts("key_figures"),
    }


def _news(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    return {
        **_heading(r),
        "published_on": r.date("published_on"),
        "body": r.text("body", required=False),
    }


def _event(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    starts_at, ends_at = r.moment("starts_at"), r.moment("ends_at")
    if starts_at and ends_at and ends_at < starts_at:
        r.problem("ends_at", "la fin précède le début")
    return {
        **_heading(r),
        "starts_at": starts_at,
        "ends_at": ends_at,
        "place": r.text("place"),
        **_territory(r, refs),
    }


def _catalyst(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    departements = r.texts("departements")
    regions = r.texts("regions")
    refs += [_TerritoryRef(r.label, TerritoryLevel.DEPARTEMENT, code) for code in departements]
    refs += [_TerritoryRef(r.label, TerritoryLevel.REGION, code) for code in regions]
    return {
        "slug": r.text("slug"),
        "name": r.text("name"),
        "kind": r.choice("kind", v.actor_kinds, "type d'acteur inconnu"),
        "description": r.text("description"),
        "support_offered": r.text("support_offered"),
        "audiences": r.texts("audiences", allowed=v.actor_kinds, unknown="type d'acteur inconnu"),
        "departements": departements,
        "regions": regions,
        "contact_email": r.text("contact_email"),
        "website": r.text("website", required=False),
    }


def _support_scheme(r: _Record, v: Vocabularies, refs: list[_TerritoryRef]) -> dict[str, Any]:
    return {
        "name": r.text("name"),
        "provider": r.text("provider"),
        "description": r.text("description"),
        "link": r.text("link", required=False),
    }


_READERS: dict[str, Callable[[_Record, Vocabularies, list[_TerritoryRef]], dict[str, Any]]] = {
    "cases": _case,
    "tools": _tool,
    "studies": _study,
    "news": _news,
    "events": _event,
    "catalysts": _catalyst,
    "support_schemes": _support_scheme,
}


def _load_file(path: Path, problems: list[str]) -> list[Any]:
    if not path.exists():
        problems.append(f"{path.name} : fichier absent de {path.parent}.")
        return []
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.safe_load(handle)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(f"{path.name} : YAML illisible ({error}).")
        return []
    if not isinstance(raw, list):
        problems.append(f"{path.name} : le fichier doit être une liste d'éléments (« - slug: … »).")
        return []
    return raw


def _unknown_territories(refs: list[_TerritoryRef]) -> list[str]:
    from territories.models import Commune, Departement, Epci, Region

    models = {
        TerritoryLevel.REGION: (Region, "aucune région"),
        TerritoryLevel.DEPARTEMENT: (Departement, "aucun département"),
        TerritoryLevel.EPCI: (Epci, "aucun EPCI"),
        TerritoryLevel.COMMUNE: (Commune, "aucune commune"),
    }
    problems = []
    for level, (model, name) in models.items():
        wanted = {ref.code for ref in refs if ref.level == level}
        known = set(model._default_manager.filter(code__in=wanted).values_list("code", flat=True))
        problems += [
            f"{ref.where} : {name} de code officiel « {ref.code} » dans le COG."
            for ref in refs
            if ref.level == level and ref.code not in known
        ]
    return problems


def read_demo_content(vocabularies: Vocabularies, directory: Path = DEMO_DIR) -> DemoContent:
    """Every record of every file, checked; ``DemoDataError`` lists all the problems (nothing is written here)."""
    problems: list[str] = []
    refs: list[_TerritoryRef] = []
    content = DemoContent()
    for kind in KINDS:
        path = directory / f"{kind}.yml"
        records, keys = [], set()
        for index, raw in enumerate(_load_file(path, problems)):
            record = _Record(path, index, raw, problems)
            data = _READERS[kind](record, vocabularies, refs)
            record.done()
            key = data.get("slug") or data.get("name")
            if key in keys:
                record.problem("slug" if "slug" in data else "name", f"« {key} » apparaît deux fois dans le fichier")
            keys.add(key)
            records.append(data)
        content.items[kind] = records
    if vocabularies.geography_loaded:
        problems += _unknown_territories(refs)
    if problems:
        raise DemoDataError(problems)
    return content
