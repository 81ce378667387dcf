"""Newsletter items: a title of their own or a page of the site to take it from."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from newsletters.blocks import LinkedItemBlock, TerritoryItemBlock
from tests import factories


def item_value(block: LinkedItemBlock, **fields):
    return block.to_python({"tag": "", "page": None, "title": "", "summary": "", "url": "", **fields})


@pytest.mark.parametrize("block_class", [LinkedItemBlock, TerritoryItemBlock], ids=lambda c: c.__name__)
def test_linked_item__without_page_or_title_is_refused(db, block_class):
    block = block_class()
    value = item_value(block, tag="Sondage", town="Saint-Denis")

    with pytest.raises(StructBlockValidationError) as excinfo:
        block.clean(value)

    assert list(excinfo.value.block_errors) == ["title"]
    assert excinfo.value.block_errors["title"].messages == ["Donnez un titre ou choisissez une page du site."]


def test_linked_item__with_a_title_only_is_accepted(db):
    block = LinkedItemBlock()
    value = block.clean(item_value(block, title="Enquête sur les conseils citoyens", url="https://example.org/"))

    assert (value.resolved_title, value.resolved_summary, value.resolved_url) == (
        "Enquête sur les conseils citoyens",
        "",
        "https://example.org/",
    )


def test_linked_item__pointing_to_a_page_takes_its_title_summary_and_url(home_page, settings):
    action = factories.ActionPageFactory(
        title="Séminaire des élu·e·s, 11 mai, 17h-19h", summary="En visioconférence, pour les élu·e·s du 93."
    )
    block = LinkedItemBlock()

    value = block.clean(item_value(block, tag="Séminaire des élu·e·s", page=action.pk))

    assert value.resolved_title == "Séminaire des élu·e·s, 11 mai, 17h-19h"
    assert value.resolved_summary == "En visioconférence, pour les élu·e·s du 93."
    assert value.resolved_url == action.full_url
    assert value.resolved_url.startswith(f"{settings.BASE_URL}/")


def test_linked_item__page_without_summary_falls_back_to_its_search_description(home_page):
    programme = factories.ProgrammePageFactory(search_description="Les orientations de travail de l'année.")
    block = LinkedItemBlock()

    value = block.clean(item_value(block, page=programme.pk))

    assert value.resolved_summary == "Les orientations de travail de l'année."


def test_linked_item__its_own_values_win_over_the_page(home_page):
    publication = factories.PublicationPageFactory()
    block = LinkedItemBlock()

    value = block.clean(
        item_value(
            block,
            page=publication.pk,
            title="À lire : notre dernier Repères pour agir",
            summary="Un résumé écrit pour la lettre.",
            url="https://example.org/reperes",
        )
    )

    assert (value.resolved_title, value.resolved_summary, value.resolved_url) == (
        "À lire : notre dernier Repères pour agir",
        "Un résumé écrit pour la lettre.",
        "https://example.org/reperes",
    )


def test_linked_item__survives_a_save_in_an_issue(home_page):
    action = factories.ActionPageFactory()
    issue = factories.NewsletterIssuePageFactory(
        sections=[
            (
                "centre_news",
                {
                    "heading": "Actualités du centre",
                    "items": [{"tag": "Séminaire des élu·e·s", "page": action, "title": "", "summary": "", "url": ""}],
                },
            )
        ]
    )

    issue.refresh_from_db()

    item = issue.sections[0].value["items"][0]
    assert item["tag"] == "Séminaire des élu·e·s"
    assert item.resolved_title == action.title
