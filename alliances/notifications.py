"""E-mails of the matches, in French (plain text and HTML, with the unsubscribe link of
``accounts.notifications``), to the members of the side concerned, after the write commits.

Before both sides accepted, an e-mail never names the other organisation: it says what kind of
organisation it is and where (``alliances.selectors.anonymous_label``).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.urls import reverse

from accounts.models import Topic
from accounts.notifications import absolute, notify
from alliances.match_selectors import other_side_label
from alliances.models import Match, Message

TEMPLATE = "alliances/email/match"


def _members(match: Match, side: str) -> Iterable[User]:
    organisation_id = match.requester_id if side == "requester" else match.recipient_id
    return get_user_model().objects.filter(memberships__organisation_id=organisation_id, is_active=True)


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]


def _tell(match: Match, side: str, *, subject: str, intro: str, quoted: str = "", detail: str = "") -> int:
    context = {
        "intro": _first_up(intro),
        "quoted": quoted,
        "detail": detail,
        "match_url": absolute(reverse("alliances:match", kwargs={"pk": match.pk})),
    }
    sent = 0
    for user in _members(match, side):
        sent += notify(user=user, topic=Topic.ORGANISATIONS, subject=subject, template=TEMPLATE, context=context)
    return sent


def _other(side: str) -> str:
    return "recipient" if side == "requester" else "requester"


def _about(match: Match) -> str:
    return f" au sujet de l'annonce « {match.listing.title[:80]} »" if match.listing is not None else ""


def match_sent(match: Match, *, sides: list[str]) -> None:
    for side in sides:
        if match.catalyst is not None:
            intro = (
                f"Le catalyseur {match.catalyst.name} vous propose de faire alliance avec "
                f"{other_side_label(match, side)}{_about(match)}. Acceptez-vous d'être mis en relation ?"
            )
        else:
            intro = f"{other_side_label(match, side)} souhaite faire alliance avec vous{_about(match)}."
        _tell(match, side, subject="Une proposition de mise en relation", intro=intro)


def match_half_accepted(match: Match, *, waiting: list[str]) -> None:
    for side in waiting:
        _tell(
            match,
            side,
            subject="Une mise en relation attend votre réponse",
            intro=f"{other_side_label(match, side)} a accepté la mise en relation{_about(match)} : "
            "votre réponse est attendue.",
        )


def match_accepted(match: Match) -> None:
    for side in ("requester", "recipient"):
        _tell(
            match,
            side,
            subject="Mise en relation acceptée : vous pouvez vous contacter",
            intro=f"Les deux organisations ont accepté la mise en relation{_about(match)}. Leurs noms et "
            "coordonnées sont désormais visibles sur la page de la mise en relation, pour elles seules.",
        )


def match_declined(match: Match) -> None:
    side = _other(match.side_of(match.declined_by_id or 0) or "recipient")
    _tell(
        match,
        side,
        subject="Mise en relation déclinée",
        intro=f"{other_side_label(match, side)} a décliné la mise en relation{_about(match)}.",
        quoted=match.decline_reason,
        detail="Le motif indiqué est reproduit ci-dessus.",
    )


def match_formed(match: Match, *, by: object) -> None:
    side = _other(match.side_of(getattr(by, "pk", 0)))
    _tell(
        match,
        side,
        subject="Alliance formée",
        intro=f"{other_side_label(match, side)} a indiqué que votre alliance est formée{_about(match)}. "
        "Vous pouvez la proposer comme exemple inspirant depuis la page de la mise en relation.",
    )


def message_relayed(message: Message) -> None:
    match = message.match
    side = _other(match.side_of(message.sender_id))
    _tell(
        match,
        side,
        subject="Nouveau message d'une mise en relation",
        intro=f"{other_side_label(match, side)} vous a écrit{_about(match)} :",
        quoted=message.body,
    )


def reminder(match: Match, *, side: str, stage: int, expires_in: int) -> int:
    return _tell(
        match,
        side,
        subject=f"Rappel : une mise en relation attend votre réponse depuis {stage} jours",
        intro=f"{other_side_label(match, side)} attend votre réponse depuis {stage} jours{_about(match)}.",
        detail=f"Sans réponse, la mise en relation expirera dans {expires_in} jours.",
    )


def match_expired(match: Match) -> None:
    for side in ("requester", "recipient"):
        _tell(
            match,
            side,
            subject="Mise en relation expirée",
            intro=f"La mise en relation avec {other_side_label(match, side)}{_about(match)} a expiré faute de "
            "réponse des deux organisations.",
        )
