from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from accounts.passwords import password_bits


@pytest.mark.parametrize(
    "password",
    [
        "Abcdefgh12!?",  # CNIL: 12 characters of the four kinds
        "Abcdefghij1234",  # CNIL: 14 characters, capitals, small letters and digits
        "un-mot-de-passe-solide-42",  # a passphrase
    ],
)
def test_passwords_the_cnil_accepts_pass(password: str) -> None:
    validate_password(password)


@pytest.mark.parametrize("password", ["Abcdefgh1234", "abcdefghijklmnop", "Abcdefghij12"])
def test_passwords_under_the_cnil_s_entropy_are_refused_in_french(password: str) -> None:
    with pytest.raises(ValidationError, match="Mot de passe trop faible"):
        validate_password(password)


def test_the_entropy_grows_with_the_kinds_of_characters() -> None:
    assert password_bits("aaaaaaaaaaaa") < password_bits("aaaaaaaaaaA1") < password_bits("aaaaaaaaaA1!")
