"""Strict parsing of the public pages' query parameters: one helper per kind of value.

A visitor can type anything in an address. Each helper returns a usable value or the default, never
raises: a page number written with digits outside ASCII (« ² », « ١ »), too many digits, or a text
with control characters is treated as absent, as is an empty value (``?type=`` is no filter).
``str.isdigit()`` and ``int()`` accept Unicode digits, so they are not used on raw input.

The API parses its parameters with its typed schemas (django-ninja); ``core.input_guard`` has already
refused what is not valid UTF-8 or carries a NUL byte, and dropped empty values, before either runs.
See docs/adr/0020-strict-public-input.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from django.http import QueryDict

_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")
DEFAULT_MAX_TEXT = 200


def text_param(query: QueryDict, name: str, *, max_length: int = DEFAULT_MAX_TEXT) -> str:
    """The parameter's text, without control characters, trimmed and cut to ``max_length``; "" if absent."""
    raw = query.get(name, "")
    if not isinstance(raw, str):
        return ""
    cleaned = "".join(char for char in raw if unicodedata.category(char)[0] != "C" or char in "\t ")
    return " ".join(cleaned.split())[:max_length]


def int_param(query: QueryDict, name: str, *, default: int, minimum: int, maximum: int) -> int:
    """An integer written with ASCII digits, clamped to [minimum, maximum]; ``default`` otherwise."""
    raw = text_param(query, name, max_length=20)
    if not _ASCII_NUMBER.fullmatch(raw):
        return default
    return max(minimum, min(int(raw), maximum))


def ascii_int(text: str, *, max_digits: int = 9) -> int | None:
    """The integer written in ``text`` with ASCII digits only (« 12 »), else None (« ² », « -1 », « 1e3 », « »)."""
    if not (0 < len(text) <= max_digits and text.isascii() and text.isdigit()):
        return None
    return int(text)


def choice_param(query: QueryDict, name: str, choices: Collection[str], *, default: str = "") -> str:
    """One of ``choices`` exactly; ``default`` for anything else."""
    raw = text_param(query, name)
    return raw if raw in choices else default
