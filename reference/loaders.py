"""Load the reference vocabularies from data/ (SDGs, actor kinds, modalities, forces of change)."""

from __future__ import annotations

import re

from core.loading import LoadReport, read_yaml, upsert
from reference.models import ActorKind, ForceOfChange, PartnershipModality, SdgTarget, SustainableDevelopmentGoal

_TARGET_KEY = re.compile(r"^(?P<goal>\d+)-(?P<target>[0-9a-z]+)-title$")


def _clean(text: str) -> str:
    return " ".join(text.split())


def load_sdgs(report: LoadReport) -> None:
    goals_data = read_yaml("sdg/global_goals.fr.yml")
    goals: dict[int, SustainableDevelopmentGoal] = {}
    for number in range(1, 18):
        goals[number] = upsert(
            SustainableDevelopmentGoal,
            {"number": number},
            {"short_title": _clean(goals_data[f"{number}-short"]), "title": _clean(goals_data[f"{number}-title"])},
            report,
        )
    targets_data = read_yaml("sdg/global_targets.fr.yml")
    keyed = []
    for key, title in targets_data.items():
        match = _TARGET_KEY.match(key)
        if match is None:
            continue
        target = match["target"]
        # Numbered targets (17.1 … 17.19) first, then lettered ones (1.a, 1.b), as the UN lists them.
        order = int(target) if target.isdigit() else 100 + ord(target[0]) - ord("a")
        keyed.append((int(match["goal"]), order, f"{match['goal']}.{target}", _clean(title)))
    for goal_number, order, code, title in sorted(keyed):
        upsert(SdgTarget, {"code": code}, {"goal": goals[goal_number], "position": order, "title": title}, report)


def load_actor_kinds(report: LoadReport) -> None:
    for position, item in enumerate(read_yaml("reference/actor_kinds.yml"), start=1):
        upsert(
            ActorKind,
            {"slug": item["slug"]},
            {"name": item["name"], "name_plural": item["name_plural"], "position": position},
            report,
        )


def load_partnership_modalities(report: LoadReport) -> None:
    for position, item in enumerate(read_yaml("reference/partnership_modalities.yml"), start=1):
        upsert(PartnershipModality, {"slug": item["slug"]}, {"name": item["name"], "position": position}, report)


def load_forces_of_change(report: LoadReport) -> None:
    for item in read_yaml("reference/forces_of_change.yml"):
        upsert(
            ForceOfChange,
            {"number": item["number"]},
            {
                "name": item["name"],
                "description": item["description"],
                "illustration": item.get("illustration") or "",
            },
            report,
        )


def load_all(report: LoadReport) -> None:
    load_sdgs(report)
    load_actor_kinds(report)
    load_partnership_modalities(report)
    load_forces_of_change(report)
