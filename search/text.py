"""French text → search terms: the one normalisation shared by the index and the queries.

« L'Économie circulaire des territoires » → ``["economie", "circulaire", "territoire"]``:
lower case, no accents or ligatures, elided articles and common words dropped (« l' », « d' »,
« des »…), and a light stemming of plurals and feminines (« alliances » → « alliance »,
« territoriaux » and « territoriales » → « territorial », « réseaux » → « reseau », « citoyennes » →
« citoyen », « engagées » → « engage »). Letters and digits are split (« ODD17 » → « odd 17 », as
« ODD 17 ») and numbers are kept whatever their length (« mesure 2 »). Terms are ``[a-z]+`` or
``[0-9]+`` only, so they can never carry full-text query syntax (quotes, operators) into the
database. See docs/adr/0010-search.md and docs/adr/0019-search-words.md.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[a-z]+|[0-9]+")  # « odd17 » → « odd », « 17 »
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


# Feminine ending → masculine one, tried in this order on words of more than 4 letters.
_FEMININE = (
    ("enne", "en"),  # citoyenne → citoyen, européenne → européen
    ("trice", "teur"),  # animatrice → animateur
    ("euse", "eur"),  # porteuse → porteur
    ("elle", "el"),  # culturelle → culturel
    ("iere", "ier"),  # financière → financier
    ("ive", "if"),  # associative → associatif
    ("ale", "al"),  # territoriale → territorial
    ("ee", "e"),  # engagée → engagé
)


def stem(word: str) -> str:
    """Light French stemming: the same stem for the singular and the plural, the masculine and the feminine."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("eaux"):
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word[-1] in "sx" and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 4:
        for ending, masculine in _FEMININE:
            if word.endswith(ending):
                return word[: -len(ending)] + masculine
    return word


def terms(text: str) -> list[str]:
    """Every search term of ``text``, in order (duplicates kept: they weigh in the ranking)."""
    return [
        stem(word) for word in _WORD.findall(fold(text)) if (len(word) > 1 or word.isdigit()) and word not in STOPWORDS
    ]


def index_text(*parts: str) -> str:
    """The normalised text stored in the index for the given fields."""
    return " ".join(term for part in parts if part for term in terms(part))


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, at most ``MAX_QUERY_TERMS`` (a 2,000-character query stays cheap)."""
    return list(dict.fromkeys(terms(query[:1000])))[:MAX_QUERY_TERMS]
