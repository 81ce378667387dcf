"""Actions: the centre's unit of work, with sessions, people, partners and progress."""

import datetime
import hashlib
import uuid
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import BodyBlock, IndicatorValuesBlock
from publications.context_builders import PageContextMixin
from publications.forms import ActionPageForm
from publications.models.base import ClassifiedMixin, SummaryMixin
from publications.serializers import (
    AxisRefSerializer,
    CycleSerializer,
    DeliverableSerializer,
    FundingSerializer,
    IndicatorSerializer,
    NamedSnippetSerializer,
    OrganisationRoleSerializer,
    PageRefSerializer,
    PersonRoleSerializer,
    ProgressNoteSerializer,
    RegisteredFactField,
    SessionSerializer,
    TerritorySerializer,
)
from search_text.mixin import SearchTextMixin, french_search_fields


class ActionStatus(models.TextChoices):
    ENVISAGED = "envisagee", _("Envisagée")
    IN_PREPARATION = "en_preparation", _("En préparation")
    SCHEDULED = "programmee", _("Programmée")
    IN_PROGRESS = "en_cours", _("En cours")
    DONE = "realisee", _("Réalisée")
    POSTPONED = "reportee", _("Reportée")
    CANCELLED = "annulee", _("Annulée")


class FundingKind(models.TextChoices):
    OWN_FUNDS = "fonds_propres", _("Fonds propres")
    GRANT = "subvention", _("Subvention")
    SERVICE = "prestation", _("Prestation")
    CARRIED_OVER = "credits_reportes", _("Crédits reportés")


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("Sur place")
    ONLINE = "online", _("En visioconférence")
    MIXED = "mixed", _("Sur place et en visioconférence")


class PersonRole(models.TextChoices):
    ANIMATION = "animation", _("Animation")
    INTERVENTION = "intervention", _("Intervention")
    COORDINATION = "coordination", _("Coordination")
    MODERATION = "moderation", _("Modération")
    WITNESS = "temoin", _("Grand témoin")


class OrganisationRole(models.TextChoices):
    PARTNER = "partenaire", _("Partenaire")
    CO_ORGANISER = "co_organisateur", _("Co-organisateur")
    FUNDER = "financeur", _("Financeur")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class ActionPage(PageContextMixin, EditorialPageMixin, SearchTextMixin, SummaryMixin, ClassifiedMixin, Page):  # type: ignore[django-manager-missing]
    format = models.ForeignKey(
        "publications.ActionFormat", verbose_name=_("format"), on_delete=models.PROTECT, related_name="actions"
    )
    axis = models.ForeignKey(
        "publications.ProgrammeAxis",
        verbose_name=_("axe du programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    other_axes = ParentalManyToManyField(
        "publications.ProgrammeAxis",
        verbose_name=_("également sous les axes"),
        blank=True,
        related_name="also_listed_actions",
        help_text=_("Quand le programme présente aussi l'action sous d'autres axes ou sous-axes."),
    )
    cycle = models.ForeignKey(
        "publications.ProgrammeCycle",
        verbose_name=_("cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
    )
    co_organisers = ParentalManyToManyField(
        "centres.Centre",
        verbose_name=_("co-organisée avec"),
        blank=True,
        related_name="co_organised_actions",
        help_text=_(
            "Les autres centres qui organisent l'action avec vous : elle paraît dans leur agenda et sur leur "
            "accueil, avec un lien vers cette page, la seule."
        ),
    )
    highlighted = models.BooleanField(
        _("action phare de l'année"), default=False, help_text=_("Mise en avant dans le programme et ses bilans.")
    )
    audiences = ParentalManyToManyField(
        "publications.Audience", verbose_name=_("publics cibles"), blank=True, related_name="actions"
    )
    body = StreamField(BodyBlock(), verbose_name=_("présentation"), blank=True)
    image = models.ForeignKey(
        "assets.CustomImage",
        verbose_name=_("visuel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Illustre l'action dans l'agenda, sur l'accueil et dans les moteurs de recherche."),
    )
    tentative_period = models.CharField(
        _("période envisagée"),
        max_length=120,
        blank=True,
        help_text=_("Quand les dates ne sont pas fixées : « novembre 2023 », « second semestre », « sous réserve »."),
    )
    status = models.CharField(_("état"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.SCHEDULED)
    # The four columns of a board's progress review (IREV, seed 003); the fourth is the progress notes.
    findings = models.TextField(_("constats / contexte"), blank=True)
    objectives = models.TextField(_("prospective / objectifs"), blank=True)
    planned_work = models.TextField(_("actions à mettre en œuvre"), blank=True)
    participants_count = models.PositiveIntegerField(_("participant·e·s"), null=True, blank=True)
    participants_target = models.PositiveIntegerField(_("objectif de participant·e·s"), null=True, blank=True)
    funding_note = models.CharField(
        _("financement"), max_length=255, blank=True, help_text=_("Par exemple « Financement IREV + CDC ».")
    )
    registration_open = models.BooleanField(_("inscriptions ouvertes"), default=False)
    registration_url = models.URLField(_("lien d'inscription"), blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("suite de l'action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
        help_text=_("L'action d'une année précédente que celle-ci prolonge."),
    )

    base_form_class = ActionPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("format"), FieldPanel("axis")]),
        FieldRowPanel([FieldPanel("cycle"), FieldPanel("highlighted")]),
        FieldPanel("other_axes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("co_organisers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tentative_period"), InlinePanel("sessions", label=_("Séance"))],
            heading=_("Dates et lieux"),
        ),
        InlinePanel("people", heading=_("Animation et intervention"), label=_("Personne")),
        InlinePanel("organisations", heading=_("Partenaires et financeurs"), label=_("Organisation")),
        FieldPanel("funding_note"),
        InlinePanel("fundings", heading=_("Financements détaillés"), label=_("Financement")),
        MultiFieldPanel(
            [FieldPanel("findings"), FieldPanel("objectives"), FieldPanel("planned_work")],
            heading=_("Fiche action"),
        ),
        MultiFieldPanel(
            [FieldPanel("audiences", widget=forms.CheckboxSelectMultiple), *ClassifiedMixin.classification_panels],
            heading=_("Classement"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                InlinePanel("progress_notes", label=_("Note d'avancement")),
                FieldRowPanel([FieldPanel("participants_count"), FieldPanel("participants_target")]),
            ],
            heading=_("Avancement"),
        ),
        InlinePanel("indicators", heading=_("Indicateurs"), label=_("Indicateur")),
        InlinePanel("deliverables", heading=_("Livrables"), label=_("Livrable")),
        MultiFieldPanel(
            [FieldPanel("registration_open"), FieldPanel("registration_url"), FieldPanel("continues")],
            heading=_("Inscription et suite"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("tentative_period"),
        index.SearchField("findings"),
        index.SearchField("objectives"),
        index.SearchField("planned_work"),
        index.FilterField("status"),
        index.FilterField("format"),
        index.RelatedFields("format", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("summary"),
        APIField("format", serializer=NamedSnippetSerializer()),
        APIField("axis_id"),
        APIField("other_axes", serializer=AxisRefSerializer(many=True)),
        APIField("cycle", serializer=CycleSerializer(allow_null=True)),
        APIField("highlighted"),
        APIField("themes", serializer=NamedSnippetSerializer(many=True)),
        APIField("territories", serializer=TerritorySerializer(many=True)),
        APIField("audiences", serializer=NamedSnippetSerializer(many=True)),
        APIField("body"),
        APIField("tentative_period"),
        APIField("sessions", serializer=SessionSerializer(many=True)),
        APIField("people", serializer=PersonRoleSerializer(many=True)),
        APIField("organisations", serializer=OrganisationRoleSerializer(many=True)),
        APIField("funding_note"),
        APIField("fundings", serializer=FundingSerializer(many=True)),
        APIField("status"),
        APIField("findings"),
        APIField("objectives"),
        APIField("planned_work"),
        APIField("progress_notes", serializer=ProgressNoteSerializer(many=True)),
        APIField("participants_count"),
        APIField("participants_target"),
        APIField("indicators", serializer=IndicatorSerializer(many=True)),
        APIField("attendance", serializer=RegisteredFactField("action_attendance")),
        APIField("deliverables", serializer=DeliverableSerializer(many=True)),
        APIField("continues", serializer=PageRefSerializer()),
        APIField("registration_open"),
        APIField("registration_url"),
        APIField("image"),
        APIField("image_thumbnail", serializer=ImageRenditionField("fill-800x450", source="image")),
    ]
    parent_page_types = ["publications.ProgrammePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    @property
    def registrations_managed(self) -> bool:
        """Registrations are taken on this site (the registrations app's one-to-one settings row)."""
        return hasattr(self, "registration_settings")

    def clean(self) -> None:
        super().clean()
        if self.registration_open and not self.registration_url:
            raise ValidationError(
                {"registration_url": _("Indiquez le lien d'inscription si les inscriptions sont ouvertes.")}
            )
        if self.continues_id and self.continues_id == self.pk:
            raise ValidationError({"continues": _("Une action ne peut pas être la suite d'elle-même.")})
        if self.axis_id and self.axis_id in {axis.pk for axis in self.other_axes.all()}:
            raise ValidationError({"other_axes": _("L'axe principal de l'action n'a pas à être répété ici.")})


class ActionSession(Orderable):
    """One dated occurrence of an action, on site, online or both."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="sessions")
    # A stable identity for calendar feeds: never a database id or a URL.
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))
    attendance_mode = models.CharField(
        _("modalité"), max_length=16, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue = models.CharField(_("lieu"), max_length=255, blank=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    town = models.ForeignKey(
        "publications.Territory",
        verbose_name=_("commune ou territoire"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online_url = models.URLField(_("lien de connexion"), blank=True)
    accessibility_notes = models.TextField(_("accessibilité"), blank=True)
    cancelled = models.BooleanField(_("séance annulée"), default=False)
    # iCalendar SEQUENCE: raised whenever what a calendar shows of the session changes.
    sequence = models.PositiveIntegerField(_("version iCalendar"), default=0, editable=False)
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("attendance_mode"),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("town")]),
        FieldPanel("address"),
        FieldPanel("online_url"),
        FieldPanel("accessibility_notes"),
        FieldPanel("cancelled"),
    ]

    class Meta(Orderable.Meta):
        ordering = ["starts_at"]
        verbose_name = _("séance")
        verbose_name_plural = _("séances")

    def __str__(self) -> str:
        return f"{self.page.title} — {self.starts_at:%d/%m/%Y %H:%M}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("La séance doit se terminer après son début.")})
        if self.attendance_mode == AttendanceMode.IN_PERSON and self.online_url:
            raise ValidationError(
                {
                    "attendance_mode": _(
                        "Un lien de connexion est indiqué : choisissez « en visioconférence » "
                        "ou « sur place et en visioconférence »."
                    )
                }
            )

    @property
    def is_online(self) -> bool:
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED)

    @property
    def connection_link(self) -> str:
        """The link to join, as the public pages, feeds and APIs show it: while it is of use (an online
        session neither cancelled nor over) and unless the action takes its registrations here, for then
        it goes to registered people only (their emails and invitations); else ""."""
        if not self.is_online or self.cancelled or not self.online_url:
            return ""
        if self.ends_at < timezone.now() or self.page.registrations_managed:
            return ""
        return self.online_url

    def online_url_shown(self, *, for_attendee: bool = False) -> bool:
        """Whether the connection link goes out: to a registered person's invitation, or publicly (above)."""
        if for_attendee:
            return bool(self.is_online and self.online_url)
        return bool(self.connection_link)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The stored row, not self: a revision being published carries the sequence of its draft time.
        self.calendar_fingerprint = self.calendar_fingerprint_compute()
        stored = ActionSession.objects.filter(pk=self.pk).values("sequence", "calendar_fingerprint").first()
        if stored is not None:
            # Rows from before this field have no fingerprint: their first save only records one.
            previous = stored["calendar_fingerprint"]
            changed = bool(previous) and previous != self.calendar_fingerprint
            self.sequence = stored["sequence"] + (1 if changed else 0)
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "sequence", "calendar_fingerprint"}
        super().save(*args, **kwargs)

    def calendar_fingerprint_compute(self) -> str:
        """A digest of what calendars show of this session, its action's title and status included."""
        facts = [
            # Timestamps, not isoformat: the database returns UTC, forms return Paris time.
            str(self.starts_at.timestamp()) if self.starts_at else "",
            str(self.ends_at.timestamp()) if self.ends_at else "",
            self.attendance_mode,
            self.venue,
            self.address,
            str(self.town_id or ""),
            self.online_url,
            str(self.cancelled),
            self.page.title if self.page_id else "",
            self.page.status if self.page_id else "",
        ]
        return hashlib.sha256("\x1f".join(facts).encode()).hexdigest()


class ActionPerson(Orderable):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        "publications.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=PersonRole.choices, default=PersonRole.INTERVENTION)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("personne")


class ActionOrganisation(Orderable):
    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="organisations")
    organisation = models.ForeignKey(
        "publications.Organisation", verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("rôle"), max_length=20, choices=OrganisationRole.choices, default=OrganisationRole.PARTNER
    )

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("organisation")


class ActionProgressNote(Orderable):
    """A dated status of the action (« au 24/03/2017 : 730 personnes formées sur 2 000 »)."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField(_("date"))
    status = models.CharField(_("état"), max_length=20, choices=ActionStatus.choices)
    text = models.TextField(_("note"))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("note d'avancement")
        verbose_name_plural = _("notes d'avancement")


class ActionDeliverable(Orderable):
    """What the action produced: a publication of the site, or a link elsewhere."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("intitulé"), max_length=255, blank=True)
    publication = models.ForeignKey(
        "publications.PublicationPage",
        verbose_name=_("publication"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("lien"), blank=True)

    panels = [FieldPanel("title"), FieldPanel("publication"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("livrable")
        verbose_name_plural = _("livrables")

    def clean(self) -> None:
        if not (self.title or self.publication_id):
            raise ValidationError(_("Un livrable a un intitulé ou renvoie vers une publication."))

    @property
    def label(self) -> str:
        return self.title or (self.publication.title if self.publication else "")


class ActionFunding(Orderable):
    """Who pays for the action, how and for which year (« IREV + CDC », « Préfecture 2016 reporté 2017 »)."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="fundings")
    funder = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("financeur"),
        on_delete=models.PROTECT,
        related_name="fundings",
        help_text=_("Le centre lui-même pour ses fonds propres."),
    )
    kind = models.CharField(_("nature"), max_length=20, choices=FundingKind.choices, default=FundingKind.GRANT)
    year = models.PositiveSmallIntegerField(_("année des crédits"), null=True, blank=True)
    amount = models.DecimalField(_("montant (€)"), max_digits=12, decimal_places=2, null=True, blank=True)
    note = models.CharField(_("précision"), max_length=255, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("funder"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("amount")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("financement")
        verbose_name_plural = _("financements")

    def __str__(self) -> str:
        return f"{self.funder} — {self.get_kind_display()}"


class ActionIndicator(Orderable):
    """A measured result of the action (« personnes formées »): a target, dated values, a projection."""

    page = ParentalKey(ActionPage, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicateur"), max_length=150, help_text=_("Par exemple « personnes formées »."))
    target = models.PositiveIntegerField(_("objectif"), null=True, blank=True)
    values = StreamField(IndicatorValuesBlock(), verbose_name=_("valeurs atteintes"), blank=True)
    projection = models.PositiveIntegerField(_("projection"), null=True, blank=True)
    projection_note = models.CharField(
        _("précision sur la projection"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « estimées fin 2017 »."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("target")]),
        FieldPanel("values"),
        FieldRowPanel([FieldPanel("projection"), FieldPanel("projection_note")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")

    def __str__(self) -> str:
        return self.name

    def readings(self) -> list[tuple[datetime.date, int, str]]:
        """The dated values, oldest first: (date, value, note)."""
        rows = [(block.value["date"], block.value["value"], block.value["note"]) for block in self.values]
        return sorted(rows, key=lambda row: row[0])

    def value_at(self, day: datetime.date) -> tuple[datetime.date, int, str] | None:
        """The latest reading on or before ``day``, or None."""
        known = [row for row in self.readings() if row[0] <= day]
        return known[-1] if known else None
