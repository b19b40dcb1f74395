from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core.dates import french_date, french_time
from tests.project_templates import project_templates


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2021, 12, 1), "1er décembre 2021"),
        (dt.date(2021, 5, 7), "7 mai 2021"),
        (dt.date(2020, 8, 31), "31 août 2020"),
        (dt.date(2021, 2, 14), "14 février 2021"),
    ],
)
def test_french_date_writes_the_ordinal_for_the_first_and_the_french_month(value, text) -> None:
    assert french_date(value) == text


def test_french_date_stays_french_when_translation_is_off() -> None:
    with translation.override(None):
        assert french_date(dt.date(2021, 7, 1)) == "1er juillet 2021"


def test_french_date_with_time_uses_local_time_and_french_hour_typography() -> None:
    value = dt.datetime(2021, 7, 12, 7, 5, tzinfo=dt.UTC)  # 9 h 05 in Paris (summer time)
    assert french_date(value, with_time=True) == "12 juillet 2021 à 9 h 05"


def test_french_time_leaves_out_zero_minutes() -> None:
    assert french_time(dt.datetime(2021, 7, 12, 14, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Paris"))) == "14 h"


def test_missing_date_is_an_empty_string() -> None:
    assert french_date(None) == ""


def test_date_fr_filter_renders_the_french_date_and_its_options() -> None:
    source = '{% load french_dates %}{{ d|date_fr }} | {{ d|date_fr:"sans_annee" }} | {{ missing|date_fr }}.'
    template = Template(source)
    assert template.render(Context({"d": dt.date(2021, 12, 1)})) == "1er décembre 2021 | 1er décembre | ."


_TEXT_DATE = re.compile(r"""\|date:\s*["'][^"']*[FNMbE]""")


def test_no_public_template_writes_a_date_with_django_date_filter() -> None:
    """Public pages use ``date_fr`` (« 1er décembre 2021 »); ``date`` keeps machine formats (``Y-m-d``)."""
    root = Path(settings.BASE_DIR)
    offenders = [
        str(path) for path in project_templates() if _TEXT_DATE.search((root / path).read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_organisation_page_writes_the_first_of_the_month_with_its_ordinal(client, territories, reference_data) -> None:
    from organisations.models import OrganisationStatus
    from tests.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory(
        name="Amicale dissoute", commune_id="13001", status=OrganisationStatus.DISSOLVED, status_date="2023-06-01"
    )
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "Dissoute le 1er juin 2023" in html
