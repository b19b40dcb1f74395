"""Scheduled publishing really publishes, through the command the README's production crontab runs."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from cases.models import Case
from tests.cases.factories import CaseFactory

pytestmark = pytest.mark.django_db
README = Path(__file__).resolve().parents[2] / "README.md"


def _schedule(case: Case, go_live_at: dt.datetime) -> None:
    case.go_live_at = go_live_at
    case.save_revision().publish()  # approved for later: not live yet


def _let_the_date_pass(case: Case) -> None:
    """Move the scheduled revision's go-live date (and its approval) one minute into the past."""
    revision = case.latest_revision
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_the_readme_s_production_crontab_runs_scheduled_publishing_every_minute() -> None:
    assert re.search(r"^\* \* \* \* \* .*manage\.py publish_scheduled$", README.read_text(), re.MULTILINE)


def test_an_item_whose_go_live_date_has_passed_is_published_by_publish_scheduled(client, vocabularies) -> None:
    case = CaseFactory(draft=True, title="Une recyclerie programmée")
    _schedule(case, timezone.now() + dt.timedelta(hours=1))
    case.refresh_from_db()
    assert not case.live
    assert client.get(f"/exemples-inspirants/{case.slug}/").status_code == 404

    _let_the_date_pass(case)
    call_command("publish_scheduled", stdout=io.StringIO())

    case.refresh_from_db()
    assert case.live
    assert client.get(f"/exemples-inspirants/{case.slug}/").status_code == 200
    assert "Une recyclerie programmée" in client.get("/recherche/", {"q": "recyclerie programmée"}).content.decode()


def test_an_item_whose_go_live_date_is_still_ahead_stays_unpublished(vocabularies) -> None:
    case = CaseFactory(draft=True)
    _schedule(case, timezone.now() + dt.timedelta(hours=1))
    call_command("publish_scheduled", stdout=io.StringIO())
    case.refresh_from_db()
    assert not case.live
