"""Newsletter lists and the issues composed for them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.page_mixin import EditorialPageMixin
from newsletters.blocks import NewsletterSectionsBlock
from newsletters.serializers import NewsletterListSerializer
from publications.context_builders import PageContextMixin
from publications.models.base import IndexPage
from search_text.mixin import SearchTextMixin, french_search_fields


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Mensuelle")
    BIMONTHLY = "bimonthly", _("Bimestrielle")
    QUARTERLY = "quarterly", _("Trimestrielle")
    THREE_PER_YEAR = "three_per_year", _("Trois numéros par an")
    IRREGULAR = "irregular", _("Irrégulière")


# Pages point here: django-stubs cannot build a reverse manager from an untyped Page.
class NewsletterList(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """A list readers subscribe to (« Résonances », « La Lettre »), with its sender identity."""

    centre = models.ForeignKey(
        "centres.Centre",
        verbose_name=_("centre"),
        on_delete=models.PROTECT,
        related_name="newsletter_lists",
        help_text=_("Le centre qui publie la lettre : ses rôles seuls voient la liste et ses abonnés."),
    )
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant"), max_length=120, unique=True)
    frequency = models.CharField(_("périodicité"), max_length=20, choices=Frequency.choices)
    sender_name = models.CharField(_("nom de l'expéditeur"), max_length=120)
    sender_email = models.EmailField(_("adresse de l'expéditeur"))
    reply_to = models.EmailField(_("adresse de réponse"), blank=True)
    description = models.TextField(_("présentation"), help_text=_("Affichée sur le formulaire d'abonnement public."))
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("centre"),
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("frequency"),
        FieldRowPanel([FieldPanel("sender_name"), FieldPanel("sender_email")]),
        FieldPanel("reply_to"),
        FieldPanel("description"),
        FieldPanel("is_active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        permissions = [("send_newsletter", _("Peut envoyer une lettre d'information"))]
        verbose_name = _("liste de diffusion")
        verbose_name_plural = _("listes de diffusion")

    def __str__(self) -> str:
        return self.name


class NewsletterIndexPage(IndexPage):
    """The public archive of every issue."""

    subpage_types = ["newsletters.NewsletterIssuePage"]
    parent_page_types = ["publications.HomePage"]

    class Meta:
        verbose_name = _("archives des lettres")
        verbose_name_plural = _("archives des lettres")


# Wagtail's Page is untyped: django-stubs cannot build this page's managers.
class NewsletterIssuePage(PageContextMixin, EditorialPageMixin, SearchTextMixin, Page):  # type: ignore[django-manager-missing]
    newsletter_list = models.ForeignKey(
        NewsletterList, verbose_name=_("liste"), on_delete=models.PROTECT, related_name="issues"
    )
    number = models.PositiveIntegerField(_("numéro"))
    issue_date = models.DateField(_("date du numéro"))
    preheader = models.CharField(
        _("texte d'aperçu"),
        max_length=150,
        blank=True,
        help_text=_("Affiché par les messageries à côté de l'objet (150 caractères au plus)."),
    )
    sections = StreamField(NewsletterSectionsBlock(), verbose_name=_("rubriques"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("newsletter_list"), FieldPanel("number"), FieldPanel("issue_date")]),
        FieldPanel("preheader"),
        FieldPanel("sections"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("sections"),
        index.FilterField("issue_date"),
        index.FilterField("newsletter_list"),
        *french_search_fields(),
    ]
    api_fields = [
        APIField("newsletter_list", serializer=NewsletterListSerializer()),
        APIField("number"),
        APIField("issue_date"),
        APIField("preheader"),
        APIField("sections"),
    ]
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("numéro de lettre")
        verbose_name_plural = _("numéros de lettre")
        constraints = [
            models.UniqueConstraint(fields=["newsletter_list", "number"], name="unique_issue_number_per_list")
        ]

    @property
    def preview_modes(self) -> list[tuple[str, StrOrPromise]]:
        return [("", _("Page web")), ("email", _("Courriel"))]

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        """« Courriel »: the email as a subscriber gets it, greeted with the editor's name."""
        if mode_name != "email":
            return super().serve_preview(request, mode_name)
        from newsletters.rendering import personalise, render_issue  # rendering imports this module

        user = getattr(request, "user", None)
        name = user.get_full_name() if user is not None and user.is_authenticated else ""
        html, _text = personalise(
            render_issue(self),
            name=name,
            preferences_url=f"{settings.BASE_URL}/",
            unsubscribe_url=f"{settings.BASE_URL}/",
        )
        return HttpResponse(html)

    def clean(self) -> None:
        super().clean()
        if not self.newsletter_list_id or self.number is None:
            return
        taken = NewsletterIssuePage.objects.filter(newsletter_list_id=self.newsletter_list_id, number=self.number)
        if taken.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "number": _("Le numéro %(number)d existe déjà pour « %(list)s ».")
                    % {"number": self.number, "list": self.newsletter_list}
                }
            )
