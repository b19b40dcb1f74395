"""Does a person's e-mail address belong to the organisation's own domain?

Compared by registrable domain (the Public Suffix List, packaged by ``publicsuffixlist``): mail at
``contact.example.fr`` matches the site ``www.example.fr``, but ``evil-example.fr`` never matches
``example.fr`` and ``paris.fr`` is not ``mairie-x.paris.fr``'s neighbour by suffix. Addresses of
webmail providers and sites on shared hosting never verify anyone: anybody can get one (ADR 0022).
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList

# Registrable domains where anyone can open a mailbox or a site: never proof of representing anyone.
SHARED_DOMAINS = frozenset(
    {
        # webmail
        "gmail.com", "googlemail.com", "yahoo.fr", "yahoo.com", "ymail.com", "hotmail.fr", "hotmail.com",
        "outlook.fr", "outlook.com", "live.fr", "live.com", "msn.com", "icloud.com", "me.com", "aol.com",
        "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "gmx.fr",
        "gmx.com", "protonmail.com", "proton.me", "tutanota.com", "yandex.com", "mail.com", "numericable.fr",
        "club-internet.fr", "aliceadsl.fr",
        # shared hosting and platforms where anyone gets a page
        "wixsite.com", "wordpress.com", "over-blog.com", "overblog.com", "blogspot.com", "canalblog.com",
        "e-monsite.com", "jimdo.com", "jimdofree.com", "webnode.fr", "sitew.com", "google.com",
        "facebook.com", "helloasso.com", "assoconnect.com", "linkedin.com", "instagram.com",
    }
)  # fmt: skip


@cache
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


def registrable_domain(host: str) -> str | None:
    """``www.example.fr`` → ``example.fr``; None for a bare public suffix or an empty host."""
    host = host.strip().lower().rstrip(".")
    if not host or "." not in host:
        return None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return _psl().privatesuffix(host)


def email_domain(email: str) -> str | None:
    _, _, domain = email.rpartition("@")
    return registrable_domain(domain)


def website_domain(url: str) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"https://{url}").hostname or ""
    return registrable_domain(host)


def email_matches_website(email: str, website: str) -> bool:
    """True when the address's registrable domain is the site's, and neither is a shared domain."""
    mail_domain, site_domain = email_domain(email), website_domain(website)
    return bool(mail_domain) and mail_domain == site_domain and mail_domain not in SHARED_DOMAINS
