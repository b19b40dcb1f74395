"""Claims verified by e-mail domain compare registrable domains, never suffixes."""

from __future__ import annotations

import pytest

from organisations.domains import email_matches_website, registrable_domain


@pytest.mark.parametrize(
    ("email", "website"),
    [
        ("camille@example.fr", "https://www.example.fr/"),
        ("camille@contact.example.fr", "http://example.fr"),
        ("camille@EXAMPLE.FR", "example.fr"),
        ("agent@mairie.example.gouv.fr", "https://www.example.gouv.fr"),
    ],
)
def test_an_address_on_the_sites_registrable_domain_matches(email: str, website: str) -> None:
    assert email_matches_website(email, website)


@pytest.mark.parametrize(
    ("email", "website"),
    [
        ("camille@evil-example.fr", "https://example.fr"),  # a suffix is not a domain
        ("camille@example.fr.evil.com", "https://example.fr"),
        ("camille@example.com", "https://example.fr"),
        ("camille@free.fr", "http://monasso.free.fr"),  # webmail and free hosting prove nothing
        ("camille@gmail.com", "https://gmail.com"),
        ("camille@example.fr", ""),  # no site, nothing to compare
        ("camille@fr", "https://fr"),
    ],
)
def test_other_addresses_never_match(email: str, website: str) -> None:
    assert not email_matches_website(email, website)


def test_a_public_suffix_is_not_a_registrable_domain() -> None:
    assert registrable_domain("gouv.fr") is None
    assert registrable_domain("www.paris.fr") == "paris.fr"
