"""The three documents of the demo hold what their seeds hold (seeds 000, 002, 003, 004)."""

import datetime
import io

import pytest
from pypdf import PdfReader

from publications.models import ActionPage, ProgrammePage
from reports import selectors
from reports.services import ReportSpec, report_bytes
from tests.reports.test_renderers import docx_paragraphs, pdf_text, plain, xlsx_rows

pytestmark = pytest.mark.django_db

AT = datetime.date(2017, 3, 24)


def _programme(centre: str, year: int) -> ProgrammePage:
    return ProgrammePage.objects.get(centre__name=centre, year=year)


def test_irev_review__730_of_2000_and_the_projection(demo_content, settings):
    # The demo's logo is in its own media folder: the document carries it on its cover.
    settings.MEDIA_ROOT = demo_content
    programme = _programme("Institut régional de la ville", 2017)

    text = pdf_text(report_bytes(spec=ReportSpec(kind="progress", programme=programme, at=AT), file_format="pdf"))

    assert "Point d'avancement au 24/03/2017" in text
    assert "personnes formées : 730 / 2 000 au 23/03/2017 ; projection : 1 586 estimées fin 2017" in text
    assert "personnes formées depuis le 1er janvier 2017 : 417 au 23/03/2017" in text
    assert "nouvelles sessions programmées : 57 au 23/03/2017" in text
    assert "Préfecture du Nord — crédits reportés 2016" in text
    assert "Caisse des Dépôts et Consignations — subvention 2017" in text
    assert "Département du Nord — subvention 2017" in text
    assert "— prestation 2017" in text


def test_irev_review__every_published_action_under_its_axis(demo_content):
    programme = _programme("Institut régional de la ville", 2017)
    review = selectors.progress_review(programme=programme, at=AT)

    listed = [entry.title for axis in review.axes for entry in axis.actions] + [e.title for e in review.other_actions]
    assert sorted(listed) == sorted(ActionPage.objects.child_of(programme).live().values_list("title", flat=True))
    assert [axis.title for axis in review.axes] == [axis.title for axis in programme.axes.all()]


def test_val_doise_booklet__sub_axes_and_an_action_under_two(demo_content):
    programme = _programme("Pôle de ressources Val d'Oise", 2015)

    headings = [
        (style, plain(text))
        for style, text in docx_paragraphs(
            report_bytes(spec=ReportSpec(kind="programme", programme=programme, at=AT), file_format="docx")
        )
        if style.startswith("Heading")
    ]

    level_one = [text for style, text in headings if style == "Heading 1"]
    assert "Axe 3. Faire société" in level_one
    assert "Axe 4. Penser des territoires attractifs" in level_one
    assert (
        "Heading 2",
        "Sous-axe 3.1. Faire société : écouter et prendre en considération la parole de tous et de toutes",
    ) in headings
    assert headings.count(("Heading 3", "Étude en débat sur la parole des jeunes")) == 2


def test_profession_banlieue_2017_booklet__every_action_in_the_spreadsheet(demo_content):
    programme = _programme("Profession Banlieue", 2017)

    rows = xlsx_rows(report_bytes(spec=ReportSpec(kind="programme", programme=programme, at=AT), file_format="xlsx"))

    titles = {row[1] for row in rows["Actions"][4:]}
    assert titles == set(ActionPage.objects.child_of(programme).live().values_list("title", flat=True))
    assert len(titles) > 30


def test_activity_report_2017__figures_from_the_demo(demo_content):
    report = selectors.activity_report(start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31))

    assert report.figure(selectors.FIGURE_ACTIONS) > 0
    assert report.figure(selectors.FIGURE_SESSIONS) >= report.figure(selectors.FIGURE_ACTIONS)
    # The CDC's actions of 2017 have tentative periods, no dated session: only held sessions count.
    assert "Département du Nord" in {section.funder for section in report.funders}


def test_val_doise_booklet_pdf__signed_by_its_centre_with_its_logo(demo_content, settings):
    settings.MEDIA_ROOT = demo_content
    programme = _programme("Pôle de ressources Val d'Oise", 2015)

    content = report_bytes(spec=ReportSpec(kind="programme", programme=programme, at=AT), file_format="pdf")

    reader = PdfReader(io.BytesIO(content))
    cover = reader.pages[0]
    logo = programme.centre.logo
    # The centre's own logo (420 × 150), not the site's square one.
    assert [image.image.size for image in cover.images] == [(logo.width, logo.height)] == [(420, 150)]
    assert reader.metadata.author == "Pôle de ressources Val d'Oise"
    text = pdf_text(content)
    assert "Pôle de ressources Val d'Oise — Programme d'actions 2015 page 2 Sommaire" in text
    # The introduction's rich text keeps no entity.
    assert "jusqu'ici" in text
    assert "&#x27;" not in text
