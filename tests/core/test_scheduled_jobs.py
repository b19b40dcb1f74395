"""Scheduled jobs run once across all app servers: a claim per job and period, taken in the database."""

from __future__ import annotations

import datetime as dt
import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from alerts.models import Frequency, SavedSearch
from core.jobs import job_run_once, period_key
from core.models import JobRun
from tests.cases.factories import CaseFactory
from tests.factories import UserFactory


def test_a_period_key_names_the_minute_hour_day_or_week_in_paris_time() -> None:
    at = dt.datetime(2026, 12, 31, 23, 30, tzinfo=dt.UTC)  # already 1 January 2027 in Paris
    assert period_key("minute", at=at) == "2027-01-01T00:30"
    assert period_key("hour", at=at) == "2027-01-01T00"
    assert period_key("day", at=at) == "2027-01-01"
    assert period_key("week", at=at) == "2026-W53"


@pytest.mark.django_db
def test_a_second_run_of_the_same_period_is_skipped_and_names_the_first() -> None:
    runs: list[str] = []
    first = job_run_once(name="essai", period_key="2026-12-02", job=lambda: runs.append("first") or 1)
    second = job_run_once(name="essai", period_key="2026-12-02", job=lambda: runs.append("second") or 2)
    assert (first.ran, first.result, second.ran, second.result) == (True, 1, False, None)
    assert runs == ["first"]
    assert second.claim.pk == first.claim.pk and second.claim.finished_at is not None
    assert "déjà lancée pour la période 2026-12-02" in second.skipped_message()
    assert "(terminée)" in second.skipped_message()


@pytest.mark.django_db
def test_the_next_period_runs_again() -> None:
    job_run_once(name="essai", period_key="2026-12-02", job=lambda: None)
    assert job_run_once(name="essai", period_key="2026-12-03", job=lambda: None).ran


@pytest.mark.django_db
def test_a_failed_job_drops_its_claim_so_the_period_can_be_run_again() -> None:
    def failing() -> None:
        raise RuntimeError("SMTP indisponible")

    with pytest.raises(RuntimeError):
        job_run_once(name="essai", period_key="2026-12-02", job=failing)
    assert not JobRun.objects.exists()
    assert job_run_once(name="essai", period_key="2026-12-02", job=lambda: None).ran


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_of_the_same_job_run_it_once() -> None:
    """Two servers start the job together: the second tries while the first is still running, and skips."""
    first_is_running, second_has_tried = threading.Event(), threading.Event()
    outcomes = {}

    def first_job() -> str:
        first_is_running.set()
        assert second_has_tried.wait(timeout=60), "the second run never tried"
        return "envoyé"

    def node(label: str, job, after=None) -> None:
        try:
            outcomes[label] = job_run_once(name="send_search_alerts:daily", period_key="2026-12-02", job=job)
        finally:
            if after is not None:
                after.set()
            connection.close()  # this thread's connection

    first = threading.Thread(target=node, args=("A", first_job))
    first.start()
    assert first_is_running.wait(timeout=60)
    second = threading.Thread(target=node, args=("B", lambda: "envoyé deux fois", second_has_tried))
    second.start()
    second.join()
    first.join()
    assert outcomes["A"].ran and outcomes["A"].result == "envoyé"
    assert not outcomes["B"].ran
    assert "(en cours ou interrompue)" in outcomes["B"].skipped_message()
    assert JobRun.objects.get().finished_at is not None


@pytest.mark.django_db
def test_alerts_claimed_by_another_server_are_not_sent_twice(vocabularies) -> None:
    user = UserFactory(username="camille", email="camille@example.invalid")
    SavedSearch.objects.create(
        user=user, query="q=recyclerie", frequency=Frequency.DAILY, created_at=timezone.now() - dt.timedelta(days=1)
    )
    CaseFactory(title="Une recyclerie solidaire")
    JobRun.objects.create(name="send_search_alerts:daily", period_key=period_key("day"), node="serveur-b:4242")
    out = io.StringIO()
    call_command("send_search_alerts", "--frequency", "daily", stdout=out)
    assert "déjà lancée" in out.getvalue() and "serveur-b:4242" in out.getvalue()
    assert mail.outbox == []
    call_command("send_search_alerts", "--frequency", "weekly", stdout=out)  # another job: not claimed
    assert JobRun.objects.filter(name="send_search_alerts:weekly", finished_at__isnull=False).exists()


@pytest.mark.django_db
def test_scheduled_publishing_runs_once_per_minute(monkeypatch) -> None:
    from core.management.commands import publish_scheduled

    monkeypatch.setattr(publish_scheduled, "period_key", lambda period: f"{period} 2026-12-02T10:00")
    first, second = io.StringIO(), io.StringIO()
    call_command("publish_scheduled", stdout=first)
    call_command("publish_scheduled", stdout=second)
    assert JobRun.objects.get(name="publish_scheduled").period_key == "minute 2026-12-02T10:00"
    assert "déjà lancée" not in first.getvalue()
    assert "déjà lancée pour la période minute 2026-12-02T10:00" in second.getvalue()


@pytest.mark.django_db
def test_the_scheduled_backup_runs_once_per_day_and_a_manual_one_always(tmp_path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    out = io.StringIO()
    call_command("backup", tmp_path / "a.tar.gz", "--once-per", "day", verbosity=0, stdout=out)
    call_command("backup", tmp_path / "b.tar.gz", "--once-per", "day", verbosity=0, stdout=out)
    call_command("backup", tmp_path / "c.tar.gz", verbosity=0, stdout=out)
    assert (tmp_path / "a.tar.gz").exists() and (tmp_path / "c.tar.gz").exists()
    assert not (tmp_path / "b.tar.gz").exists()
    assert "déjà lancée" in out.getvalue()
