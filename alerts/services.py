"""Writes of the alerts: subscribe to a search, unsubscribe, send the due e-mails."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from accounts.models import NotificationPreferences, Topic
from accounts.notifications import notification_message
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
    unwanted: int = 0  # the person turned the topic « alertes » off (accounts.notifications)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _send_alert(saved_search: SavedSearch, documents: list, total: int) -> bool:
    """Sent now, not after a commit: a failed e-mail must leave ``last_sent_at`` unchanged. False when
    the person turned the alerts off since the run began."""
    context = {
        "saved_search": saved_search,
        "description": selectors.saved_search_description(saved_search),
        "documents": [(document, _absolute(document.url)) for document in documents],
        "total": total,
        "search_url": _absolute(saved_search.search_url),
        "manage_url": _absolute(reverse("alerts:list")),
        # This search only; the footer's link stops every alert (the topic).
        "search_unsubscribe_url": _absolute(
            reverse("alerts:unsubscribe", kwargs={"token": unsubscribe_token(saved_search)})
        ),
    }
    subject = f"{total} nouveau{'x' if total > 1 else ''} résultat{'s' if total > 1 else ''} pour votre recherche"
    message = notification_message(
        user=saved_search.user, topic=Topic.ALERTS, subject=subject, template="alerts/email/alert", context=context
    )
    if message is None:
        return False
    message.send()
    return True


def alerts_send(*, frequency: str, now: dt.datetime | None = None) -> AlertRun:
    """E-mail each saved search of ``frequency`` its results first published since its last alert.

    A search with no new result sends nothing. ``last_sent_at`` moves to ``now`` (taken before
    reading, so an item published during the run is kept for the next one); a failed e-mail
    leaves it unchanged so the next run tries again. A person who turned the alerts off in their
    notification preferences gets nothing, and ``last_sent_at`` still moves: turning them back on
    does not send what was published meanwhile.
    """
    now = now or timezone.now()
    run = AlertRun()
    unwanted = set(NotificationPreferences.objects.filter(alerts=False).values_list("user_id", flat=True))
    searches = SavedSearch.objects.with_frequency(frequency).select_related("user").exclude(user__email="")
    for saved_search in searches.filter(user__is_active=True).iterator():
        run.searches += 1
        if saved_search.user_id in unwanted:
            run.unwanted += 1
            SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=now)
            continue
        since = saved_search.last_sent_at or saved_search.created_at
        results = selectors.new_results(saved_search, since=since, until=now)
        total = results.count()
        if total:
            try:
                sent = _send_alert(saved_search, list(results[:MAX_RESULTS_IN_EMAIL]), total)
            except Exception:
                logger.exception("alert e-mail failed", extra={"saved_search": saved_search.pk})
                run.failed += 1
                continue
            if sent:
                run.sent += 1
            else:
                run.unwanted += 1
        SavedSearch.objects.filter(pk=saved_search.pk).update(last_sent_at=now)
    return run
