"""The platform's own bookkeeping (no domain data): the claims of scheduled jobs."""

from __future__ import annotations

from django.db import models


class JobRun(models.Model):
    """The claim of a scheduled job for one period: taken by the first app server that starts it.

    The unique pair (job, period) is the lock: a second server's insert fails and that server skips
    the job (``core.jobs.job_run_once``). See docs/adr/0018-stateless-nodes.md.
    """

    name = models.CharField("tâche", max_length=100)
    period_key = models.CharField("période", max_length=40)
    node = models.CharField("serveur", max_length=200, help_text="Nom de la machine et numéro du processus.")
    started_at = models.DateTimeField("commencée le", auto_now_add=True)
    finished_at = models.DateTimeField("terminée le", null=True, blank=True)

    class Meta:
        verbose_name = "exécution de tâche planifiée"
        verbose_name_plural = "exécutions de tâches planifiées"
        ordering = ["-started_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["name", "period_key"], name="core_jobrun_once_per_period")]

    def __str__(self) -> str:
        return f"{self.name} ({self.period_key})"
