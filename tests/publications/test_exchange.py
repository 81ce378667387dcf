"""Experience records exchanged between instances: export, validation, idempotent import as drafts."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from publications.exchange.export import experiences_exchange_file
from publications.exchange.imports import ExchangeError, experiences_import, rich_text_clean
from publications.exchange.schema import ExchangeFile
from publications.models import ExperiencePage, Organisation
from tests.factories import ExperiencePageFactory, OrganisationFactory, TerritoryFactory, ThemeFactory

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "exchange-v1.schema.json"


@pytest.fixture
def record(site_tree):
    page = ExperiencePageFactory(
        parent=site_tree.experiences,
        town=TerritoryFactory(name="Sarcelles", code="95585"),
        description=f'<p>Voir <a linktype="page" id="{site_tree.home.pk}">l\'accueil</a>.</p>',
    )
    page.themes.add(ThemeFactory(name="Participation", slug="participation"))
    page.organisations.add(OrganisationFactory(name="Conseil citoyen de Sarcelles"))
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(admin_user):
    return admin_user


def exported(site_tree) -> dict:
    return json.loads(experiences_exchange_file(site=Site.objects.get(is_default_site=True)).model_dump_json())


def payload(data: dict) -> bytes:
    return json.dumps(data).encode()


def test_export__holds_the_public_records_with_links_made_absolute(site_tree, record):
    ExperiencePageFactory(parent=site_tree.experiences, live=False, title="Brouillon")
    data = exported(site_tree)
    assert data["format"] == "crpv.fiches-experience"
    assert data["version"] == 1
    assert [item["title"] for item in data["records"]] == [record.title]
    item = data["records"][0]
    assert item["id"] == str(record.translation_key)
    assert item["town"] == {"name": "Sarcelles", "kind": record.town.kind, "code": "95585"}
    assert item["themes"] == [{"slug": "participation", "name": "Participation"}]
    assert item["organisations"][0]["name"] == "Conseil citoyen de Sarcelles"
    assert 'linktype="page"' not in item["description"]
    assert 'href="/"' in item["description"] or f'href="{site_tree.home.url}"' in item["description"]
    assert item["source_url"] == record.full_url


def test_import__into_another_instance_creates_drafts_then_changes_nothing_the_second_time(site_tree, record, editor):
    data = exported(site_tree)
    key = record.translation_key
    record.delete()  # the other instance: same territories and themes, no such page

    first = experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert (len(first.created), len(first.updated), first.warnings) == (1, 0, [])
    page = ExperiencePage.objects.get(translation_key=key)
    assert not page.live
    assert page.get_parent().pk == site_tree.experiences.pk
    assert page.town.code == "95585"
    assert [theme.slug for theme in page.themes.all()] == ["participation"]
    assert page.latest_revision is not None

    second = experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert (len(second.created), len(second.updated), len(second.unchanged)) == (0, 0, 1)
    assert ExperiencePage.objects.filter(translation_key=key).count() == 1
    assert Organisation.objects.filter(name="Conseil citoyen de Sarcelles").count() == 1


def test_import__its_own_export_back_into_the_same_instance_changes_nothing(site_tree, record, editor):
    record.description = f'<p data-block-key="a1b2c">Un <a linktype="page" id="{site_tree.home.pk}">lien</a>.</p>'
    record.save_revision().publish()
    report = experiences_import(payload=payload(exported(site_tree)), parent=site_tree.experiences, user=editor)
    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 1)
    record.refresh_from_db()
    assert not record.has_unpublished_changes


def test_import__a_newer_file_updates_as_a_draft_revision_and_leaves_the_live_text(site_tree, record, editor):
    data = exported(site_tree)
    data["records"][0]["title"] = "Un conseil citoyen qui co-écrit le contrat de ville (2e édition)"
    report = experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert [page.pk for page in report.updated] == [record.pk]
    record.refresh_from_db()
    assert record.title == "Un conseil citoyen qui co-écrit le contrat de ville"
    assert record.has_unpublished_changes
    assert record.get_latest_revision_as_object().title.endswith("(2e édition)")


def test_import__unknown_theme_and_territory_are_warned_and_left_out(site_tree, record, editor):
    data = exported(site_tree)
    data["records"][0]["themes"].append({"slug": "inconnue", "name": "Inconnue"})
    data["records"][0]["territories"] = [{"name": "Atlantide", "kind": "commune", "code": "99999"}]
    report = experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert len(report.warnings) == 2
    assert "« inconnue »" in report.warnings[0]
    assert "Atlantide" in report.warnings[1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe not utf-8", "JSON lisible"),
        (b"{not json", "JSON lisible"),
        (b"[]", "pas un fichier d'échange"),
        (b'{"format": "autre", "version": 1}', "pas un fichier d'échange"),
        (b'{"format": "crpv.fiches-experience", "version": 2}', "Version 2 inconnue"),
    ],
)
def test_import__refuses_what_is_not_a_version_1_file(site_tree, editor, content, message):
    with pytest.raises(ExchangeError) as refused:
        experiences_import(payload=content, parent=site_tree.experiences, user=editor)
    assert message in refused.value.messages[0]


def test_import__names_each_invalid_field_and_imports_nothing(site_tree, record, editor):
    data = exported(site_tree)
    data["records"][0]["contact"]["email"] = "pas-une-adresse"
    data["records"][0]["unexpected"] = "x"
    data["records"][0]["title"] = ""
    record.delete()
    with pytest.raises(ExchangeError) as refused:
        experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    text = " | ".join(refused.value.messages)
    assert "records › 1 › contact › email : adresse électronique invalide" in text
    assert "records › 1 › unexpected : champ inconnu de la version 1" in text
    assert "records › 1 › title : ne peut pas être vide" in text
    assert "error" not in text.lower()
    assert not ExperiencePage.objects.exists()


def test_import__a_record_with_an_unknown_town_refuses_the_whole_file(site_tree, record, editor):
    data = exported(site_tree)
    good = dict(data["records"][0])
    bad = {**good, "id": "6f1c1d2e-0000-4000-8000-000000000001", "town": {"name": "Atlantide", "code": "", "kind": ""}}
    data["records"] = [good, bad]
    record.delete()
    with pytest.raises(ExchangeError) as refused:
        experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert "Atlantide" in refused.value.messages[0]
    assert not ExperiencePage.objects.exists()


def test_import__refuses_an_id_that_is_another_page_here(site_tree, record, editor):
    data = exported(site_tree)
    data["records"][0]["id"] = str(site_tree.home.translation_key)
    with pytest.raises(ExchangeError) as refused:
        experiences_import(payload=payload(data), parent=site_tree.experiences, user=editor)
    assert "autre page" in refused.value.messages[0]


def test_rich_text_clean__keeps_the_editor_features_and_drops_scripts_frames_and_handlers():
    html = (
        '<p>Un <b>texte</b> <a href="https://example.org/x" onclick="evil()">lien</a><script>alert(1)</script>'
        '<img src=x onerror=alert(1)></p><iframe src="https://evil.example"></iframe><p style="color:red">fin</p>'
    )
    clean = rich_text_clean(html)
    assert "<b>texte</b>" in clean
    assert 'href="https://example.org/x"' in clean
    for dangerous in ("script", "alert", "onclick", "onerror", "iframe", "style=", "<img"):
        assert dangerous not in clean
    assert rich_text_clean("<p>a</b></i><div><p>x</div>")
    assert rich_text_clean("   ") == ""


def test_schema_file__is_the_one_the_models_generate():
    assert json.loads(SCHEMA_FILE.read_text()) == ExchangeFile.model_json_schema()


def test_command__exports_to_a_file_and_imports_it_idempotently(site_tree, record, editor, tmp_path, capsys):
    exchange = tmp_path / "fiches.json"
    call_command("experiences_exchange", "export", "--output", str(exchange))
    record.delete()
    arguments = ["experiences_exchange", "import", str(exchange), "--parent", str(site_tree.experiences.pk)]
    call_command(*arguments, "--user", editor.username)
    call_command(*arguments, "--user", editor.username)
    out = capsys.readouterr().out
    assert "1 fiche(s) créée(s)" in out
    assert "0 fiche(s) créée(s), 0 mise(s) à jour, 1 inchangée(s)" in out
    exchange.write_text("{")
    with pytest.raises(CommandError, match="Import refusé"):
        call_command(*arguments, "--user", editor.username)
