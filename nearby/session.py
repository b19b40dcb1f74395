"""The commune a person asked us to remember, for the visit only (the session ends with the browser).

Nothing is kept unless the person ticks the box that asks for it; « Oublier ma commune » erases it.
Only the INSEE code is stored, in the shared session store (database), never in a cookie of its own.
"""

from __future__ import annotations

from django.http import HttpRequest

from territories.models import Commune

SESSION_KEY = "nearby_commune"


def remembered_commune(request: HttpRequest) -> Commune | None:
    code = request.session.get(SESSION_KEY)
    if not isinstance(code, str) or not code:
        return None
    return Commune.objects.select_related("departement").filter(code=code).first()


def remember_commune(request: HttpRequest, commune: Commune) -> None:
    request.session[SESSION_KEY] = commune.code


def forget_commune(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
