"""The source document's knowledge loaded by ``load_reference_data``: sourced, real, exact, idempotent."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from knowledge.dates import DatePrecision, format_partial_date, parse_partial_date
from knowledge.models import Milestone, ReferenceActor
from knowledge.sourcing import SOURCE_DOCUMENT
from observatory.models import Survey, SurveyFigure
from resources.models import Event, Study
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

SEEDED = [Study, Event, ReferenceActor, Milestone, Survey, SurveyFigure]


def _load() -> str:
    out = io.StringIO()
    call_command("load_reference_data", stdout=out, stderr=io.StringIO(), verbosity=1)
    return out.getvalue()


def test_a_second_load_changes_none_of_the_seed_records_and_says_so(territories) -> None:
    _load()
    before = {model: list(model.objects.order_by("pk").values()) for model in SEEDED}
    out = _load()
    assert "(0 changement(s))" in out
    assert "études et rapports : 0 créé(s), 0 mis à jour, 20 inchangé(s)" in out
    assert "chiffres d'enquête : 0 créé(s), 0 mis à jour, 6 inchangé(s)" in out
    assert {model: list(model.objects.order_by("pk").values()) for model in SEEDED} == before


def test_every_seed_record_carries_the_document_its_section_and_a_passage(reference_data) -> None:
    for model in SEEDED:
        records = list(model.objects.all())
        assert records, model
        for record in records:
            assert record.source == SOURCE_DOCUMENT, record
            assert record.source_section, record
            assert record.source_passage, record


def test_seed_studies_and_events_are_published_real_content_never_demo(reference_data) -> None:
    for model in (Study, Event):
        assert model.objects.filter(is_demo=True).count() == 0
        assert model.objects.filter(live=False).count() == 0
        assert model.objects.published().count() == model.objects.count()


def test_the_footnotes_are_quoted_exactly(reference_data) -> None:
    citizens = Study.objects.get(slug="etude-jouer-collectif-sortie-de-crise-volet-citoyens")
    assert citizens.source_passage == (
        "Etude « jouer collectif en sortie de crise » pour l'Observatoire des partenariats – volet citoyens "
        "(Comisis-OpinionWay, mai 2020)"
    )
    assert citizens.publisher == "Comisis-OpinionWay"
    assert citizens.published_label == "mai 2020"
    assert Study.objects.get(slug="referentiel-co-construction-territoriale").published_label == "novembre 2016"
    assert Study.objects.get(slug="etude-citoyens-observatoire-des-partenariats-2008").published_label == "2008"


def test_a_study_without_a_date_in_the_source_gets_none(reference_data) -> None:
    benchmark = Study.objects.get(slug="benchmark-pratiques-odd-des-entreprises")
    assert benchmark.published_on is None
    assert benchmark.publisher == ""
    assert benchmark.link == ""


def test_an_event_known_to_the_month_gets_no_invented_day_or_place(reference_data) -> None:
    rencontre = Event.objects.get(slug="6e-rencontre-des-pionniers-des-alliances-en-territoire")
    assert rencontre.date_precision == DatePrecision.MONTH
    assert rencontre.date_label == "juillet 2020"
    assert rencontre.place == ""
    forum = Event.objects.get(slug="forum-national-des-associations-et-des-fondations-2019")
    assert forum.date_label == "16 octobre 2019"


def test_the_key_figures_of_the_seed_are_quoted_exactly(reference_data) -> None:
    figures = {f.slug: f for f in SurveyFigure.objects.select_related("survey")}
    assert figures["jouer-collectif-levier-indispensable-francais-2020"].value_label == "81 %"
    assert figures["jouer-collectif-levier-indispensable-chefs-d-entreprise-2020"].value_label == "84 %"
    assert figures["jouer-collectif-levier-indispensable-maires-2020"].value_label == "92 %"
    assert figures["deja-passes-a-l-oeuvre-chefs-d-entreprise-2020"].value_label == "58 %"
    assert figures["organisations-pratiquant-les-alliances-2011"].value_label == "moins de 30 %"
    in_2010 = figures["pertinence-partenariats-entre-mondes-francais-2010"]
    assert (in_2010.described_year, in_2010.survey.year) == (2010, 2008)
    assert in_2010.source_passage.startswith("En 2010, déjà 84% des Français étaient convaincus")
    for figure in figures.values():
        assert figure.margin_of_error is None  # the document gives none
        assert figure.survey.sample_size is None


def test_the_fund_odd17_and_the_ministry_service_are_named_actors(reference_data) -> None:
    fund = ReferenceActor.objects.get(slug="fonds-odd17")
    assert (fund.name, fund.kind) == ("Fonds ODD17", "fonds")
    assert "créé pour soutenir les alliances d'intérêt général" in fund.description
    assert ReferenceActor.objects.get(slug="djepva").kind == "service-etat"


def test_the_history_runs_from_2008_to_2021_with_the_bill_of_february_2021(reference_data) -> None:
    steps = list(Milestone.objects.order_by("date"))
    assert steps[0].date.year == 2008 and steps[-1].date.year == 2021
    bill = Milestone.objects.get(slug="2021-proposition-de-loi")
    assert bill.date_label == "février 2021"
    assert "déposer en février une proposition de loi" in bill.source_passage
    assert Milestone.objects.get(slug="2019-lancement-de-la-mission").date_label == "16 octobre 2019"


def test_seed_studies_and_events_are_in_the_search_index(reference_data) -> None:
    study_ids = set(SearchDocument.objects.filter(section="study").values_list("object_id", flat=True))
    assert set(Study.objects.values_list("pk", flat=True)) <= study_ids
    event_ids = set(SearchDocument.objects.filter(section="event").values_list("object_id", flat=True))
    assert set(Event.objects.values_list("pk", flat=True)) <= event_ids


def test_a_study_edited_in_the_back_office_is_not_overwritten_by_the_loader(reference_data, django_user_model) -> None:
    from resources.services import study_save

    editor = django_user_model.objects.create_user(username="redaction", password="x")
    study = Study.objects.get(slug="etude-arpea-institutions-2010")
    study_save(
        study=study,
        title=study.title,
        summary="Résumé corrigé par l'équipe.",
        publisher=study.publisher,
        published_on=study.published_on,
        date_precision=study.date_precision,
        slug=study.slug,
        publish=True,
        user=editor,
    )
    _load()
    assert Study.objects.get(slug="etude-arpea-institutions-2010").summary == "Résumé corrigé par l'équipe."


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2008", "2008"),
        ("2020-07", "juillet 2020"),
        ("2020-07-01", "1er juillet 2020"),
        ("2021-02-14", "14 février 2021"),
    ],
)
def test_partial_dates_are_shown_at_their_precision_in_french(text: str, label: str) -> None:
    assert format_partial_date(*parse_partial_date(text)) == label


def test_a_malformed_partial_date_is_refused_in_french() -> None:
    with pytest.raises(ValueError, match="Date invalide"):
        parse_partial_date("juillet 2020")
