"""Wagtail's ``publish_scheduled``, run once per minute across all app servers (core/jobs.py).

Every server's scheduler may start it each minute: the first to claim the minute publishes and
unpublishes what is due, the others skip. Wagtail's command is idempotent (what it published is no
longer due), so a minute lost to a crashed server is caught up by the next run.
"""

from __future__ import annotations

from typing import Any

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from core.jobs import job_run_once, period_key


class Command(WagtailPublishScheduled):
    help = "Publie et dépublie les contenus programmés, une fois par minute pour tous les serveurs."

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dryrun"]:  # reads only: no claim
            super().handle(*args, **options)
            return
        outcome = job_run_once(
            name="publish_scheduled",
            period_key=period_key("minute"),
            job=lambda: super(Command, self).handle(*args, **options),
        )
        if not outcome.ran:
            self.stdout.write(outcome.skipped_message())
