"""A board member produces the progress review in Chromium: the menu, the preview, the file, the download."""

import io
import re

import pytest
from pypdf import PdfReader

from editorial import roles
from reports.models import ReportRequest, ReportState
from tests.browser.conftest import CHROMIUM
from tests.reports import conftest as report_fixtures
from tests.users import user_with_role

# The reports tests' programme: pytest finds fixtures by module attribute.
built = report_fixtures.built

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: install Debian's chromium (CI does)."),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_board_member_previews_the_review_then_downloads_its_pdf(guarded_tab, built, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    member = user_with_role("claire.dubois", roles.BOARD)
    tab = guarded_tab(member)

    tab.get_by_role("link", name="Livrets et bilans").click()
    tab.wait_for_url(re.compile(r"/admin/livrets-bilans/$"))
    tab.get_by_label("Point d'avancement à une date").check()
    tab.get_by_label("Programme", exact=True).select_option(str(built.programme.pk))
    tab.get_by_label("À la date du").fill("2017-03-24")
    tab.get_by_role("button", name="Voir le document").click()

    preview = tab.locator(".reports__preview")
    preview.get_by_role("heading", name="Point d'avancement au 24/03/2017").wait_for()
    assert preview.get_by_role("heading", name="Axe 1. Valeurs de la République").count() == 1
    # Generation runs in the Celery task (eager in tests), never in the preview's request.
    assert not ReportRequest.objects.exists()

    preview.get_by_role("button", name="PDF").click()
    tab.wait_for_url(re.compile(r"/admin/livrets-bilans/\d+/$"))
    report = ReportRequest.objects.get()
    assert (report.state, report.requested_by_id) == (ReportState.DONE, member.pk)
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name="Télécharger le fichier").click()
    download = download_info.value

    assert download.suggested_filename == "point-avancement-irev-2017-20170324.pdf"
    with open(download.path(), "rb") as handle:
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Point d'avancement au 24/03/2017" in text
