"""Validators of the national identifiers: SIREN, SIRET (Luhn key) and RNA number.

Each message is in French and names the field, so that a form shows it as is.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError

LA_POSTE_SIREN = "356000000"  # La Poste's establishments do not follow Luhn: their SIRET digits sum to a multiple of 5
RNA_PATTERN = re.compile(r"^W[0-9A-Z]{9}$")


def luhn_valid(digits: str) -> bool:
    """The Luhn check of a string of digits (the key of SIREN and SIRET numbers)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def siren_is_valid(value: str) -> bool:
    return len(value) == 9 and value.isascii() and value.isdigit() and luhn_valid(value)


def siret_is_valid(value: str) -> bool:
    if not (len(value) == 14 and value.isascii() and value.isdigit()):
        return False
    if value.startswith(LA_POSTE_SIREN):
        return sum(int(char) for char in value) % 5 == 0
    return luhn_valid(value)


def rna_is_valid(value: str) -> bool:
    return bool(RNA_PATTERN.match(value))


def validate_siren(value: str) -> None:
    if not (len(value) == 9 and value.isascii() and value.isdigit()):
        raise ValidationError("Le numéro SIREN doit comporter exactement 9 chiffres.", code="siren_format")
    if not luhn_valid(value):
        raise ValidationError(
            "Le numéro SIREN « %(value)s » est invalide : sa clé de contrôle ne correspond pas.",
            code="siren_key",
            params={"value": value},
        )


def validate_siret(value: str) -> None:
    if not (len(value) == 14 and value.isascii() and value.isdigit()):
        raise ValidationError("Le numéro SIRET doit comporter exactement 14 chiffres.", code="siret_format")
    if not siret_is_valid(value):
        raise ValidationError(
            "Le numéro SIRET « %(value)s » est invalide : sa clé de contrôle ne correspond pas.",
            code="siret_key",
            params={"value": value},
        )


def validate_rna(value: str) -> None:
    if not rna_is_valid(value):
        raise ValidationError(
            "Le numéro RNA doit commencer par « W » suivi de 9 chiffres ou lettres majuscules "
            "(par exemple W751004076).",
            code="rna_format",
        )
