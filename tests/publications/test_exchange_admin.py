"""The admin's « Échange de fiches »: download, import as drafts, French refusals, who may use it."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Site

from publications.models import ExperiencePage
from tests.editorial.helpers import is_denied
from tests.factories import ExperiencePageFactory

pytestmark = pytest.mark.django_db

URL = "/admin/echange-fiches/"


@pytest.fixture
def record(site_tree):
    page = ExperiencePageFactory(parent=site_tree.experiences)
    page.save_revision().publish()
    return page


def export_url() -> str:
    return reverse("experiences_exchange_export", args=[Site.objects.get(is_default_site=True).pk])


def upload(client, site_tree, content: bytes, name: str = "fiches.json"):
    data = {"parent": site_tree.experiences.pk, "file": SimpleUploadedFile(name, content, "application/json")}
    return client.post(URL, data)


def test_editor__downloads_the_site_records_and_imports_them_back_without_duplicates(editor_client, site_tree, record):
    page = editor_client.get(URL)
    assert page.status_code == 200
    assert "Échange de fiches" in page.content.decode()
    download = editor_client.get(export_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith('attachment; filename="fiches-experience-')
    content = download.content
    assert json.loads(content)["records"][0]["title"] == record.title

    record.delete()
    answer = upload(editor_client, site_tree, content)
    assert answer.status_code == 302
    assert ExperiencePage.objects.filter(live=False).count() == 1
    followed = editor_client.get(answer.url)
    assert "1 fiche(s) créée(s)" in followed.content.decode()

    upload(editor_client, site_tree, content)
    assert ExperiencePage.objects.count() == 1


@pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff", b"{", b'{"format": "crpv.fiches-experience", "version": 99}', b"<script>alert(1)</script>"],
)
def test_editor__a_hostile_file_gets_a_french_refusal_and_nothing_is_imported(editor_client, site_tree, content):
    answer = upload(editor_client, site_tree, content)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Fichier refusé" in html or "Le fichier soumis est vide" in html or "Ce champ est obligatoire" in html
    assert not ExperiencePage.objects.exists()


def test_editor__cannot_import_under_a_page_that_is_not_an_experience_list(editor_client, site_tree):
    data = {"parent": site_tree.home.pk, "file": SimpleUploadedFile("f.json", b"{}", "application/json")}
    answer = editor_client.post(URL, data)
    assert answer.status_code == 200
    assert "Sélectionnez un choix valide" in answer.content.decode()


def test_user_without_page_permission__is_refused_and_sees_no_menu(client, site_tree, django_user_model):
    user = django_user_model.objects.create_user("lecteur", password="x")
    group = Group.objects.create(name="Lecture seule")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    assert is_denied(client.get(URL))
    assert is_denied(client.get(export_url()))
    assert URL not in client.get("/admin/").content.decode()


def test_anonymous__is_sent_to_the_login(client, site_tree):
    assert client.get(URL).status_code == 302
    assert "/admin/login/" in client.get(export_url()).url
