"""Matches (« mises en relation ») between two organisations, their history, relayed messages and reminders.

A match joins a requester (the organisation that expressed interest in a listing, or the first one a
catalyst proposed) and a recipient (the listing's organisation, or the second one). Each side accepts
or declines; once both have accepted, identities and contact details are released to each side
(``alliances.selectors.match_view``). Before that the platform relays the messages: the sender's name
is not shown. Every change of status is a ``MatchEvent``; each reminder sent is a ``MatchReminder``
(sent once: unique per match, stage and side). The workflow: ``alliances.workflow``; choices:
docs/adr/0029-matchmaking-and-match-workflow.md.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from alliances.models.listings import Listing
from alliances.workflow import AWAITING, RELEASED, MatchStatus
from catalysts.models import Catalyst
from organisations.models import Organisation

MAX_MESSAGE = 2000


class MatchQuerySet(models.QuerySet["Match"]):
    def of_organisations(self, organisations: object) -> MatchQuerySet:
        """Matches where one of ``organisations`` (ids or a queryset) is a side."""
        return self.filter(Q(requester__in=organisations) | Q(recipient__in=organisations))

    def for_member(self, user: User) -> MatchQuerySet:
        """Matches of the organisations ``user`` represents."""
        mine = Organisation.objects.filter(memberships__user=user).values("pk")
        return self.of_organisations(mine)

    def awaiting(self) -> MatchQuerySet:
        return self.filter(status__in=AWAITING)

    def formed(self) -> MatchQuerySet:
        return self.filter(status=MatchStatus.FORMED)

    def real(self) -> MatchQuerySet:
        return self.filter(is_demo=False)


class Match(models.Model):
    """Two organisations put in touch about a listing (or by a catalyst), and where they stand."""

    listing = models.ForeignKey(
        Listing,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name="annonce",
    )
    requester = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="matches_requested",
        verbose_name="organisation demandeuse",
    )
    recipient = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="matches_received",
        verbose_name="organisation sollicitée",
    )
    catalyst = models.ForeignKey(
        Catalyst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matches",
        verbose_name="catalyseur qui a proposé la mise en relation",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="proposée par",
    )
    status = models.CharField(
        "statut", max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED, db_index=True
    )
    # Who answered for each side (their name and address are released to the other side once both accepted).
    requester_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="contact de l'organisation demandeuse",
    )
    recipient_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="contact de l'organisation sollicitée",
    )
    requester_accepted_at = models.DateTimeField("acceptée par la demandeuse le", null=True, blank=True)
    recipient_accepted_at = models.DateTimeField("acceptée par la sollicitée le", null=True, blank=True)
    declined_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="déclinée par",
    )
    decline_reason = models.TextField("motif du refus", blank=True)
    is_demo = models.BooleanField("exemple fictif", default=False)
    created_at = models.DateTimeField("proposée le", default=timezone.now, editable=False)
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True)
    answered_at = models.DateTimeField("réponse le", null=True, blank=True)
    formed_at = models.DateTimeField("alliance formée le", null=True, blank=True)
    updated_at = models.DateTimeField("modifiée le", default=timezone.now)

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = "mise en relation"
        verbose_name_plural = "mises en relation"
        indexes = [models.Index(fields=["status", "sent_at"], name="match_status_sent_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=MatchStatus.values), name="match_status_valid"),
            models.CheckConstraint(condition=~Q(requester=models.F("recipient")), name="match_two_organisations"),
            models.UniqueConstraint(
                fields=["listing", "requester"], condition=Q(listing__isnull=False), name="match_once_per_listing"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requester} ↔ {self.recipient} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("alliances:match", kwargs={"pk": self.pk})

    @property
    def is_released(self) -> bool:
        """Both sides accepted: each sees the other's identity and contact details."""
        return self.status in RELEASED

    @property
    def is_awaiting(self) -> bool:
        return self.status in AWAITING

    def side_of(self, organisation_id: int) -> str:
        """« requester », « recipient », or « » for an organisation that is neither side."""
        if organisation_id == self.requester_id:
            return "requester"
        if organisation_id == self.recipient_id:
            return "recipient"
        return ""

    def accepted_by(self, side: str) -> bool:
        return getattr(self, f"{side}_accepted_at") is not None

    def waiting_sides(self) -> list[str]:
        """The sides that have not answered yet (only while the match awaits an answer)."""
        if not self.is_awaiting:
            return []
        return [side for side in ("requester", "recipient") if not self.accepted_by(side)]


class MatchEvent(models.Model):
    """One change of status of a match: when, from what to what, by whom, and why (a refusal's reason)."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events", verbose_name="mise en relation")
    from_status = models.CharField("statut précédent", max_length=10, choices=MatchStatus.choices, blank=True)
    to_status = models.CharField("nouveau statut", max_length=10, choices=MatchStatus.choices)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="au nom de"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="par"
    )
    note = models.TextField("précision", blank=True)
    at = models.DateTimeField("date", default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "étape d'une mise en relation"
        verbose_name_plural = "étapes des mises en relation"

    def __str__(self) -> str:
        return f"{self.match_id}: {self.from_status or '∅'} → {self.to_status}"


class Message(models.Model):
    """A message relayed by the platform between the two sides: stored and shown as plain text."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="messages", verbose_name="mise en relation")
    sender = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="+", verbose_name="organisation qui écrit"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    body = models.TextField("message", max_length=MAX_MESSAGE)
    created_at = models.DateTimeField("envoyé le", default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "message relayé"
        verbose_name_plural = "messages relayés"

    def __str__(self) -> str:
        return f"Message {self.pk} ({self.match_id})"


class MatchReminder(models.Model):
    """A reminder e-mailed to the side that has not answered: once per match, stage (days) and side."""

    match = models.ForeignKey(
        Match, on_delete=models.CASCADE, related_name="reminders", verbose_name="mise en relation"
    )
    stage = models.PositiveSmallIntegerField("relance à J+")
    side = models.CharField(
        "côté relancé", max_length=9, choices=[("requester", "demandeuse"), ("recipient", "sollicitée")]
    )
    sent_at = models.DateTimeField("envoyée le", default=timezone.now)

    class Meta:
        ordering = ["sent_at", "id"]
        verbose_name = "relance d'une mise en relation"
        verbose_name_plural = "relances des mises en relation"
        constraints = [
            models.UniqueConstraint(fields=["match", "stage", "side"], name="match_reminder_once"),
        ]

    def __str__(self) -> str:
        return f"J+{self.stage} → {self.side} ({self.match_id})"


class CatalystOrganisation(models.Model):
    """The directory organisation that runs a catalyst: its members act for the catalyst (they may
    propose matches between organisations of its territory). Linked by the platform's team."""

    catalyst = models.OneToOneField(
        Catalyst, on_delete=models.CASCADE, related_name="alliance_organisation", verbose_name="catalyseur"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="catalyst_links", verbose_name="organisation"
    )

    class Meta:
        verbose_name = "organisation d'un catalyseur"
        verbose_name_plural = "organisations des catalyseurs"

    def __str__(self) -> str:
        return f"{self.catalyst} — {self.organisation}"
