"""What « Mon espace » shows of the signed-in person, and the copy of their data they download."""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.models import AbstractBaseUser

from accounts.models import NotificationPreferences, Topic
from alerts import selectors as alert_selectors
from alerts.models import SavedSearch
from cases.models import CaseProposal
from organisations.models import Claim, ClaimStatus, Membership, OrganisationRequest
from orientation import selectors as orientation_selectors
from support import selectors as support_selectors
from support.models import SupportRequest
from support.permissions import desks_of


def notification_preferences(*, user: AbstractBaseUser) -> NotificationPreferences:
    """The person's choices (defaults, unsaved, when they never changed them)."""
    return NotificationPreferences.objects.filter(user=user).first() or NotificationPreferences(user=user)


def proposals(*, user: AbstractBaseUser) -> list[CaseProposal]:
    return list(CaseProposal.objects.of_user(user).select_related("case"))


def my_space(*, user: AbstractBaseUser) -> dict[str, Any]:
    searches = [
        (saved_search, alert_selectors.saved_search_description(saved_search))
        for saved_search in SavedSearch.objects.of_user(user)
    ]
    preferences = notification_preferences(user=user)
    return {
        "primary_email": EmailAddress.objects.get_primary_email(user) or getattr(user, "email", ""),
        "searches": searches,
        "proposals": proposals(user=user),
        "preferences": [(topic.label, preferences.wants(topic)) for topic in Topic],
        "memberships": list(Membership.objects.of_user(user).select_related("organisation")),
        "claims": list(
            Claim.objects.filter(user=user).exclude(status=ClaimStatus.VERIFIED).select_related("organisation")
        ),
        "organisation_requests": list(OrganisationRequest.objects.filter(proposer=user)),
        "support_requests": support_selectors.requester_requests(user=user),
        "support_desks": desks_of(user),
        "orientation_results": orientation_selectors.results_of(user),
    }


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def personal_data(*, user: AbstractBaseUser) -> dict[str, Any]:
    """Everything the platform keeps about the person, as JSON-ready data (« Télécharger mes données »)."""
    preferences = notification_preferences(user=user)
    return {
        "compte": {
            "identifiant": user.get_username(),
            "adresse_email": getattr(user, "email", ""),
            "inscrit_le": _date(getattr(user, "date_joined", None)),
            "derniere_connexion": _date(user.last_login),
        },
        "adresses_email": [
            {"adresse": address.email, "confirmee": address.verified, "principale": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "recherches_enregistrees": [
            {
                "recherche": saved_search.query,
                "frequence_des_alertes": saved_search.get_frequency_display(),
                "creee_le": _date(saved_search.created_at),
                "derniere_alerte": _date(saved_search.last_sent_at),
            }
            for saved_search in SavedSearch.objects.of_user(user)
        ],
        "propositions_d_exemples": [
            {
                "titre": proposal.case.title,
                "statut": proposal.get_status_display(),
                "motif_du_refus": proposal.reason,
                "proposee_le": _date(proposal.created_at),
                "decidee_le": _date(proposal.decided_at),
            }
            for proposal in proposals(user=user)
        ],
        "organisations": [
            {"organisation": m.organisation.name, "role": m.get_role_display(), "depuis": _date(m.created_at)}
            for m in Membership.objects.of_user(user).select_related("organisation")
        ],
        "demandes_de_representation": [
            {
                "organisation": c.organisation.name,
                "statut": c.get_status_display(),
                "elements_fournis": c.evidence,
                "motif_du_refus": c.reason,
                "demandee_le": _date(c.created_at),
            }
            for c in Claim.objects.filter(user=user).select_related("organisation")
        ],
        "demandes_d_accompagnement": [
            {
                "commune": r.territory_name,
                "pour_quoi_faire": r.purpose,
                "modalite": r.modality.name if r.modality else None,
                "organisation": r.organisation.name if r.organisation else r.organisation_name,
                "statut": r.get_status_display(),
                "issue": r.get_outcome_display(),
                "transmise_a": r.routing_reason,
                "envoyee_le": _date(r.created_at),
                "messages": [
                    {"de": m.sender_label, "message": m.body, "envoye_le": _date(m.created_at)}
                    for m in r.messages.select_related("catalyst")
                ],
            }
            for r in SupportRequest.objects.of_requester(user).select_related("modality", "organisation")
        ],
        "preferences_de_notification": {topic.value: preferences.wants(topic) for topic in Topic},
        "resultats_d_orientation": orientation_selectors.personal_data(user),
    }
