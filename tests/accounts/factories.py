from __future__ import annotations

import factory
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

PASSWORD = "un-mot-de-passe-solide-42"


class AccountFactory(UserFactory):
    """A person who signed up and confirmed their address (allauth's EmailAddress, verified)."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def confirmed_email(self, create: bool, extracted: object, **kwargs: object) -> None:
        if create and self.email:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email.lower(), defaults={"verified": True, "primary": True}
            )
