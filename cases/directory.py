"""Which partners of a case are organisations of the directory (« annuaire »).

A partner linked to the directory by its proposer or an editor (``CasePartner.organisation``) is that
organisation. Otherwise its name, typed by an editor, is matched on the directory's name key
(accents, case and punctuation ignored, ``organisations.text.fast_search_key``). Only a single
match counts: first among the organisations of the case's département, then nationally. Two
homonyms and no département to tell them apart: no link (a wrong link is worse than none).
Each read is led by an index on the name key (``organisation_departement_idx``, ``organisation_name_idx``).
"""

from __future__ import annotations

from cases.models import Case
from organisations.models import Organisation
from organisations.text import fast_search_key


def partners_in_directory(case: Case) -> dict[int, Organisation]:
    """Partner id → the directory's organisation of that name, when there is exactly one."""
    found: dict[int, Organisation] = {}
    for partner in case.partners.select_related("organisation"):
        if partner.organisation is not None:
            found[partner.pk] = partner.organisation
            continue
        key = fast_search_key(partner.name)
        if not key:
            continue
        named = Organisation.objects.filter(search_key=key).only("id", "name", "departement_code")
        candidates: list[Organisation] = []
        if case.departement_code:
            candidates = list(named.filter(departement_code=case.departement_code)[:2])
        if len(candidates) != 1:
            candidates = list(named.order_by("search_key", "id")[:2])
        if len(candidates) == 1:
            found[partner.pk] = candidates[0]
    return found
