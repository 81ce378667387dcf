"""Podcasts: a series (« Penser le 9-3 ») → named seasons → episodes."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from publications.blocks import RICH_TEXT_FEATURES
from publications.context_builders import PageContextMixin
from publications.forms import PodcastEpisodePageForm, PodcastSeasonPageForm
from publications.models.base import ClassifiedMixin, IndexPage, SummaryMixin
from publications.serializers import (
    AudioSerializer,
    ChapterSerializer,
    NamedSnippetSerializer,
    OrganisationSerializer,
    PersonRoleSerializer,
    TerritorySerializer,
)
from publications.webvtt import validate_webvtt
from search_text.mixin import SearchTextMixin, french_search_fields

# Apple Podcasts requires square artwork between these sizes.
COVER_MIN_PX, COVER_MAX_PX = 1400, 3000


class PodcastIndexPage(IndexPage):
    subpage_types = ["publications.PodcastSeriesPage"]
    parent_page_types = ["publications.HomePage"]

    class Meta:
        verbose_name = _("liste des podcasts")
        verbose_name_plural = _("listes des podcasts")


class PodcastCategory(models.TextChoices):
    SOCIETY = "Society & Culture", _("Société et culture")
    EDUCATION = "Education", _("Éducation")
    GOVERNMENT = "Government", _("Administration publique")
    NEWS = "News", _("Actualités")
    SCIENCE = "Science", _("Sciences")


class EpisodeRole(models.TextChoices):
    HOST = "animation", _("Animation")
    GUEST = "invite", _("Invité·e")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class PodcastSeriesPage(PageContextMixin, EditorialPageMixin, Page):  # type: ignore[django-manager-missing]
    description = RichTextField(_("présentation"), features=RICH_TEXT_FEATURES)
    summary = models.TextField(_("résumé pour les applications"), max_length=4000)
    cover = models.ForeignKey(
        "assets.CustomImage",
        verbose_name=_("visuel carré"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Carré, entre 1400 et 3000 pixels de côté (exigence des applications de podcast)."),
    )
    category = models.CharField(
        _("catégorie"), max_length=40, choices=PodcastCategory.choices, default=PodcastCategory.SOCIETY
    )
    explicit = models.BooleanField(_("contenu explicite"), default=False)
    producer = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("producteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_email = models.EmailField(_("courriel du producteur"))
    # Where listeners subscribe, beside the RSS feed the site serves itself.
    apple_podcasts_url = models.URLField(
        _("lien Apple Podcasts"), blank=True, help_text=_("L'adresse de la série sur podcasts.apple.com.")
    )
    spotify_url = models.URLField(
        _("lien Spotify"), blank=True, help_text=_("L'adresse de la série sur open.spotify.com.")
    )
    # The feed's identity in podcast directories: it must never change.
    guid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("cover"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("explicit")]),
        FieldRowPanel([FieldPanel("producer"), FieldPanel("owner_email")]),
        MultiFieldPanel(
            [FieldPanel("apple_podcasts_url"), FieldPanel("spotify_url")], heading=_("Applications de podcast")
        ),
        InlinePanel("committee", heading=_("Comité scientifique et animation"), label=_("Personne")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("description")]
    api_fields = [
        APIField("summary"),
        APIField("description"),
        APIField("cover"),
        APIField("cover_thumbnail", serializer=ImageRenditionField("fill-600x600", source="cover")),
        APIField("category"),
        APIField("explicit"),
        APIField("producer", serializer=OrganisationSerializer()),
        APIField("guid"),
        APIField("committee", serializer=PersonRoleSerializer(many=True)),
        APIField("apple_podcasts_url"),
        APIField("spotify_url"),
    ]
    parent_page_types = ["publications.PodcastIndexPage"]
    subpage_types = ["publications.PodcastSeasonPage"]

    class Meta:
        verbose_name = _("série de podcasts")
        verbose_name_plural = _("séries de podcasts")

    def clean(self) -> None:
        super().clean()
        if self.cover is None:
            return
        width, height = self.cover.width, self.cover.height
        if width != height or not COVER_MIN_PX <= width <= COVER_MAX_PX:
            raise ValidationError(
                {
                    "cover": _(
                        "Le visuel doit être carré et mesurer entre 1400 et 3000 pixels de côté (ici %(w)d × %(h)d)."
                    )
                    % {"w": width, "h": height}
                }
            )


class SeriesPerson(Orderable):
    page = ParentalKey(PodcastSeriesPage, on_delete=models.CASCADE, related_name="committee")
    person = models.ForeignKey(
        "publications.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("rôle"), max_length=120, default=_("Comité scientifique"))

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("membre")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class PodcastSeasonPage(PageContextMixin, EditorialPageMixin, Page):  # type: ignore[django-manager-missing]
    number = models.PositiveSmallIntegerField(_("numéro de saison"))
    description = RichTextField(_("présentation"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = PodcastSeasonPageForm
    content_panels = [*Page.content_panels, FieldPanel("number"), FieldPanel("description")]
    api_fields = [
        APIField("number"),
        APIField("description"),
    ]
    parent_page_types = ["publications.PodcastSeriesPage"]
    subpage_types = ["publications.PodcastEpisodePage"]

    class Meta:
        verbose_name = _("saison")
        verbose_name_plural = _("saisons")

    def clean(self) -> None:
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is None:
            return
        siblings = PodcastSeasonPage.objects.child_of(parent).filter(number=self.number).exclude(pk=self.pk)
        if siblings.exists():
            raise ValidationError({"number": _("Cette série a déjà une saison numéro %(n)d.") % {"n": self.number}})


class EpisodeType(models.TextChoices):
    FULL = "full", _("Épisode")
    TRAILER = "trailer", _("Bande-annonce")
    BONUS = "bonus", _("Bonus")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class PodcastEpisodePage(PageContextMixin, EditorialPageMixin, SearchTextMixin, SummaryMixin, ClassifiedMixin, Page):  # type: ignore[django-manager-missing]
    audio = models.ForeignKey(
        "assets.CustomMedia",
        verbose_name=_("fichier audio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    episode_number = models.PositiveSmallIntegerField(_("numéro d'épisode"), null=True, blank=True)
    episode_type = models.CharField(_("type"), max_length=10, choices=EpisodeType.choices, default=EpisodeType.FULL)
    release_date = models.DateField(_("date de diffusion"))
    show_notes = RichTextField(_("notes d'épisode"), blank=True, features=RICH_TEXT_FEATURES)
    co_producer = models.ForeignKey(
        "publications.Organisation",
        verbose_name=_("coproducteur"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("lieu d'enregistrement"), max_length=255, blank=True)
    transcript = models.TextField(
        _("transcription (WebVTT)"),
        blank=True,
        validators=[validate_webvtt],
        help_text=_("Au format WebVTT : la ligne « WEBVTT » puis des blocs « 00:00.000 --> 00:04.000 » et leur texte."),
    )
    guid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    base_form_class = PodcastEpisodePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audio"),
        FieldRowPanel([FieldPanel("episode_number"), FieldPanel("episode_type"), FieldPanel("release_date")]),
        FieldPanel("show_notes"),
        InlinePanel("people", heading=_("Animation et invité·e·s"), label=_("Personne")),
        FieldRowPanel([FieldPanel("co_producer"), FieldPanel("place")]),
        InlinePanel("chapters", heading=_("Chapitres"), label=_("Chapitre")),
        FieldPanel("transcript"),
        MultiFieldPanel(ClassifiedMixin.classification_panels, heading=_("Classement")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
        index.FilterField("release_date"),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("summary"),
        APIField("audio", serializer=AudioSerializer()),
        APIField("episode_number"),
        APIField("episode_type"),
        APIField("release_date"),
        APIField("show_notes"),
        APIField("people", serializer=PersonRoleSerializer(many=True)),
        APIField("co_producer", serializer=OrganisationSerializer()),
        APIField("place"),
        APIField("transcript"),
        APIField("chapters", serializer=ChapterSerializer(many=True)),
        APIField("guid"),
        APIField("themes", serializer=NamedSnippetSerializer(many=True)),
        APIField("territories", serializer=TerritorySerializer(many=True)),
    ]
    parent_page_types = ["publications.PodcastSeasonPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("épisode de podcast")
        verbose_name_plural = _("épisodes de podcast")

    def clean(self) -> None:
        super().clean()
        if self.audio is None:
            raise ValidationError({"audio": _("Un épisode doit avoir un fichier audio.")})
        if self.audio.type != "audio":
            raise ValidationError({"audio": _("Choisissez un fichier audio, pas une vidéo.")})
        if self.episode_type == EpisodeType.FULL and not self.episode_number:
            raise ValidationError({"episode_number": _("Un épisode complet a un numéro.")})
        for chapter in self.chapters.all():
            if chapter.start.total_seconds() >= (self.audio.duration or 0):
                raise ValidationError(
                    _("Le chapitre « %(title)s » commence après la fin de l'audio.") % {"title": chapter.title}
                )

    @property
    def duration(self) -> float | None:
        return self.audio.duration if self.audio else None


class EpisodePerson(Orderable):
    page = ParentalKey(PodcastEpisodePage, on_delete=models.CASCADE, related_name="people")
    person = models.ForeignKey(
        "publications.Person", verbose_name=_("personne"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(_("rôle"), max_length=20, choices=EpisodeRole.choices, default=EpisodeRole.GUEST)

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("personne")


class EpisodeChapter(Orderable):
    page = ParentalKey(PodcastEpisodePage, on_delete=models.CASCADE, related_name="chapters")
    start = models.DurationField(_("début"), help_text=_("Minutes et secondes depuis le début, par exemple 12:30."))
    title = models.CharField(_("titre"), max_length=255)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        ordering = ["start"]
        verbose_name = _("chapitre")
        verbose_name_plural = _("chapitres")
