"""Strict helpers to read settings from the environment.

Every helper fails loudly (ImproperlyConfigured) on a value it cannot parse, so a typo in a
deployment never silently falls back to a default.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None:
        if default is None:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int_list(name: str, default: list[int]) -> list[int]:
    """Integers separated by commas (« 7,14 »); ImproperlyConfigured names the variable otherwise."""
    items = env_list(name, [str(item) for item in default])
    try:
        return [int(item) for item in items]
    except ValueError as exc:
        value = os.environ.get(name)
        raise ImproperlyConfigured(f"{name} must be integers separated by commas, got {value!r}.") from exc


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    value = os.environ.get(name, default)
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}, got {value!r}.")
    return value


def env_url(name: str, *, schemes: tuple[str, ...], required: bool = False) -> str | None:
    """A URL with one of ``schemes`` and a host (a ``unix`` URL names a socket path instead), or None if unset.

    The error names the variable and the scheme only: the URL may carry a password.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        if required:
            raise ImproperlyConfigured(f"The environment variable {name} is required.")
        return None
    parsed = urlsplit(value)
    if parsed.scheme not in schemes:
        raise ImproperlyConfigured(
            f"{name} must be a URL starting with {' or '.join(f'{s}://' for s in schemes)}, "
            f"got the scheme {parsed.scheme!r}."
        )
    try:
        parsed.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} has an invalid port.") from exc
    located = parsed.path if parsed.scheme == "unix" else parsed.hostname
    if not located:
        raise ImproperlyConfigured(f"{name} must name a host (or a socket path for unix://).")
    return value


def env_cache_url(name: str) -> str | None:
    """A Redis URL for Django's Redis cache (``redis://``, ``rediss://`` or ``unix://``), or None if unset.

    ``redis://[:password@]host[:port][/db]``: the database is a number; ``rediss://`` for TLS.
    """
    value = env_url(name, schemes=("redis", "rediss", "unix"))
    if value is None:
        return None
    parsed = urlsplit(value)
    database = parsed.path.strip("/") if parsed.scheme != "unix" else parse_qs(parsed.query).get("db", ["0"])[0]
    if database and not database.isdigit():
        raise ImproperlyConfigured(f"{name}: the Redis database must be a number, got {database!r}.")
    return value


def env_all_or_none(*names: str) -> dict[str, str] | None:
    """The values of ``names`` when every one is set, None when none is; one set without the others fails loudly.

    For a feature configured by several variables (an OpenID Connect client: issuer, client id, secret), half a
    configuration is a deployment mistake, never « off ». The error names the variables, never a value (secrets).
    """
    values = {name: os.environ.get(name, "").strip() for name in names}
    missing = [name for name, value in values.items() if not value]
    if len(missing) == len(names):
        return None
    if missing:
        given = [name for name in names if name not in missing]
        raise ImproperlyConfigured(
            f"{', '.join(given)} set without {', '.join(missing)}: set all of {', '.join(names)}, or none of them."
        )
    return values
