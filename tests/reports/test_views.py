"""The « Rapports » admin: who may use it, what a bad request gets, and a file produced end to end."""

import io

import docx
import pytest

from editorial import roles
from reports.models import ReportRequest, ReportState
from tests import html

pytestmark = pytest.mark.django_db

INDEX = "/admin/rapports/"
CREATE = "/admin/rapports/nouveau/"
ALLOWED = (roles.EDITORS, roles.REVIEWERS, roles.ADMINISTRATORS)


def _progress_query(built, **extra):
    return {"kind": "progress", "programme": str(built.programme.pk), "at": "2017-03-24", **extra}


@pytest.mark.parametrize("role", [*roles.ROLES, "superuser"])
def test_index__editors_reviewers_and_administrators_only(role, team, client_for, built):
    user = team.superuser if role == "superuser" else team.by_role(role)
    response = client_for(user).get(INDEX, _progress_query(built))

    if role == "superuser" or role in ALLOWED:
        assert response.status_code == 200
        main = html.parse(response.content.decode())
        assert "Point d'avancement au 24/03/2017" in html.text(main)
    else:
        # Wagtail answers a refusal inside the admin with a redirect to its dashboard.
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_index__anonymous_goes_to_the_login(client, built):
    response = client.get(INDEX)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_menu__shown_to_permitted_users_only(team, client_for):
    editor_page = client_for(team.editor).get("/admin/").content.decode()
    board_page = client_for(team.board[0]).get("/admin/").content.decode()

    assert INDEX in editor_page
    assert INDEX not in board_page


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
        ({"kind": "bilan"}, "Sélectionnez un choix valide"),
    ],
)
def test_index__hostile_input_gets_a_french_error(editor_client, built, query, field_error):
    query = {key: value.replace("{pk}", str(built.programme.pk)) for key, value in query.items()}

    response = editor_client.get(INDEX, query)

    assert response.status_code == 400
    assert field_error in response.content.decode().replace("&#x27;", "'")


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
    assert response["Location"] == f"/admin/rapports/{report.pk}/"
    assert (report.state, report.progress) == (ReportState.DONE, 100)
    assert report.file.name.startswith("reports/")

    status = editor_client.get(f"/admin/rapports/{report.pk}/etat/").json()
    assert status["state"] == "done"
    assert status["download_url"] == f"/admin/rapports/{report.pk}/fichier/"

    download = editor_client.get(status["download_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="point-avancement-irev-2017-20170324.docx"'
    assert "no-store" in download["Cache-Control"]
    document = docx.Document(io.BytesIO(b"".join(download.streaming_content)))
    assert any("Point d'avancement au 24/03/2017" in paragraph.text for paragraph in document.paragraphs)


def test_download__board_and_anonymous_are_refused(
    team, client_for, client, built, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(team.editor).post(CREATE, {**_progress_query(built), "file_format": "pdf"})
    report = ReportRequest.objects.get()
    url = f"/admin/rapports/{report.pk}/fichier/"

    refused = client_for(team.board[0]).get(url)
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert "/admin/login/" in client.get(url)["Location"]
    # The file is under MEDIA_ROOT/reports/, which the public media view never serves.
    assert client.get(f"/media/{report.file.name}").status_code == 404


def test_download__a_file_not_ready_is_not_found(editor_client, built, team):
    report = ReportRequest.objects.create(
        kind="programme", file_format="pdf", programme=built.programme, requested_by=team.editor
    )

    assert editor_client.get(f"/admin/rapports/{report.pk}/fichier/").status_code == 404
    assert editor_client.get(f"/admin/rapports/{report.pk}/").status_code == 200
    assert editor_client.get(f"/admin/rapports/{report.pk}/etat/").json()["state"] == "queued"
    assert editor_client.get("/admin/rapports/999999/etat/").status_code == 404
