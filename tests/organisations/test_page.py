"""Verified members edit their organisation's page; the register fields stay the registers'."""

from __future__ import annotations

import shutil

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from organisations.models import Organisation, OrganisationChange, Role
from organisations.page import page_update
from tests.organisations.member_factories import OrganisationFactory, member_of

pytestmark = pytest.mark.django_db


def test_a_member_edits_the_presentation_and_the_change_is_kept_with_author(vocabularies) -> None:
    organisation = OrganisationFactory()
    member = member_of(organisation, role=Role.MEMBER)
    change = page_update(organisation=organisation, user=member, presentation="Nous réparons des vélos.")
    organisation.refresh_from_db()
    assert organisation.presentation == "Nous réparons des vélos."
    assert change.author == member
    assert change.changes == [{"champ": "présentation", "avant": "", "après": "Nous réparons des vélos."}]


def test_an_edit_that_changes_nothing_records_nothing(vocabularies) -> None:
    organisation = OrganisationFactory(presentation="Déjà là.")
    assert page_update(organisation=organisation, user=member_of(organisation), presentation="Déjà là.") is None
    assert not OrganisationChange.objects.exists()


def test_register_fields_are_refused_and_nothing_is_saved(vocabularies) -> None:
    organisation = OrganisationFactory(name="Nom du registre")
    with pytest.raises(ValidationError, match="registres nationaux"):
        page_update(organisation=organisation, user=member_of(organisation), presentation="x", name="Autre nom")
    organisation.refresh_from_db()
    assert (organisation.name, organisation.presentation) == ("Nom du registre", "")


def test_a_member_of_another_organisation_cannot_edit(vocabularies) -> None:
    organisation = OrganisationFactory()
    outsider = member_of(OrganisationFactory())
    with pytest.raises(PermissionDenied):
        page_update(organisation=organisation, user=outsider, presentation="Piraté")
    organisation.refresh_from_db()
    assert organisation.presentation == ""


def test_a_reimport_keeps_register_fields_in_line_without_erasing_the_page(registers, fixtures_dir, tmp_path) -> None:
    source = fixtures_dir / "rna_waldec_20241101_dpt_976.csv"
    call_command("import_rna", str(source), rejects=str(tmp_path / "r.csv"), verbosity=0)
    organisation = Organisation.objects.get(rna="W9T1002359")
    page_update(
        organisation=organisation,
        user=member_of(organisation),
        presentation="Présentation écrite par un membre.",
        page_website="https://www.escale-exemple.fr",
    )
    renamed = tmp_path / "rna.csv"
    shutil.copy(source, renamed)
    renamed.write_text(renamed.read_text(encoding="utf-8").replace(";ESCALE;ESCALE;", ";ESCALE MER;ESCALE;"))
    call_command("import_rna", str(renamed), rejects=str(tmp_path / "r2.csv"), verbosity=0)
    organisation.refresh_from_db()
    assert organisation.name == "ESCALE MER"
    assert organisation.presentation == "Présentation écrite par un membre."
    assert organisation.page_website == "https://www.escale-exemple.fr"


def test_the_api_gives_the_page_and_the_contact_only_when_shown(client, vocabularies) -> None:
    organisation = OrganisationFactory(presentation="Nous réparons.", contact_email="contact@example.invalid")
    data = client.get(f"/api/v1/organisations/{organisation.pk}").json()
    assert (data["presentation"], data["contact_email"]) == ("Nous réparons.", None)
    Organisation.objects.filter(pk=organisation.pk).update(show_contact=True)
    assert client.get(f"/api/v1/organisations/{organisation.pk}").json()["contact_email"] == "contact@example.invalid"
