"""The catalysts' teams in the back office: organisation by its number, communes and EPCI by code."""

from __future__ import annotations

import pytest

from alliances.models import CatalystOrganisation
from support.models import CatalystArea
from support.wagtail_hooks import CatalystAreaViewSet, CatalystOrganisationViewSet
from tests.catalysts.factories import CatalystFactory
from tests.organisations.member_factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def _form(viewset, model, data):
    return viewset.edit_handler.bind_to_model(model).get_form_class()(data=data, instance=model())


def test_a_team_is_linked_by_the_organisation_number(territories, vocabularies) -> None:
    catalyst, organisation = CatalystFactory.create(is_demo=False), OrganisationFactory.create()
    form = _form(
        CatalystOrganisationViewSet, CatalystOrganisation, {"catalyst": catalyst.pk, "organisation": organisation.pk}
    )
    assert form.is_valid(), form.errors
    assert form.save().organisation == organisation


def test_the_communes_and_epci_served_first_are_typed_as_codes(territories, vocabularies) -> None:
    form = _form(
        CatalystAreaViewSet,
        CatalystArea,
        {"catalyst": CatalystFactory.create().pk, "communes": "69123, 69266", "epcis": "200046977"},
    )
    assert form.is_valid(), form.errors
    area = form.save()
    assert set(area.communes.values_list("code", flat=True)) == {"69123", "69266"}
    assert list(area.epcis.values_list("code", flat=True)) == ["200046977"]


def test_unknown_codes_and_organisation_are_named_in_french(territories, vocabularies) -> None:
    catalyst = CatalystFactory.create()
    form = _form(CatalystOrganisationViewSet, CatalystOrganisation, {"catalyst": catalyst.pk, "organisation": "999999"})
    assert form.errors["organisation"] == ["Aucune organisation de l'annuaire ne porte ce numéro."]
    form = _form(CatalystAreaViewSet, CatalystArea, {"catalyst": catalyst.pk, "communes": "69123 99999", "epcis": ""})
    assert form.errors["communes"] == ["Code(s) de commune inconnu(s) : 99999."]
    assert not CatalystOrganisation.objects.exists() and not CatalystArea.objects.exists()
