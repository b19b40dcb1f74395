"""The search key of a territory's name: no accents, hyphens, apostrophes or case."""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_NOT_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def search_key(text: str) -> str:
    """« Saint-Étienne » → « saint etienne », « L'Haÿ-les-Roses » → « l hay les roses »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = "".join(char for char in decomposed if not unicodedata.combining(char)).lower()
    return _NOT_ALPHANUMERIC.sub(" ", ascii_text).strip()
