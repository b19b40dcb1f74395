"""Scheduled work that runs once across all app servers, however many of them the scheduler starts.

Every server's scheduler (cron, systemd timer) may start the same command at the same time. The first
to insert the claim ``JobRun(name, period_key)`` runs the job; the unique constraint makes every other
server's insert fail, and that server skips the job and says who holds it. The claim is committed
before the job starts (on PostgreSQL an open insert would make the others wait for the whole job); a
job that fails drops its claim, so the next run of the same period tries again; a server that dies
mid-job leaves its claim, and the next period runs as usual. Each job is idempotent anyway (it only
does what is still due), so a run lost between two periods is caught up by the next one.
See docs/adr/0018-stateless-nodes.md.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import JobRun

T = TypeVar("T")
Period = Literal["minute", "hour", "day", "week"]
PERIODS: tuple[Period, ...] = ("minute", "hour", "day", "week")


def period_key(period: Period, *, at: dt.datetime | None = None) -> str:
    """The period that ``at`` (now by default) falls in, in the platform's time zone: « 2026-12-02 », « 2026-W49 »…"""
    local = timezone.localtime(at or timezone.now())
    if period == "minute":
        return local.strftime("%Y-%m-%dT%H:%M")
    if period == "hour":
        return local.strftime("%Y-%m-%dT%H")
    if period == "day":
        return local.date().isoformat()
    if period == "week":
        year, week, _ = local.isocalendar()
        return f"{year}-W{week:02d}"
    raise ValueError(f"Unknown period {period!r}.")


@dataclass(frozen=True)
class JobOutcome(Generic[T]):
    """What became of a job: run here (``result``), or skipped because ``claim`` was held already."""

    claim: JobRun
    ran: bool
    result: T | None = None

    def skipped_message(self) -> str:
        state = "terminée" if self.claim.finished_at else "en cours ou interrompue"
        started = timezone.localtime(self.claim.started_at).strftime("%d/%m/%Y à %H:%M:%S")
        return (
            f"Tâche « {self.claim.name} » déjà lancée pour la période {self.claim.period_key} "
            f"par {self.claim.node} le {started} ({state}) : rien à faire ici."
        )


def job_claim(*, name: str, period_key: str) -> JobRun | None:
    """Take the claim of job ``name`` for ``period_key`` (committed at once); None if another run holds it."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(name=name, period_key=period_key, node=f"{socket.gethostname()}:{os.getpid()}")
    except IntegrityError:
        return None


def job_run_once(*, name: str, period_key: str, job: Callable[[], T]) -> JobOutcome[T]:
    """Run ``job`` unless another run (this server or another) already claimed ``name`` for ``period_key``."""
    claim = job_claim(name=name, period_key=period_key)
    if claim is None:
        return JobOutcome(claim=JobRun.objects.get(name=name, period_key=period_key), ran=False)
    try:
        result = job()
    except BaseException:
        JobRun.objects.filter(pk=claim.pk).delete()  # a failed job can be run again for the same period
        raise
    claim.finished_at = timezone.now()
    JobRun.objects.filter(pk=claim.pk).update(finished_at=claim.finished_at)
    return JobOutcome(claim=claim, ran=True, result=result)
