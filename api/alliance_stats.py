"""``GET /api/v1/alliance/stats``: the public statistics of « Faire alliance », the same rows as the
page and its CSV (alliances.stats). Counts only, demo left out and counted apart."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Router, Schema

from alliances import stats

router = Router(tags=["Faire alliance"])


class StatsRowOut(Schema):
    scope: str = Field(description="« france », « departement » ou « modalite ».")
    code: str = Field(description="« FR », le code du département ou l'identifiant de la modalité.")
    label: str
    open_needs: int = Field(description="Besoins ouverts (publiés, non expirés).")
    open_offers: int = Field(description="Offres ouvertes.")
    matches: int = Field(description="Mises en relation, quel que soit leur statut.")
    answered: int = Field(description="Réponses : acceptées par les deux côtés ou déclinées.")
    accepted: int
    declined: int
    expired: int = Field(description="Restées sans réponse dans le délai.")
    acceptance_rate: float | None = Field(description="Acceptées sur réponses, en % ; null sans réponse (sans objet).")
    median_answer_days: float | None = Field(
        description="Jours entre l'envoi et la réponse (médiane) ; null sans réponse."
    )
    formed: int = Field(description="Alliances formées.")


class DemoOut(Schema):
    listings: int = Field(description="Annonces ouvertes fictives écartées des chiffres.")
    matches: int = Field(description="Mises en relation fictives écartées des chiffres.")


class StatsOut(Schema):
    count: int
    items: list[StatsRowOut]
    demo_left_out: DemoOut


@router.get(
    "/stats",
    response=StatsOut,
    summary="Statistiques publiques : annonces, mises en relation, taux d'acceptation, délai médian, alliances formées",
    url_name="alliance_stats",
)
def alliance_stats(request: HttpRequest) -> dict[str, object]:
    figures = stats.alliance_stats()
    return {"count": len(figures.rows), "items": figures.rows, "demo_left_out": figures.demo}
