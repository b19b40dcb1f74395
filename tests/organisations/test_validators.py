from __future__ import annotations

import contextlib

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from organisations.validators import (
    luhn_valid,
    siren_is_valid,
    siret_is_valid,
    validate_rna,
    validate_siren,
    validate_siret,
)


def _with_luhn_key(body: str) -> str:
    """Append the digit that makes ``body`` pass the Luhn check."""
    return next(body + digit for digit in "0123456789" if luhn_valid(body + digit))


@pytest.mark.parametrize("value", ["732829320", "130025265", "356000000"])
def test_real_siren_numbers_are_valid(value: str) -> None:
    validate_siren(value)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("123456789", "clé de contrôle"),
        ("12345678", "9 chiffres"),
        ("1234567890", "9 chiffres"),
        ("12345678A", "9 chiffres"),
        ("１２３４５６７８２", "9 chiffres"),  # full-width digits are digits for str.isdigit()
    ],
)
def test_invalid_siren_is_refused_with_a_french_message_naming_the_field(value: str, message: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_siren(value)
    assert "SIREN" in error.value.messages[0] and message in error.value.messages[0]


def test_siret_with_a_luhn_key_is_valid() -> None:
    validate_siret("13002526500013")


def test_siret_with_a_wrong_key_is_refused() -> None:
    with pytest.raises(ValidationError, match="SIRET"):
        validate_siret("13002526500014")


def test_la_poste_siret_follows_the_sum_of_digits_rule_not_luhn() -> None:
    assert siret_is_valid("35600000000047")  # digits sum to 25
    assert not siret_is_valid("35600000000048")


@pytest.mark.parametrize("value", ["W751004076", "W9T1002867"])
def test_rna_numbers_are_w_and_nine_characters(value: str) -> None:
    validate_rna(value)


@pytest.mark.parametrize("value", ["751004076", "W75100407", "W7510040761", "w751004076", "X751004076"])
def test_malformed_rna_number_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="RNA"):
        validate_rna(value)


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_any_eight_digits_with_their_luhn_key_make_a_valid_siren(body: str) -> None:
    assert siren_is_valid(_with_luhn_key(body))


@given(st.text(alphabet="0123456789", min_size=8, max_size=8), st.integers(0, 8), st.integers(1, 9))
def test_changing_one_digit_of_a_siren_breaks_its_key(body: str, position: int, delta: int) -> None:
    valid = _with_luhn_key(body)
    changed = valid[:position] + str((int(valid[position]) + delta) % 10) + valid[position + 1 :]
    assert not siren_is_valid(changed)


@given(st.text(max_size=20))
def test_validators_never_crash_on_any_text(value: str) -> None:
    for validator in (validate_siren, validate_siret, validate_rna):
        with contextlib.suppress(ValidationError):
            validator(value)
