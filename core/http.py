"""Types for views.

``AuthenticatedHttpRequest`` annotates the request of a view behind ``login_required`` (django-stubs' recipe):
there ``request.user`` is a ``User``, never ``AnonymousUser``, so it can be handed to a service that writes in
the person's name. It is only an annotation: Django still builds a plain ``HttpRequest``, and it is
``login_required`` that guarantees the user is signed in. A view without ``login_required`` keeps ``HttpRequest``.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


class AuthenticatedHttpRequest(HttpRequest):
    user: User
