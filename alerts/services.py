"""Writes of the alerts: subscribe to a search, unsubscribe, send the due e-mails."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts import selectors
from alerts.models import SavedSearch
from syndication.queries import filters_from_query, normalised_query

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
MAX_RESULTS_IN_EMAIL = 20


def unsubscribe_token(saved_search: SavedSearch) -> str:
    return signing.dumps({"id": saved_search.pk, "user": saved_search.user_id}, salt=UNSUBSCRIBE_SALT)


def saved_search_from_token(token: str) -> SavedSearch | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return SavedSearch.objects.filter(pk=data.get("id"), user_id=data.get("user")).first()


@transaction.atomic
def saved_search_subscribe(*, user: AbstractBaseUser, query: str, frequency: str) -> SavedSearch:
    """Save the search (normalised query string) or change the frequency of the same saved search."""
    normalised = normalised_query(filters_from_query(QueryDict(query)))
    saved_search, _ = SavedSearch.objects.update_or_create(
        user=user, query=normalised, defaults={"frequency": frequency}
    )
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


@dataclass
class AlertRun:
    searches: int = 0
    sent: int = 0
    failed: int = 0


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send_alert(saved_search: SavedSearch, documents: list, total: int) -> None:
    context = {
        "saved_search": saved_search,
        "description": selectors.saved_search_description(saved_search),
        "documents": [(document, _absolute(document.url)) for document in documents],
        "total": total,
        "search_url": _absolute(saved_search.search_url),
        "manage_url": _absolute(reverse("alerts:list")),
        "unsubscribe_url": _absolute(reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(saved_search)})),
    }
    subject = f"{total} nouveau{'x' if total > 1 else ''} résultat{'s' if total > 1 else ''} pour votre recherche"
    send_mail(
        subject=f"[Alliances & Territoires] {subject}",
        message=render_to_string("alerts/email/alert.txt", context),
        from_email=None,
        recipient_list=[saved_search.user.email],
    )


def alerts_send(*, frequency: str, now: dt.datetime | None = None) -> AlertRun:
    """E-mail each saved search of ``frequency`` its results first published since its last alert.

    A search with no new result sends nothing. ``last_sent_at`` moves to ``now`` (taken before
    reading, so an item published during the run is kept for the next one); a failed e-mail
    leaves it unchanged so the next run tries again.
    """
    now = now or timezone.now()
    run = AlertRun()
    searches = SavedSearch.objects.with_frequency(frequency).select_related("user").exclude(user__email="")
    for saved_search in searches.filter(user__is_active=True).iterator():
        run.searches += 1
        since = saved_search.last_sent_at or saved_search.created_at
        results = selectors.new_results(saved_search, since=since, until=now)
        total = results.count()
        if total:
            try:
                _send_alert(saved_search, list(results[:MAX_RESULTS_IN_EMAIL]), total)
            except Exception:
                logger.exception("alert e-mail failed", extra={"saved_search": saved_search.pk})
                run.failed += 1
                continue
            run.sent += 1
        SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=now)
    return run
