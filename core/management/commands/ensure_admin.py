"""Create the first administrator on first start and print its login and a generated password."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from core.permissions import ensure_roles


class Command(BaseCommand):
    help = "Crée l'administrateur au premier démarrage et affiche son identifiant et son mot de passe."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.invalid")

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_roles()
        user_model = get_user_model()
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write("Un administrateur existe déjà : aucun compte créé.")
            return
        password = secrets.token_urlsafe(18)
        user_model.objects.create_superuser(username=options["username"], email=options["email"], password=password)
        self.stdout.write(self.style.SUCCESS("Administrateur créé pour l'espace de gestion (/admin/) :"))
        self.stdout.write(f"  identifiant : {options['username']}")
        self.stdout.write(f"  mot de passe : {password}")
        self.stdout.write("  Notez-le : il ne sera plus affiché.")
