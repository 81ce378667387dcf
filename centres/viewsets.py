"""The admin of the centres: who they are, how they are governed, which site and media collection they own."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.snippets.views.snippets import SnippetViewSet

from centres.models import Centre
from centres.panels import UniqueRowsInlinePanel


class CentreViewSet(SnippetViewSet):
    model = Centre
    icon = "home"
    menu_label = _("Centres")
    menu_order = 150
    add_to_admin_menu = True
    list_display = ["name", "acronym", "legal_form", "site"]
    list_filter = ["legal_form"]
    search_fields = ["name", "acronym"]
    ordering = ["name"]
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("name"), FieldPanel("acronym")]),
                            FieldPanel("slug"),
                            FieldPanel("legal_form"),
                            FieldPanel("mission"),
                            FieldRowPanel([FieldPanel("territory_served"), FieldPanel("region")]),
                        ],
                        heading=_("Profil"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("site"), FieldPanel("collection"), FieldPanel("organisation")],
                        heading=_("Site, médias et annuaire"),
                    ),
                ],
                heading=_("Profil"),
            ),
            ObjectList(
                [
                    InlinePanel("governance_mandates", heading=_("Instances du centre"), label=_("mandat")),
                    InlinePanel("external_mandates", heading=_("Mandats dans d'autres instances"), label=_("mandat")),
                ],
                heading=_("Gouvernance"),
            ),
            ObjectList([InlinePanel("staff", heading=_("Équipe salariée"), label=_("personne"))], heading=_("Équipe")),
            ObjectList([InlinePanel("members", heading=_("Adhérents"), label=_("adhérent"))], heading=_("Adhérents")),
            ObjectList(
                [UniqueRowsInlinePanel("funders", heading=_("Financeurs par année"), label=_("financeur"))],
                heading=_("Financeurs"),
            ),
            ObjectList(
                [InlinePanel("information_services", heading=_("Services d'information"), label=_("service"))],
                heading=_("Services d'information"),
            ),
        ]
    )
