"""Organisations that can ally: associations, entreprises, collectivités, fondations…

Most come from the national registers (RNA for associations, Sirene for every legal unit) and are
kept in line by ``import_rna`` and ``import_sirene``; ``(source, register_id)`` is their natural
key. Dissolved or closed entities stay, flagged by ``status``: nothing is ever deleted by an import.
``search_key`` (name) and ``search_text`` (name and purpose) hold the text without accents, case or
punctuation (``organisations.text.fast_search_key``), for the directory search (docs/adr/0009).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from core.fields import AsciiKeyField
from organisations.text import fast_search_key, search_text
from organisations.validators import validate_rna, validate_siren, validate_siret
from reference.models import ActorKind, SdgTarget, SustainableDevelopmentGoal
from territories.models import Commune


class RegisterSource(models.TextChoices):
    RNA = "rna", "Répertoire national des associations (RNA)"
    SIRENE = "sirene", "Répertoire Sirene de l'Insee"
    MANUAL = "manual", "Saisie sur la plateforme"


class OrganisationStatus(models.TextChoices):
    ACTIVE = "active", "active"
    DISSOLVED = "dissolved", "dissoute"
    CLOSED = "closed", "fermée"


class AreaLevel(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "epci", "intercommunalité (EPCI)"
    DEPARTEMENT = "departement", "département"
    REGION = "region", "région"
    FRANCE = "france", "France entière"


class OrganisationQuerySet(models.QuerySet):
    def active(self) -> OrganisationQuerySet:
        return self.filter(status=OrganisationStatus.ACTIVE)

    def of_kind(self, slug: str) -> OrganisationQuerySet:
        return self.filter(kind__slug=slug)

    def in_region(self, code: str) -> OrganisationQuerySet:
        return self.filter(region_code=code)

    def in_departement(self, code: str) -> OrganisationQuerySet:
        return self.filter(departement_code=code)

    def in_epci(self, code: str) -> OrganisationQuerySet:
        return self.filter(commune__in=Commune.objects.filter(epci_id=code).values("code"))

    def in_commune(self, code: str) -> OrganisationQuerySet:
        return self.filter(commune_id=code)

    def in_territory(self, level: str, code: str) -> OrganisationQuerySet:
        """Organisations whose commune lies in the territory (a région includes its départements, EPCI, communes)."""
        return {
            "region": self.in_region,
            "departement": self.in_departement,
            "epci": self.in_epci,
            "commune": self.in_commune,
        }[level](code)

    def with_sdg(self, number: int) -> OrganisationQuerySet:
        return self.filter(sdgs__number=number)

    def matching(self, text: str) -> OrganisationQuerySet:
        """Every word of ``text`` in the name or purpose (accents and case ignored), best matches first.

        ``match_rank``: 0 exact name, 1 name starting with the text, 2 name containing it, 3 purpose only.
        """
        key = fast_search_key(text)
        if not key:  # no searchable word (« - », « * »): nothing matches, and the ordering still holds
            return self.none().annotate(match_rank=Value(3, output_field=IntegerField()))
        queryset = self
        for word in key.split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset.annotate(
            match_rank=Case(
                When(search_key=key, then=Value(0)),
                When(search_key__startswith=key, then=Value(1)),
                When(search_key__contains=key, then=Value(2)),
                default=Value(3),
                output_field=IntegerField(),
            )
        )


class Organisation(models.Model):
    kind = models.ForeignKey(
        ActorKind,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name="type d'acteur",
        db_index=False,  # seven kinds: the name index and a filter serve the directory better
    )
    name = models.CharField("nom", max_length=300)
    purpose = models.TextField("objet ou description", blank=True)
    siren = models.CharField("SIREN", max_length=9, blank=True, validators=[validate_siren])
    siret = models.CharField("SIRET du siège", max_length=14, blank=True, validators=[validate_siret])
    rna = models.CharField("numéro RNA", max_length=10, blank=True, validators=[validate_rna])
    commune = models.ForeignKey(
        Commune,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name="commune du siège",
        db_index=False,  # led by organisation_commune_idx
    )
    website = models.URLField("site internet", max_length=300, blank=True)
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal, blank=True, related_name="organisations", verbose_name="ODD"
    )
    area_level = models.CharField("échelle d'action", max_length=11, choices=AreaLevel.choices, blank=True)
    area_code = models.CharField("code du territoire d'action", max_length=9, blank=True)
    source = AsciiKeyField(
        "registre source", max_length=6, choices=RegisterSource.choices, default=RegisterSource.MANUAL
    )
    register_id = AsciiKeyField("identifiant dans le registre", max_length=14, null=True, blank=True)
    last_verified_on = models.DateField("dernière vérification", null=True, blank=True)
    founded_on = models.DateField("date de création", null=True, blank=True)
    status = models.CharField(
        "situation", max_length=9, choices=OrganisationStatus.choices, default=OrganisationStatus.ACTIVE
    )
    status_date = models.DateField("date de dissolution ou de fermeture", null=True, blank=True)
    is_generated = models.BooleanField("générée pour les essais de charge", default=False)
    search_key = AsciiKeyField("clé de recherche du nom", max_length=300, editable=False)
    search_text = models.TextField("texte de recherche", editable=False, blank=True)
    # The commune's, copied so that a département or région filter reads one index in name order
    # (docs/adr/0009); kept in line by save(), the importers' writer and a COG reload.
    departement_code = AsciiKeyField("code du département", max_length=3, blank=True, editable=False)
    region_code = AsciiKeyField("code de la région", max_length=3, blank=True, editable=False)
    # The page's own fields: written by the organisation's verified members (organisations.page),
    # never by an import, so a re-import keeps the register fields above in line without erasing them.
    presentation = models.TextField("présentation", blank=True, default="", db_default="")
    logo = models.ImageField("logo", upload_to="organisations/logos/", blank=True, default="", db_default="")
    page_website = models.URLField(
        "site internet indiqué par l'organisation", max_length=300, blank=True, default="", db_default=""
    )
    contact_email = models.EmailField("adresse e-mail de contact", blank=True, default="", db_default="")
    contact_phone = models.CharField("téléphone de contact", max_length=20, blank=True, default="", db_default="")
    show_contact = models.BooleanField("afficher le contact sur la page publique", default=False, db_default=False)
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="organisations", verbose_name="cibles d'ODD"
    )
    action_regions = models.ManyToManyField(
        "territories.Region", blank=True, related_name="acting_organisations", verbose_name="régions d'action"
    )
    action_departements = models.ManyToManyField(
        "territories.Departement",
        blank=True,
        related_name="acting_organisations",
        verbose_name="départements d'action",
    )
    seeks = models.TextField("ce que l'organisation recherche dans une alliance", blank=True, default="", db_default="")
    offers = models.TextField("ce que l'organisation apporte dans une alliance", blank=True, default="", db_default="")

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["search_key", "id"]
        verbose_name = "organisation"
        verbose_name_plural = "organisations"
        constraints = [
            models.UniqueConstraint(fields=["source", "register_id"], name="organisation_register_unique"),
            models.CheckConstraint(
                condition=Q(status="active") | Q(status="dissolved") | Q(status="closed"),
                name="organisation_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["search_key", "id"], name="organisation_name_idx"),
            models.Index(fields=["commune", "search_key"], name="organisation_commune_idx"),
            models.Index(fields=["departement_code", "search_key", "id"], name="organisation_departement_idx"),
            models.Index(fields=["region_code", "search_key", "id"], name="organisation_region_idx"),
            # Matchmaking's nearby candidates of the kinds a need seeks (alliances.suggestions): without it, a rare
            # kind in a large département read the département's 60,000 rows (200 ms on SQLite at national scale);
            # the commune last, for the same commune's and the intercommunalité's candidates of those kinds.
            models.Index(fields=["departement_code", "kind", "commune"], name="organisation_dep_kind_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_territory_codes()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"commune", "commune_id"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "departement_code", "region_code"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("organisations:detail", kwargs={"pk": self.pk})

    def refresh_territory_codes(self) -> None:
        """Copy the département and région of the commune (none without a commune)."""
        if self.commune_id is None:
            self.departement_code = self.region_code = ""
            return
        commune = self.commune if Organisation.commune.is_cached(self) else None
        if commune is not None and commune.pk == self.commune_id:
            self.departement_code, self.region_code = commune.departement_id, commune.region_id
            return
        codes = Commune.objects.filter(pk=self.commune_id).values_list("departement_id", "region_id").first()
        self.departement_code, self.region_code = codes or ("", "")

    def refresh_search_fields(self) -> None:
        self.search_key = fast_search_key(self.name)
        self.search_text = search_text(self.search_key, self.purpose)

    @property
    def is_active(self) -> bool:
        return self.status == OrganisationStatus.ACTIVE

    @property
    def shown_website(self) -> str:
        """The address the organisation gave, else the register's."""
        return self.page_website or self.website


# Fields of the page that verified members edit (organisations.page.page_update); the others come
# from the registers or the platform and are never offered to members.
PAGE_FIELDS = [
    "presentation",
    "logo",
    "page_website",
    "contact_email",
    "contact_phone",
    "show_contact",
    "sdgs",
    "sdg_targets",
    "action_regions",
    "action_departements",
    "seeks",
    "offers",
]


class Role(models.TextChoices):
    ADMIN = "admin", "administrateur"
    MEMBER = "member", "membre"


class MembershipQuerySet(models.QuerySet["Membership"]):
    def of_user(self, user: object) -> MembershipQuerySet:
        return self.filter(user=user)

    def admins(self) -> MembershipQuerySet:
        return self.filter(role=Role.ADMIN)


class Membership(models.Model):
    """A person who represents an organisation on the platform, with their role."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships", verbose_name="organisation"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name="membre"
    )
    role = models.CharField("rôle", max_length=6, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField("membre depuis", default=timezone.now, editable=False)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation_id", "created_at", "id"]
        verbose_name = "membre d'une organisation"
        verbose_name_plural = "membres des organisations"
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="membership_unique"),
            models.CheckConstraint(condition=Q(role__in=["admin", "member"]), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organisation} ({self.get_role_display()})"


class ClaimStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    VERIFIED = "verified", "vérifiée"
    REJECTED = "rejected", "refusée"


class ClaimMethod(models.TextChoices):
    EMAIL_DOMAIN = "email_domain", "adresse e-mail du domaine du site de l'organisation"
    MODERATION = "moderation", "examen par l'équipe de modération"


class ClaimQuerySet(models.QuerySet["Claim"]):
    def pending(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.PENDING)


class Claim(models.Model):
    """« Je représente cette organisation »: a person asks to manage an organisation's page."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="claims", verbose_name="organisation"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organisation_claims", verbose_name="demandeur"
    )
    status = models.CharField("statut", max_length=8, choices=ClaimStatus.choices, default=ClaimStatus.PENDING)
    method = models.CharField("vérification", max_length=12, choices=ClaimMethod.choices)
    email = models.EmailField("adresse e-mail confirmée du demandeur")
    evidence = models.TextField("éléments fournis par le demandeur", blank=True)
    reason = models.TextField("motif du refus", blank=True)
    created_at = models.DateTimeField("demandée le", default=timezone.now, editable=False)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="décidée par",
    )

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "demande de représentation"
        verbose_name_plural = "demandes de représentation"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], condition=Q(status="pending"), name="claim_one_pending_per_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.get_status_display()})"


class Invitation(models.Model):
    """A member invites someone by e-mail; the invitation is accepted by a signed-in person who
    confirmed that address."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations", verbose_name="organisation"
    )
    email = models.EmailField("adresse e-mail invitée")
    role = models.CharField("rôle", max_length=6, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="invité par"
    )
    created_at = models.DateTimeField("envoyée le", default=timezone.now, editable=False)
    accepted_at = models.DateTimeField("acceptée le", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "invitation"
        verbose_name_plural = "invitations"

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class OrganisationChange(models.Model):
    """One edit of an organisation's page: who, when, and each field's value before and after."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="changes", verbose_name="organisation"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name="auteur"
    )
    created_at = models.DateTimeField("date", default=timezone.now, editable=False)
    summary = models.CharField("résumé", max_length=300)
    changes = models.JSONField("modifications", default=list, help_text="[{champ, avant, après}]")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "modification d'une organisation"
        verbose_name_plural = "modifications des organisations"

    def __str__(self) -> str:
        return f"{self.organisation} — {self.summary}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", "en attente"
    APPROVED = "approved", "publiée"
    REJECTED = "rejected", "refusée"


class OrganisationRequest(models.Model):
    """An organisation that is in no register (a collectivité, a service de l'État, a foundation not
    imported…) proposed by a person: it becomes a public organisation, with the proposer as its
    administrator, once a moderator approves it."""

    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_requests",
        verbose_name="demandeur",
    )
    kind = models.ForeignKey(ActorKind, on_delete=models.PROTECT, related_name="+", verbose_name="type d'acteur")
    name = models.CharField("nom", max_length=300)
    purpose = models.TextField("objet ou description")
    website = models.URLField("site internet", max_length=300, blank=True)
    commune = models.ForeignKey(
        Commune, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="commune du siège"
    )
    evidence = models.TextField("éléments qui montrent que vous la représentez")
    status = models.CharField("statut", max_length=8, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    reason = models.TextField("motif du refus", blank=True)
    organisation = models.OneToOneField(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="organisation"
    )
    created_at = models.DateTimeField("demandée le", default=timezone.now, editable=False)
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "demande de création d'organisation"
        verbose_name_plural = "demandes de création d'organisation"

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
