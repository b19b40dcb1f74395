"""In the test profile, a variable that a template of the platform names but its context lacks fails the render.

Django renders an undefined ``{{ variable }}`` as an empty string, so a renamed context key or a typo shows
nothing and no test notices. The settings of the test profile set the template engine's ``string_if_invalid``
to ``FAIL_ON_UNDEFINED``: Django formats it with the variable's name (``string_if_invalid % name``), and this
formatting raises ``UndefinedTemplateVariable`` when the variable sits in one of the platform's own templates.
Templates of installed packages (Wagtail, django-dsfr, allauth, Django's admin) keep Django's empty string:
they are not ours to fix. A template says what a missing variable shows with ``|default:"…"`` (rendered as Django
would), or tests it first: ``{% if %}``, ``{% for %}`` and ``{% firstof %}`` never use ``string_if_invalid``.
"""

from __future__ import annotations

import sys
from pathlib import Path

PLATFORM_DIR = str(Path(__file__).resolve().parent.parent)
PACKAGES = ("site-packages", "dist-packages")


class UndefinedTemplateVariable(Exception):
    """A platform template names a variable its context does not have."""


def _template_of_the_caller() -> str | None:
    """The file of the template whose node is being rendered (the innermost ``render`` with an origin)."""
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "render":
            origin = getattr(frame.f_locals.get("self"), "origin", None)
            if origin is not None:
                return str(origin.name)
        frame = frame.f_back
    return None


def is_platform_template(name: str | None) -> bool:
    return bool(name) and name.startswith(PLATFORM_DIR) and not any(part in name for part in PACKAGES)


class FailOnUndefined(str):
    """``string_if_invalid``: an empty string for Django, except when a platform template formats it."""

    def __new__(cls) -> FailOnUndefined:
        return super().__new__(cls, "")

    def __bool__(self) -> bool:
        return True  # Django only formats ``string_if_invalid`` when it is true

    def __contains__(self, key: object) -> bool:
        return key == "%s"  # « "%s" in string_if_invalid »: Django then formats it with the variable's name

    def __mod__(self, variable: object) -> object:
        caller = sys._getframe(1).f_locals  # django.template.base.FilterExpression.resolve
        expression, context = caller.get("self"), caller.get("context")
        if any(getattr(function, "__name__", "") == "default" for function, _ in getattr(expression, "filters", ())):
            return expression.resolve(context, ignore_failures=True)  # what the template says to show instead
        template = _template_of_the_caller()
        if is_platform_template(template):
            raise UndefinedTemplateVariable(f"Variable de gabarit non définie « {variable} » dans {template}")
        return ""


FAIL_ON_UNDEFINED = FailOnUndefined()
