"""Each centre's identity on its public site: logo, colours, address, contact, social links, partners."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.snippets.blocks import SnippetChooserBlock

DEFAULT_ACCENT = "#1d3f8f"
DEFAULT_ACCENT_DARK = "#142c66"
# WCAG 2.1 AA for body text: links and buttons are drawn in these colours on white.
MIN_CONTRAST = 4.5

# Only #rrggbb reaches the page's <style>: nothing else can be written into the CSS.
hex_colour = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", message=_("Une couleur s'écrit #rrggbb, par exemple #1d3f8f."), code="invalid_colour"
)


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of a #rrggbb colour against white."""
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return 1.05 / (luminance + 0.05)


class SocialNetwork(models.TextChoices):
    MASTODON = "mastodon", "Mastodon"
    BLUESKY = "bluesky", "Bluesky"
    LINKEDIN = "linkedin", "LinkedIn"
    YOUTUBE = "youtube", "YouTube"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    PEERTUBE = "peertube", "PeerTube"
    OTHER = "other", _("Autre")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Réseau"), choices=SocialNetwork.choices)
    url = blocks.URLBlock(label=_("Adresse de la page"))
    label = blocks.CharBlock(label=_("Intitulé (pour « Autre »)"), required=False, max_length=60)

    class Meta:
        icon = "link"
        label = _("Réseau social")


class OrganisationsBlock(blocks.StreamBlock):
    organisation = SnippetChooserBlock("publications.Organisation", label=_("Structure"))

    class Meta:
        required = False


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    logo = models.ForeignKey(
        "assets.CustomImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Affiché dans l'en-tête, sur fond clair ; son texte alternatif est le nom du site."),
    )
    tagline = models.CharField(
        _("signature"),
        max_length=200,
        blank=True,
        help_text=_("Une phrase sous le nom du centre, par exemple « Centre de ressources politique de la ville »."),
    )
    accent_colour = models.CharField(
        _("couleur principale"), max_length=7, default=DEFAULT_ACCENT, validators=[hex_colour]
    )
    accent_dark_colour = models.CharField(
        _("couleur foncée"),
        max_length=7,
        default=DEFAULT_ACCENT_DARK,
        validators=[hex_colour],
        help_text=_("Survol des liens et boutons : plus foncée que la couleur principale."),
    )
    street_address = models.CharField(_("adresse"), max_length=255, blank=True)
    postal_code = models.CharField(_("code postal"), max_length=10, blank=True)
    town = models.CharField(_("ville"), max_length=120, blank=True)
    email = models.EmailField(_("courriel de contact"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], verbose_name=_("réseaux sociaux"), blank=True)
    partners = StreamField(OrganisationsBlock(), verbose_name=_("partenaires"), blank=True)
    funders = StreamField(OrganisationsBlock(), verbose_name=_("financeurs"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("tagline"),
                FieldRowPanel([FieldPanel("accent_colour"), FieldPanel("accent_dark_colour")]),
            ],
            heading=_("Identité visuelle"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("town")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Coordonnées"),
        ),
        FieldPanel("social_links"),
        FieldPanel("partners"),
        FieldPanel("funders"),
    ]

    class Meta:
        verbose_name = _("identité du centre")
        verbose_name_plural = _("identités des centres")

    def clean(self) -> None:
        super().clean()
        errors = {}
        for field in ("accent_colour", "accent_dark_colour"):
            colour = getattr(self, field)
            if re.fullmatch(r"#[0-9a-fA-F]{6}", colour or "") and contrast_on_white(colour) < MIN_CONTRAST:
                errors[field] = _(
                    "Contraste insuffisant sur fond blanc (%(ratio).1f:1, il faut au moins 4,5:1) : choisissez "
                    "une couleur plus foncée."
                ) % {"ratio": contrast_on_white(colour)}
        if errors:
            raise ValidationError(errors)

    @property
    def has_address(self) -> bool:
        return bool(self.street_address or self.town)
