"""The demo content of data/demo/, loaded by ``load_demo_content``: checked first, idempotent, all fictional."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import models

from cases.models import Case
from catalysts.models import Catalyst, SupportScheme
from hub.demo_data import DEMO_DIR, KINDS
from resources.models import Event, NewsItem, Study, Tool

MODELS: list[type[models.Model]] = [Case, Tool, Study, NewsItem, Event, Catalyst, SupportScheme]


def _load(**options: object) -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    """A copy of data/demo/ that a test may break."""
    for kind in KINDS:
        shutil.copy(DEMO_DIR / f"{kind}.yml", tmp_path / f"{kind}.yml")
    return tmp_path


def _edit(directory: Path, file: str, index: int, changes: dict[str, object]) -> None:
    path = directory / f"{file}.yml"
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    records[index].update(changes)
    path.write_text(yaml.safe_dump(records, allow_unicode=True), encoding="utf-8")


def test_every_data_file_says_its_content_is_fictional() -> None:
    for kind in KINDS:
        assert "exemples fictifs" in (DEMO_DIR / f"{kind}.yml").read_text(encoding="utf-8").splitlines()[0]


def test_the_demo_content_loads_once_every_item_flagged_demo_and_a_second_run_changes_nothing(
    reference_data,
) -> None:
    first = _load()
    assert "exemples inspirants : 60 créé(s), 0 mis à jour, 0 inchangé(s)" in first
    assert "catalyseurs territoriaux : 25 créé(s)" in first
    counts = {model: model._default_manager.count() for model in MODELS}
    records = {kind: yaml.safe_load((DEMO_DIR / f"{kind}.yml").read_text(encoding="utf-8")) for kind in KINDS}
    for kind, model in zip(KINDS, MODELS, strict=True):  # the seed content of data/seed/ is real, not demo
        assert model._default_manager.filter(is_demo=True).count() == len(records[kind]) > 0
    assert Event.objects.filter(territory_level="commune", territory_code="03185").exists()
    revisions = {model: sorted(model._default_manager.values_list("pk", "updated_at")) for model in (Catalyst,)}
    latest = sorted(Case.objects.values_list("pk", "latest_revision_id"))

    second = _load()

    assert " 0 créé(s), 0 mis à jour" in second and "créé(s), 0 mis à jour, 0 inchangé" not in second
    assert "exemples inspirants : 0 créé(s), 0 mis à jour, 60 inchangé(s)" in second
    assert {model: model._default_manager.count() for model in MODELS} == counts
    assert sorted(Case.objects.values_list("pk", "latest_revision_id")) == latest
    assert {model: sorted(model._default_manager.values_list("pk", "updated_at")) for model in (Catalyst,)} == revisions


def test_a_changed_record_gets_a_new_revision_and_the_others_stay(reference_data, demo_dir) -> None:
    _load(path=demo_dir, verbosity=0)
    _edit(demo_dir, "tools", 0, {"title": "Guide fictif retitré"})
    output = _load(path=demo_dir)
    assert "outils et méthodes : 0 créé(s), 1 mis à jour, 39 inchangé(s)" in output
    assert Tool.objects.get(title="Guide fictif retitré").is_demo


@pytest.mark.parametrize(
    ("kind", "changes", "message"),
    [
        ("cases", {"targets": ["12.5", "99.9"]}, "(« {slug} »), champ « targets » : cible ODD inconnue « 99.9 »"),
        ("cases", {"territory_level": "commune", "territory_code": "99999"}, "aucune commune de code officiel"),
        ("tools", {"audiences": ["martien"]}, "champ « audiences » : type d'acteur inconnu « martien »"),
        ("catalysts", {"kind": "guilde"}, "champ « kind » : type d'acteur inconnu « guilde »"),
        ("catalysts", {"departements": ["00"]}, "aucun département de code officiel « 00 »"),
        ("events", {"starts_at": "demain"}, "champ « starts_at » : une date et heure ISO 8601"),
        ("news", {"title": None}, "champ « title » : champ obligatoire absent ou vide"),
        ("studies", {"auteur": "X"}, "champ « auteur » : champ inconnu"),
    ],
)
def test_a_malformed_record_is_named_in_french_and_nothing_is_written(
    reference_data, demo_dir, kind, changes, message
) -> None:
    slug = yaml.safe_load((demo_dir / f"{kind}.yml").read_text(encoding="utf-8"))[2].get("slug")
    _edit(demo_dir, kind, 2, changes)
    with pytest.raises(CommandError, match="rien n'a été écrit") as error:
        _load(path=demo_dir, verbosity=0)
    assert message.format(slug=slug) in str(error.value)
    assert f"{kind}.yml, élément 3" in str(error.value)
    assert not any(model._default_manager.filter(is_demo=True).exists() for model in MODELS)


def test_a_missing_file_is_named(reference_data, demo_dir) -> None:
    (demo_dir / "news.yml").unlink()
    with pytest.raises(CommandError, match=r"news\.yml : fichier absent"):
        _load(path=demo_dir, verbosity=0)
    assert not Case.objects.filter(is_demo=True).exists()
