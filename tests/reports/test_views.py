"""The « Livrets et bilans » admin: who may use it, what a bad request gets, and a file produced end to end."""

import io

import docx
import pytest
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.utils import translation
from wagtail.admin.menu import admin_menu

from editorial import roles
from reports.models import ReportRequest, ReportState
from reports.services import latest_date
from tests import html
from tests.users import user_with_role

pytestmark = pytest.mark.django_db

INDEX = "/admin/livrets-bilans/"
CREATE = "/admin/livrets-bilans/nouveau/"


@pytest.fixture
def documentalist(db):
    """A role of the centre's own making that may enter the admin but was not given the documents."""
    group = Group.objects.create(name="Documentation")
    group.permissions.add(Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin"))
    return user_with_role("nora.benali", group.name)


def _progress_query(built, **extra):
    return {"kind": "progress", "programme": str(built.programme.pk), "at": "2017-03-24", **extra}


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
def test_index__every_editorial_role_including_the_board(role, team, client_for, built):
    user = team.superuser if role == "superuser" else team.by_role(role)
    response = client_for(user).get(INDEX, _progress_query(built))

    assert response.status_code == 200
    main = html.parse(response.content.decode())
    assert "Point d'avancement au 24/03/2017" in html.text(main)


def test_create__the_board_asks_for_its_review(team, client_for, built, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        response = client_for(team.board[0]).post(CREATE, {**_progress_query(built), "file_format": "pdf"})

    report = ReportRequest.objects.get()
    assert response["Location"] == f"{INDEX}{report.pk}/"
    assert (report.kind, report.requested_by) == ("progress", team.board[0])


def test_views__a_role_without_the_permission_is_refused(documentalist, client_for, built, team):
    report = ReportRequest.objects.create(
        kind="programme", file_format="pdf", programme=built.programme, requested_by=team.editor
    )
    client = client_for(documentalist)

    for path in (INDEX, f"{INDEX}{report.pk}/", f"{INDEX}{report.pk}/etat/", f"{INDEX}{report.pk}/fichier/"):
        # Wagtail answers a refusal inside the admin with a redirect to its dashboard.
        refused = client.get(path)
        assert (path, refused.status_code, refused["Location"]) == (path, 302, "/admin/")
    refused = client.post(CREATE, {**_progress_query(built), "file_format": "pdf"})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert ReportRequest.objects.count() == 1


def test_index__anonymous_goes_to_the_login(client, built):
    response = client.get(INDEX)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_menu__shown_to_permitted_users_only(team, client_for, documentalist):
    editor_page = client_for(team.editor).get("/admin/").content.decode()
    board_page = client_for(team.board[0]).get("/admin/").content.decode()
    documentalist_page = client_for(documentalist).get("/admin/").content.decode()

    assert INDEX in editor_page
    assert INDEX in board_page
    assert INDEX not in documentalist_page


def test_menu__its_label_is_no_other_menu_s(team):
    request = RequestFactory().get("/admin/")
    request.user = team.superuser
    with translation.override("fr"):
        labels = [str(item.label) for item in admin_menu.menu_items_for_request(request)]

    # Wagtail's own Reports menu is « Rapports » in French: ours must not be a second one.
    assert "Rapports" in labels
    assert labels.count("Livrets et bilans") == 1
    assert len(labels) == len(set(labels))


def test_index__activity_preview_has_bars_with_their_figures(editor_client, built):
    response = editor_client.get(INDEX, {"kind": "activity", "start": "2017-01-01", "end": "2017-12-31"})

    page = html.parse(response.content.decode())
    charts = page.find_all("figure", class_="reports__chart")
    assert [chart.figcaption.get_text(strip=True) for chart in charts][:2] == [
        "Participant·e·s par public",
        "Participant·e·s par territoire",
    ]
    formats = next(chart for chart in charts if "par format" in chart.figcaption.get_text())
    rows = [
        (row.th.get_text(strip=True), row.find(class_="reports__value").get_text())
        for row in formats.tbody.find_all("tr")
    ]
    assert rows == [("Journées de formation", "730"), ("Masterclass", "4")]


@pytest.mark.parametrize(
    ("query", "field_error"),
    [
        ({"kind": "progress", "at": "2017-03-24"}, "Choisissez le programme du document."),
        ({"kind": "progress", "programme": "999999", "at": "2017-03-24"}, "Ce programme n'existe pas"),
        ({"kind": "progress", "programme": "<script>", "at": "2017-03-24"}, "Ce programme n'existe pas"),
        ({"kind": "progress", "programme": "{pk}", "at": "32/13/2017"}, "Saisissez une date valide"),
        ({"kind": "progress", "programme": "{pk}", "at": "1850-01-01"}, "Choisissez une date après le 01/01/1990."),
        ({"kind": "activity", "start": "2017-12-31", "end": "2017-01-01"}, "La fin de la période précède son début"),
        ({"kind": "activity", "start": "2017-01-01"}, "Indiquez le début et la fin de la période."),
        ({"kind": "activity", "start": "2000-01-01", "end": "2017-01-01"}, "Une période de trois ans au plus"),
        ({"kind": "progress", "programme": "{pk}", "at": "9999-12-31"}, "Choisissez une date avant le {latest}."),
        ({"kind": "activity", "start": "9999-01-01", "end": "9999-12-31"}, "Choisissez une date avant le {latest}."),
        ({"kind": "progress", "programme": "{pk}", "at": "<script>alert(1)</script>"}, "Saisissez une date valide"),
        ({"kind": "progress", "programme": "2017", "at": "2017-03-24"}, "Ce programme n'existe pas"),
        ({"kind": "<script>alert(1)</script>"}, "Sélectionnez un choix valide"),
        ({"kind": "bilan"}, "Sélectionnez un choix valide"),
    ],
)
def test_index__hostile_input_gets_a_french_error(editor_client, built, query, field_error):
    query = {key: value.replace("{pk}", str(built.programme.pk)) for key, value in query.items()}
    field_error = field_error.replace("{latest}", f"{latest_date():%d/%m/%Y}")

    response = editor_client.get(INDEX, query)

    content = response.content.decode()
    assert response.status_code == 400
    assert field_error in content.replace("&#x27;", "'")
    assert "<script>alert(1)" not in content


def test_index__a_period_with_no_data_says_so(editor_client, built):
    response = editor_client.get(INDEX, {"kind": "activity", "start": "1995-01-01", "end": "1995-12-31"})

    text = html.text(html.parse(response.content.decode()))
    assert response.status_code == 200
    assert "Rapport d'activité du 01/01/1995 au 31/12/1995" in text
    assert "Aucun financement renseigné sur la période." in text


def test_create__hostile_input_records_nothing(editor_client, built):
    response = editor_client.post(
        CREATE, {"kind": "activity", "start": "2017-12-31", "end": "2017-01-01", "file_format": "pdf"}
    )

    assert response.status_code == 400
    assert not ReportRequest.objects.exists()


def test_create__an_unknown_format_is_refused(editor_client, built):
    response = editor_client.post(CREATE, {**_progress_query(built), "file_format": "exe"})

    assert response.status_code == 400
    assert not ReportRequest.objects.exists()


def test_create__the_task_produces_the_file_and_the_editor_downloads_it(
    editor_client, built, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(CREATE, {**_progress_query(built), "file_format": "docx"})

    report = ReportRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/livrets-bilans/{report.pk}/"
    assert (report.state, report.progress) == (ReportState.DONE, 100)
    assert report.file.name.startswith("reports/")

    status = editor_client.get(f"/admin/livrets-bilans/{report.pk}/etat/").json()
    assert status["state"] == "done"
    assert status["download_url"] == f"/admin/livrets-bilans/{report.pk}/fichier/"

    download = editor_client.get(status["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="point-avancement-irev-2017-20170324.docx"'
    assert "no-store" in download["Cache-Control"]
    document = docx.Document(io.BytesIO(b"".join(download.streaming_content)))
    assert any("Point d'avancement au 24/03/2017" in paragraph.text for paragraph in document.paragraphs)


def test_download__a_role_without_the_permission_and_anonymous_are_refused(
    team, documentalist, client_for, client, built, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(team.editor).post(CREATE, {**_progress_query(built), "file_format": "pdf"})
    report = ReportRequest.objects.get()
    url = f"/admin/livrets-bilans/{report.pk}/fichier/"

    assert client_for(team.board[0]).get(url).status_code == 200
    refused = client_for(documentalist).get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "/admin/login/" in client.get(url)["Location"]
    # The file is under MEDIA_ROOT/reports/, which the public media view never serves.
    assert client.get(f"/media/{report.file.name}").status_code == 404


def test_download__a_file_not_ready_is_not_found(editor_client, built, team):
    report = ReportRequest.objects.create(
        kind="programme", file_format="pdf", programme=built.programme, requested_by=team.editor
    )

    assert editor_client.get(f"/admin/livrets-bilans/{report.pk}/fichier/").status_code == 404
    assert editor_client.get(f"/admin/livrets-bilans/{report.pk}/").status_code == 200
    assert editor_client.get(f"/admin/livrets-bilans/{report.pk}/etat/").json()["state"] == "queued"
    assert editor_client.get("/admin/livrets-bilans/999999/etat/").status_code == 404
