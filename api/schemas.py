"""Shapes of the JSON API (the OpenAPI document is generated from them)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

_PROGRESS = (
    "Avancement moyen (%) des seules mesures évaluées (qui ont un bilan) ; null quand aucune ne l'est. "
    "À lire avec evaluated_count et measure_count."
)


class HorizonOut(Schema):
    min: int
    max: int


class RollUpOut(Schema):
    """A rolled-up progress and what it rests on."""

    measure_count: int = Field(description="Nombre de mesures publiées de l'ensemble.")
    evaluated_count: int = Field(description="Nombre de ces mesures qui ont un bilan (mesures évaluées).")
    progress: int | None = Field(description=_PROGRESS)
    basis: str = Field(description="Base du calcul en toutes lettres, par exemple « 1 mesure évaluée sur 21 ».")


class WorkstreamReviewOut(Schema):
    date: dt.date
    status: str
    status_label: str
    progress: int | None


class WorkstreamOut(RollUpOut):
    number: int
    slug: str
    title: str
    description: str
    measures: list[int]
    review: WorkstreamReviewOut | None = Field(
        description="Dernier bilan propre du chantier (son statut juge l'ensemble du chantier) ; null sans bilan."
    )
    review_disagrees_with_measures: bool = Field(
        description=(
            "Vrai quand le bilan propre du chantier et la moyenne de ses mesures évaluées disent des choses "
            "différentes (pas commencé, en cours, atteint), par exemple 100 % pour les mesures et « En cours » "
            "pour le chantier."
        )
    )
    url: str


class DimensionOut(RollUpOut):
    dimension: str
    label: str
    horizon_months: HorizonOut


class RoadmapSummaryOut(RollUpOut):
    """The « résultats en synthèse »: the programme, its dimensions and its workstreams."""

    slug: str
    title: str
    start_date: dt.date
    dimensions: list[DimensionOut]
    workstreams: list[WorkstreamOut]
    csv_url: str


class NextReviewOut(Schema):
    due_date: dt.date = Field(description="Échéance du prochain bilan de la mesure.")
    state: str = Field(description="a-jour, bilan-attendu (30 jours avant l'échéance) ou en-retard.")
    state_label: str
    computed: bool = Field(description="true si l'échéance est calculée, false si l'équipe de la mission l'a fixée.")
    explanation: str = Field(description="Comment l'échéance a été obtenue.")


class MeasureOut(Schema):
    number: int
    title: str
    dimension: str
    dimension_label: str
    horizon_months: HorizonOut
    workstreams: list[int]
    status: str | None = Field(description="Statut du dernier bilan ; null pour une mesure sans bilan.")
    status_label: str
    progress: int | None = Field(description="Avancement (%) du dernier bilan ; null pour une mesure sans bilan.")
    last_review_date: dt.date | None
    next_review: NextReviewOut | None = None
    url: str


class EvidenceOut(Schema):
    url: str
    label: str


class ReviewOut(Schema):
    date: dt.date
    status: str
    status_label: str
    progress: int | None
    text: str
    next_steps: str
    next_step_date: dt.date | None
    evidence_links: list[EvidenceOut]
    source: str


class MeasureDetailOut(MeasureOut):
    objective: str
    action_modalities: str
    facilitators: str
    points_of_support: str
    expected_results: str
    expected_delay_months: int | None
    reviews: list[ReviewOut]


class BilanEntryOut(Schema):
    number: int
    title: str
    dimension: str
    status: str | None
    status_label: str
    progress: int | None = Field(description="Avancement figé (%) ; null pour une mesure qui n'avait pas de bilan.")
    review_date: dt.date | None


class BilanOut(RollUpOut):
    slug: str
    title: str
    date: dt.date
    summary: str
    url: str
    pdf_url: str
    csv_url: str


class BilanGroupOut(RollUpOut):
    level: str = Field(description="« programme », « dimension » ou « chantier ».")
    key: str
    label: str
    review: WorkstreamReviewOut | None = Field(
        description="Pour un chantier : son dernier bilan propre à la date du bilan d'ensemble ; null sinon."
    )
    review_disagrees_with_measures: bool


class BilanDetailOut(BilanOut):
    groups: list[BilanGroupOut]
    entries: list[BilanEntryOut]


class ErrorOut(Schema):
    detail: str
