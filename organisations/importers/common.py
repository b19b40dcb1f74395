"""What both register importers need: the actor kinds and the communes, read once per run."""

from __future__ import annotations

import re
from dataclasses import dataclass

from organisations.importers.runner import RowContext
from reference.models import ActorKind
from territories.models import Commune, CommuneAlternateCode, CommunePostcode
from territories.text import search_key

_WEBSITE = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(/\S*)?$", re.IGNORECASE)


class MissingReferenceData(Exception):
    pass


def actor_kind_ids() -> dict[str, int]:
    kinds = dict(ActorKind.objects.values_list("slug", "id"))
    if "association" not in kinds:
        raise MissingReferenceData(
            "Les types d'acteurs ne sont pas chargés : lancez d'abord « manage.py load_reference_data »."
        )
    return kinds


@dataclass
class Communes:
    """INSEE codes (current, former, arrondissements) and postcodes → current commune code."""

    by_code: dict[str, str]
    by_postcode: dict[str, list[tuple[str, str]]]

    @classmethod
    def load(cls) -> Communes:
        by_code = {code: code for code in Commune.objects.values_list("code", flat=True)}
        for code, commune in CommuneAlternateCode.objects.values_list("code", "commune_id"):
            by_code.setdefault(code, commune)
        names = dict(Commune.objects.values_list("code", "search_key"))
        by_postcode: dict[str, list[tuple[str, str]]] = {}
        for postcode, commune in CommunePostcode.objects.values_list("code", "commune_id"):
            by_postcode.setdefault(postcode, []).append((commune, names[commune]))
        return cls(by_code, by_postcode)

    def resolve(self, insee: str, context: RowContext, *, postcode: str = "", name: str = "") -> str | None:
        insee = insee.strip().upper()
        if insee:
            found = self.by_code.get(insee)
            if found is None:
                context.warn(f"code commune inconnu « {insee[:10]} » : importée sans commune")
            return found
        candidates = self.by_postcode.get(postcode.strip(), [])
        if len(candidates) == 1:
            return candidates[0][0]
        key = search_key(name)
        for code, commune_key in candidates:
            if commune_key == key:
                return code
        if postcode.strip():
            context.warn(
                f"commune introuvable pour « {postcode.strip()[:10]} {name.strip()[:40]} » : importée sans commune"
            )
        return None


def website(value: str) -> str:
    """An http(s) address, or nothing: other schemes (``javascript:``…) and free text are dropped."""
    value = value.strip()
    if not value or len(value) > 300 or not _WEBSITE.match(value):
        return ""
    return value if value.lower().startswith(("http://", "https://")) else f"http://{value}"
