"""French text → search terms: the one normalisation shared by the index and the queries.

« L'Économie circulaire des territoires » → ``["economie", "circulaire", "territoire"]``:
lower case, no accents or ligatures, elided articles and common words dropped (« l' », « d' »,
« des »…), and a light plural stemming (« alliances » → « alliance », « territoriaux » →
« territorial », « réseaux » → « reseau »). Terms are ``[a-z0-9]+`` only, so they can never carry
full-text query syntax (quotes, operators) into the database. See docs/adr/0010-search.md.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[a-z0-9]+")
MAX_QUERY_TERMS = 12

# fmt: off
STOPWORDS = frozenset(
    {
        "a", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle",
        "elles", "en", "est", "et", "etre", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m",
        "ma", "mais", "me", "mes", "n", "ne", "ni", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu",
        "que", "qui", "s", "sa", "sans", "se", "ses", "son", "sont", "sur", "t", "ta", "te", "tes", "ton", "un",
        "une", "vos", "votre", "vous", "y",
    }
)
# fmt: on


def fold(text: str) -> str:
    """Lower case, without accents or ligatures."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def stem(word: str) -> str:
    """Light French plural stemming: the same stem for the singular and the plural."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word[-1] in "sx" and not word.endswith("ss"):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Every search term of ``text``, in order (duplicates kept: they weigh in the ranking)."""
    return [stem(word) for word in _WORD.findall(fold(text)) if len(word) > 1 and word not in STOPWORDS]


def index_text(*parts: str) -> str:
    """The normalised text stored in the index for the given fields."""
    return " ".join(term for part in parts if part for term in terms(part))


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, at most ``MAX_QUERY_TERMS`` (a 2,000-character query stays cheap)."""
    return list(dict.fromkeys(terms(query[:1000])))[:MAX_QUERY_TERMS]
