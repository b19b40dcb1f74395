"""A platform template naming a variable its context lacks fails the render in tests (config/undefined_variables.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template, engines
from django.template.backends.django import DjangoTemplates
from django.template.base import Origin

from config.undefined_variables import UndefinedTemplateVariable

PLATFORM_TEMPLATE = Origin(name=str(Path(settings.BASE_DIR) / "core" / "templates" / "core" / "essai.html"))
PACKAGE_TEMPLATE = Origin(name="/usr/lib/python3/site-packages/dsfr/templates/dsfr/essai.html")


def _render(source: str, origin: Origin = PLATFORM_TEMPLATE, **context: object) -> str:
    backend = engines["django"]
    assert isinstance(backend, DjangoTemplates)
    return Template(source, origin=origin, engine=backend.engine).render(Context(context))


def test_a_missing_variable_of_a_platform_template_fails_the_render_and_names_it() -> None:
    with pytest.raises(UndefinedTemplateVariable, match=r"« titre » dans .*core/essai\.html"):
        _render("<h1>{{ titre }}</h1>")


def test_a_missing_attribute_fails_too() -> None:
    with pytest.raises(UndefinedTemplateVariable, match=r"« mesure\.intitule »"):
        _render("{{ mesure.intitule }}", mesure={"numero": 1})


def test_a_variable_the_template_gives_a_default_or_tests_first_renders_as_django_would() -> None:
    assert _render('{{ titre|default:"Sans titre" }}') == "Sans titre"
    assert _render("{% if titre %}{{ titre }}{% else %}—{% endif %}") == "—"
    assert _render('{% firstof titre "Sans titre" %}') == "Sans titre"
    assert _render("{% for ligne in lignes %}{{ ligne }}{% empty %}vide{% endfor %}") == "vide"


def test_a_defined_variable_renders() -> None:
    assert _render("<h1>{{ titre }}</h1>", titre="Feuille de route") == "<h1>Feuille de route</h1>"


def test_the_templates_of_installed_packages_keep_django_s_empty_string() -> None:
    assert _render("<h1>{{ titre }}</h1>", origin=PACKAGE_TEMPLATE) == "<h1></h1>"
