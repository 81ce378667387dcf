"""The typed items and sections a newsletter issue is composed of, in the order the editor sets."""

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError


class LinkedItemValue(blocks.StructValue):
    """An item's title, summary and link: its own where set, else those of the page it points to."""

    def _page(self) -> Any:
        page = self.get("page")
        return page.specific if page else None

    @property
    def resolved_title(self) -> str:
        page = self._page()
        return self.get("title") or (page.title if page else "")

    @property
    def resolved_summary(self) -> str:
        page = self._page()
        if self.get("summary") or page is None:
            return self.get("summary", "")
        return getattr(page, "summary", "") or page.search_description

    @property
    def resolved_url(self) -> str:
        page = self._page()
        return self.get("url") or (page.full_url if page else "") or ""


class LinkedItemBlock(blocks.StructBlock):
    tag = blocks.CharBlock(
        label=_("Étiquette"),
        required=False,
        help_text=_("« Publication », « Sondage », « Séminaire des élu·e·s, 11 mai »…"),
    )
    page = blocks.PageChooserBlock(
        label=_("Page du site"),
        required=False,
        help_text=_("Le titre, le résumé et le lien en sont repris s'ils sont laissés vides."),
    )
    title = blocks.CharBlock(label=_("Titre"), required=False)
    summary = blocks.TextBlock(label=_("Résumé"), required=False)
    url = blocks.URLBlock(label=_("Lien"), required=False)

    class Meta:
        icon = "link"
        label = _("Brève")
        value_class = LinkedItemValue

    def clean(self, value: LinkedItemValue) -> LinkedItemValue:
        value = super().clean(value)
        if not value.get("page") and not value.get("title"):
            raise StructBlockValidationError(
                block_errors={"title": ValidationError(_("Donnez un titre ou choisissez une page du site."))}
            )
        return value


class TerritoryItemBlock(LinkedItemBlock):
    town = blocks.CharBlock(label=_("Commune ou territoire"))

    class Meta:
        label = _("Actualité d'un territoire")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    url = blocks.URLBlock(label=_("Lien"))

    class Meta:
        icon = "link"


class MoveBlock(blocks.StructBlock):
    person = blocks.CharBlock(label=_("Personne"))
    new_post = blocks.CharBlock(label=_("Nouveau poste"))
    place = blocks.CharBlock(label=_("Structure ou lieu"), required=False)

    class Meta:
        icon = "user"
        label = _("Mouvement")


class PressItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    source = blocks.CharBlock(label=_("Média"))
    date = blocks.DateBlock(label=_("Date"), required=False)
    url = blocks.URLBlock(label=_("Lien"), required=False)

    class Meta:
        icon = "doc-full"


class BookNoteBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    authors = blocks.CharBlock(label=_("Auteur·rice·s"))
    publisher = blocks.CharBlock(label=_("Éditeur"), required=False)
    year = blocks.IntegerBlock(label=_("Année"), required=False, min_value=1800, max_value=2200)
    pages = blocks.IntegerBlock(label=_("Pages"), required=False, min_value=1)
    url = blocks.URLBlock(label=_("Lien"), required=False)
    excerpt = blocks.TextBlock(label=_("Extrait ou présentation"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Note de lecture")


def _section(item: blocks.Block, label: StrOrPromise, icon: str, **extra: blocks.Block) -> blocks.StructBlock:
    """A titled section holding a list of items of one kind."""
    return blocks.StructBlock(
        [
            ("heading", blocks.CharBlock(label=_("Titre de la rubrique"))),
            *extra.items(),
            ("items", blocks.ListBlock(item, label=_("Éléments"))),
        ],
        label=label,
        icon=icon,
    )


class ExperienceSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titre de la rubrique"))
    experience = blocks.PageChooserBlock(label=_("Fiche d'expérience"), page_type="publications.ExperiencePage")

    class Meta:
        icon = "pick"
        label = _("Fiche d'expérience")


class WebsiteSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Titre de la rubrique"))
    name = blocks.CharBlock(label=_("Nom du site"))
    url = blocks.URLBlock(label=_("Adresse"))
    description = blocks.TextBlock(label=_("Présentation"))

    class Meta:
        icon = "site"
        label = _("Un site à connaître")


class NewsletterSectionsBlock(blocks.StreamBlock):
    centre_news = _section(LinkedItemBlock(), _("Actualités du centre"), "home")
    national_news = _section(
        LinkedItemBlock(),
        _("Actualités nationales et régionales"),
        "globe",
        theme=blocks.CharBlock(label=_("Thématique"), required=False),
    )
    territory_news = _section(TerritoryItemBlock(), _("Actualités des territoires"), "site")
    in_brief = _section(LinkBlock(), _("En bref"), "list-ul")
    moves = _section(MoveBlock(), _("Mouvements"), "user")
    experience = ExperienceSectionBlock()
    website = WebsiteSectionBlock()
    press = _section(PressItemBlock(), _("Dans la presse"), "doc-full")
    reading = _section(BookNoteBlock(), _("À lire / À voir"), "openquote")
