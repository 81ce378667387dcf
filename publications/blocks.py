"""StreamField blocks for the body of content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Citation")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Intitulé du lien"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document à télécharger")


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Intertitre"), form_classname="title", icon="title")
    paragraph = blocks.RichTextBlock(label=_("Paragraphe"), features=RICH_TEXT_FEATURES)
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(label=_("Vidéo ou contenu externe"), icon="media")

    class Meta:
        required = False


class IndicatorValueBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    value = blocks.IntegerBlock(label=_("Valeur"), min_value=0)
    note = blocks.CharBlock(label=_("Précision"), required=False)

    class Meta:
        icon = "date"
        label = _("Valeur à une date")


class IndicatorValuesBlock(blocks.StreamBlock):
    value = IndicatorValueBlock()

    class Meta:
        required = False
