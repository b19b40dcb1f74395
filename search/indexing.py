"""Keep the search index in line with the published items: one document per published item.

``index_object`` writes (or removes) the document of one item and logs what changed for the
servers' in-memory filter indexes (``facet_index.record``); ``rebuild`` and ``index_many`` rewrite in
bulk and renew the index token (``facet_index.mark_rewritten``: every index is rebuilt). Both in the
writing transaction. Each kind of item has a builder that says what is searched and which facets it carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from knowledge.models import ActorRole, Milestone, ReferenceActor
from knowledge.sourcing import SOURCE_DOCUMENT
from observatory.models import Survey, SurveyFigure
from reference.models import ActorKind, ForceOfChange
from resources.models import Event, Maturity, NewsItem, Phase, Study, Tool, ToolFormat
from roadmap.models import Measure
from search import facet_index
from search.models import Facet, SearchDocument, SearchFacetValue, Section
from search.text import index_text

BATCH_SIZE = 500


@dataclass
class Entry:
    """What the index keeps of one item."""

    section: str
    object_id: int
    title: str
    summary: str
    url: str
    is_demo: bool = False
    date: dt.date | None = None
    expire_at: dt.datetime | None = None
    body: list[str] = field(default_factory=list)
    facets: list[tuple[str, str]] = field(default_factory=list)
    source: str = ""

    def all_facets(self) -> list[tuple[str, str]]:
        """The item's facets (demo content is told by ``is_demo``: the index keeps its own posting)."""
        return list(self.facets)

    def document(self) -> SearchDocument:
        return SearchDocument(
            section=self.section,
            object_id=self.object_id,
            title=self.title[:300],
            summary=self.summary,
            url=self.url,
            is_demo=self.is_demo,
            source=self.source[:600],
            date=self.date,
            expire_at=self.expire_at,
            title_text=index_text(self.title),
            body_text=index_text(self.summary, *self.body),
        )


def _territory_facets(item: Any) -> list[tuple[str, str]]:
    facets = []
    if item.region_code:
        facets.append((Facet.REGION, item.region_code))
    if item.departement_code:
        facets.append((Facet.DEPARTEMENT, item.departement_code))
    return facets


def _case_entry(case: Case) -> Entry:
    partners = list(case.partners.all())
    targets = list(case.sdg_targets.all())
    kinds = {p.kind.slug: p.kind for p in partners}
    return Entry(
        section=Section.CASE,
        object_id=case.pk,
        title=case.title,
        summary=case.summary,
        url=case.get_absolute_url(),
        is_demo=case.is_demo,
        date=case.last_verified_on or case.created_at.date(),
        expire_at=case.expire_at,
        body=[
            case.objectives,
            case.results,
            case.modality.name,
            case.territory_name,
            *(f"{p.name} {p.role}" for p in partners),
            *(kind.name_plural for kind in kinds.values()),
            # « ODD 17 » finds the cases that aim at SDG 17, even when their text does not name it.
            *(f"ODD {goal.number} {goal.short_title}" for goal in {t.goal.number: t.goal for t in targets}.values()),
        ],
        facets=[
            *((Facet.ACTOR_KIND, slug) for slug in kinds),
            (Facet.MODALITY, case.modality.slug),
            *((Facet.SDG, str(number)) for number in sorted({t.goal.number for t in targets})),
            *_territory_facets(case),
        ],
    )


def _tool_entry(tool: Tool) -> Entry:
    audiences: list[ActorKind] = list(tool.audiences.all())
    return Entry(
        section=Section.TOOL,
        object_id=tool.pk,
        title=tool.title,
        summary=tool.summary,
        url=tool.get_absolute_url(),
        is_demo=tool.is_demo,
        date=tool.created_at.date(),
        expire_at=tool.expire_at,
        body=[tool.provider, ToolFormat(tool.format).label, Phase(tool.phase).label, Maturity(tool.maturity).label],
        facets=[
            *((Facet.ACTOR_KIND, kind.slug) for kind in audiences),
            (Facet.PHASE, tool.phase),
            (Facet.MATURITY, tool.maturity),
        ],
    )


def _source(item: Any) -> str:
    """« Document — section » for a record taken from the source document, empty otherwise."""
    if not item.source:
        return ""
    return f"{item.source} — {item.source_section}" if item.source_section else item.source


def _study_entry(study: Study) -> Entry:
    return Entry(
        section=Section.STUDY,
        object_id=study.pk,
        title=study.title,
        summary=study.summary,
        url=study.get_absolute_url(),
        is_demo=study.is_demo,
        date=study.published_on,
        expire_at=study.expire_at,
        body=[study.publisher, study.key_figures],
        source=_source(study),
    )


def _news_entry(news_item: NewsItem) -> Entry:
    return Entry(
        section=Section.NEWS,
        object_id=news_item.pk,
        title=news_item.title,
        summary=news_item.summary,
        url=news_item.get_absolute_url(),
        is_demo=news_item.is_demo,
        date=news_item.published_on,
        expire_at=news_item.expire_at,
        body=[news_item.body],
    )


def _event_entry(event: Event) -> Entry:
    return Entry(
        section=Section.EVENT,
        object_id=event.pk,
        title=event.title,
        summary=event.summary,
        url=event.get_absolute_url(),
        is_demo=event.is_demo,
        date=timezone.localdate(event.starts_at),
        expire_at=event.expire_at,
        body=[event.place, event.territory_name],
        facets=_territory_facets(event),
        source=_source(event),
    )


def _measure_entry(measure: Measure) -> Entry:
    return Entry(
        section=Section.MEASURE,
        object_id=measure.pk,
        title=f"Mesure {measure.number} — {measure.title}",
        summary=measure.objective,
        url=measure.get_absolute_url(),
        body=[measure.action_modalities, measure.expected_results, measure.facilitators],
    )


def _actor_entry(actor: ReferenceActor) -> Entry:
    return Entry(
        section=Section.ACTOR,
        object_id=actor.pk,
        title=actor.name,
        summary=actor.description,
        url=actor.get_absolute_url(),
        body=[ActorRole(actor.kind).label, actor.source_passage],
        source=_source(actor),
    )


def _milestone_entry(milestone: Milestone) -> Entry:
    return Entry(
        section=Section.MILESTONE,
        object_id=milestone.pk,
        title=f"{milestone.date_label} — {milestone.title}",
        summary=milestone.source_passage,
        url=milestone.get_absolute_url(),
        date=milestone.date,
        body=[str(milestone.date.year)],
        source=_source(milestone),
    )


def _force_entry(force: ForceOfChange) -> Entry:
    return Entry(
        section=Section.FORCE,
        object_id=force.pk,
        title=f"Force du changement n° {force.number} — {force.name}",
        summary=force.description,
        url=f"{reverse('knowledge:forces')}#force-{force.number}",
        body=[force.illustration, "7 forces du changement"],
        source=f"{SOURCE_DOCUMENT} — En synthèse sur chacune des 7 forces du changement",
    )


def _survey_entry(survey: Survey) -> Entry:
    figures = [f"{figure.value_label} des {figure.population} : {figure.indicator}" for figure in survey.figures.all()]
    details = [survey.programme, survey.institute, str(survey.year or "")]
    return Entry(
        section=Section.SURVEY,
        object_id=survey.pk,
        title=f"Enquête {survey.title}",
        summary=" ; ".join(figures) or ", ".join(detail for detail in details if detail),
        url=survey.get_absolute_url(),
        body=[*details, survey.population, *(figure.source_passage for figure in survey.figures.all())],
        source=_source(survey),
    )


@dataclass(frozen=True)
class Source:
    """A kind of item in the index: its published items (with what the builder reads) and its builder."""

    published: Callable[[], models.QuerySet]
    build: Callable[[Any], Entry]


SOURCES: dict[type[models.Model], Source] = {
    Case: Source(
        lambda: (
            Case.objects.published().select_related("modality").prefetch_related("partners__kind", "sdg_targets__goal")
        ),
        _case_entry,
    ),
    Tool: Source(lambda: Tool.objects.published().prefetch_related("audiences"), _tool_entry),
    Study: Source(lambda: Study.objects.published(), _study_entry),
    NewsItem: Source(lambda: NewsItem.objects.published(), _news_entry),
    Event: Source(lambda: Event.objects.published(), _event_entry),
    Measure: Source(lambda: Measure.objects.published(), _measure_entry),
    ReferenceActor: Source(lambda: ReferenceActor.objects.all(), _actor_entry),
    Milestone: Source(lambda: Milestone.objects.all(), _milestone_entry),
    ForceOfChange: Source(lambda: ForceOfChange.objects.all(), _force_entry),
    Survey: Source(lambda: Survey.objects.prefetch_related("figures"), _survey_entry),
}
SECTION_OF: dict[type[models.Model], str] = {
    Case: Section.CASE,
    Tool: Section.TOOL,
    Study: Section.STUDY,
    NewsItem: Section.NEWS,
    Event: Section.EVENT,
    Measure: Section.MEASURE,
    ReferenceActor: Section.ACTOR,
    Milestone: Section.MILESTONE,
    ForceOfChange: Section.FORCE,
    Survey: Section.SURVEY,
}
# Items with no publication workflow: every save (back office, reference loader) re-indexes them.
INDEXED_ON_SAVE: tuple[type[models.Model], ...] = (Measure, ReferenceActor, Milestone, ForceOfChange, Survey)
# Parts of an indexed item: saving or deleting one re-indexes the item it belongs to.
PART_OF: dict[type[models.Model], Callable[[Any], models.Model]] = {SurveyFigure: lambda figure: figure.survey}


def is_indexed_model(model: type[models.Model]) -> bool:
    return model in SOURCES


def _save(entries: list[Entry]) -> list[int]:
    """Insert the documents of ``entries`` with their facet values; returns their ids."""
    documents = SearchDocument.objects.bulk_create([entry.document() for entry in entries])
    SearchFacetValue.objects.bulk_create(
        [
            SearchFacetValue(document=document, facet=facet, value=value)
            for document, entry in zip(documents, entries, strict=True)
            for facet, value in dict.fromkeys(entry.all_facets())
        ]
    )
    return [document.pk for document in documents]


def _delete(model: type[models.Model], pk: int) -> list[int]:
    """Delete the document of one item; returns the ids deleted."""
    stale = SearchDocument.objects.filter(section=SECTION_OF[model], object_id=pk)
    ids = list(stale.values_list("id", flat=True))
    stale.delete()
    return ids


@transaction.atomic
def remove_object(model: type[models.Model], pk: int) -> None:
    facet_index.record(removed=_delete(model, pk))


@transaction.atomic
def index_object(obj: models.Model) -> bool:
    """Write the document of ``obj`` if it is published, remove it otherwise. True if indexed."""
    model = type(obj)
    source = SOURCES[model]
    removed = _delete(model, obj.pk)
    fresh = source.published().filter(pk=obj.pk).first()
    added = _save([source.build(fresh)]) if fresh is not None else []
    facet_index.record(removed=removed, added=added)
    return fresh is not None


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@transaction.atomic
def rebuild(*, progress: Callable[[int], None] | None = None) -> dict[str, int]:
    """Rewrite every document from the published items; returns the count per section."""
    SearchFacetValue.objects.all().delete()
    SearchDocument.objects.all().delete()
    facet_index.mark_rewritten()
    counts: dict[str, int] = {}
    for model, source in SOURCES.items():
        count = 0
        for batch in _batches(source.published().order_by("pk").iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
            _save([source.build(item) for item in batch])
            count += len(batch)
            if progress:
                progress(len(batch))
        counts[SECTION_OF[model]] = count
    return counts


def index_many(
    model: type[models.Model],
    queryset: models.QuerySet | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> int:
    """(Re)write in bulk the documents of the published items of ``model`` among ``queryset`` (all by default).

    For items written without signals (``bulk_create``, e.g. ``generate_dataset``): batch by batch, the
    old documents of the batch are removed and the new ones inserted in two ``bulk_create``. Returns the
    number of documents written. Each batch is its own transaction, so a long run keeps memory flat.
    """
    source, section = SOURCES[model], SECTION_OF[model]
    items = source.published()
    if queryset is not None:
        items = items.filter(pk__in=queryset.values("pk"))
    count = 0
    for batch in _batches(items.order_by("pk").iterator(chunk_size=BATCH_SIZE), BATCH_SIZE):
        with transaction.atomic():
            stale = SearchDocument.objects.filter(section=section, object_id__in=[item.pk for item in batch])
            SearchFacetValue.objects.filter(document__in=stale)._raw_delete(SearchFacetValue.objects.db)
            stale._raw_delete(stale.db)
            _save([source.build(item) for item in batch])
            facet_index.mark_rewritten()
        count += len(batch)
        if progress:
            progress(len(batch))
    return count


def published_total() -> int:
    return sum(source.published().count() for source in SOURCES.values())
