"""Numbers typed by people: « 12 », « 12,5 », « 1 234,5 » (French) or « 12.5 ». Anything else is refused
in French; NaN, infinities and numbers too large for the database are refused too."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_ABS = Decimal("1e15")  # 20 digits of which 4 decimals (models.DIGITS)
_NUMBER = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")


class NotANumber(ValueError):
    pass


def parse_number(raw: object) -> Decimal | None:
    """The number ``raw`` holds, or None when it is empty; ``NotANumber`` with a French reason otherwise."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber("doit être un nombre")
    if isinstance(raw, (int, Decimal)):
        number = Decimal(raw)
    else:
        text = str(raw).strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not text:
            return None
        if not _NUMBER.fullmatch(text):
            raise NotANumber("doit être un nombre, écrit avec des chiffres (par exemple 12 ou 12,5)")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid numbers
            raise NotANumber("doit être un nombre") from error
    if not number.is_finite() or abs(number) >= MAX_ABS:
        raise NotANumber("est hors des limites acceptées")
    return number.quantize(Decimal("0.0001"))
