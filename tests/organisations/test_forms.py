from __future__ import annotations

import pytest

from organisations.forms import OrganisationForm
from organisations.models import Organisation
from organisations.services import organisation_create
from reference.models import ActorKind

pytestmark = pytest.mark.django_db


def _data(**values: str) -> dict[str, str]:
    kind = ActorKind.objects.get(slug="association")
    return {"kind": str(kind.pk), "name": "Les Jardins (exemple fictif)", "purpose": "", **values}


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("siren", "123456789", "SIREN"),
        ("siren", "12345", "SIREN"),
        ("siret", "13002526500014", "SIRET"),
        ("rna", "X12", "RNA"),
    ],
)
def test_invalid_identifier_gives_a_french_error_on_its_field_and_saves_nothing(
    vocabularies: None, field: str, value: str, words: str
) -> None:
    form = OrganisationForm(data=_data(**{field: value}))
    assert not form.is_valid()
    assert words in form.errors[field][0]
    assert not Organisation.objects.exists()


def test_siret_of_another_siren_is_refused(vocabularies: None) -> None:
    form = OrganisationForm(data=_data(siren="732829320", siret="13002526500013"))
    assert not form.is_valid()
    assert "SIREN" in form.errors["siret"][0]


def test_unknown_commune_code_is_refused_in_french(territories: None, vocabularies: None) -> None:
    form = OrganisationForm(data=_data(commune_code="99999"))
    assert not form.is_valid()
    assert "Aucune commune" in form.errors["commune_code"][0]


def test_valid_form_creates_a_manual_organisation_with_its_commune(territories: None, vocabularies: None) -> None:
    form = OrganisationForm(data=_data(siren="732829320", rna="w751004076", commune_code="13055"))
    assert form.is_valid(), form.errors
    organisation = organisation_create(organisation=form.instance)
    assert organisation.commune_id == "13055"
    assert organisation.rna == "W751004076"
    assert organisation.search_key == "les jardins exemple fictif"
    assert organisation.source == "manual"
