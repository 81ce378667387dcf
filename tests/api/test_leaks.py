"""Drafts, private pages, expired pages and unpublished changes never leak through either layer."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.api.helpers import get_json, ids
from tests.factories import (
    ActionDeliverableFactory,
    ActionPageFactory,
    CustomDocumentFactory,
    PublicationDocumentFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db


def _visible(client, page) -> dict[str, bool]:
    typed = client.get(f"/api/actions/{page.pk}", HTTP_HOST="localhost").status_code == 200
    listed = page.pk in ids(get_json(client, "/api/actions/", {"limit": 100}))
    v2_detail = client.get(f"/api/v2/pages/{page.pk}/", HTTP_HOST="localhost").status_code == 200
    v2_items = get_json(client, "/api/v2/pages/", {"type": "publications.ActionPage"})["items"]
    v2_listed = page.pk in {item["id"] for item in v2_items}
    return {"typed": typed, "listed": listed, "v2_detail": v2_detail, "v2_listed": v2_listed}


def test_draft_never_published__invisible(client, content):
    draft = ActionPageFactory(parent=content.action.get_parent(), live=False, title="Brouillon secret")
    assert not any(_visible(client, draft).values())
    assert (
        "Brouillon secret"
        not in client.get("/api/search/", {"q": "brouillon secret"}, HTTP_HOST="localhost").content.decode()
    )


def test_private_page__invisible_even_to_a_logged_in_editor(admin_client, content):
    PageViewRestriction.objects.create(page=content.action, restriction_type=PageViewRestriction.LOGIN)
    assert not any(_visible(admin_client, content.action).values())


def test_page_under_a_password_protected_parent__invisible(client, content):
    PageViewRestriction.objects.create(
        page=content.action.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    assert not any(_visible(client, content.action).values())
    assert get_json(client, "/api/programmes/", {"year": 2024})["count"] == 0


def test_expired_page__invisible_before_the_unpublish_job_runs(client, content):
    content.action.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    content.action.save(update_fields=["expire_at"])
    assert content.action.live
    assert not any(_visible(client, content.action).values())


def test_unpublished_changes__only_the_published_version_is_read(client, content):
    page = content.action
    page.title = "Titre du brouillon non publié"
    page.summary = "Résumé du brouillon"
    page.save_revision()
    typed = get_json(client, f"/api/actions/{page.pk}")
    v2 = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert typed["title"] == v2["title"] == "Séminaire des élu·e·s : santé mentale"
    assert "brouillon" not in str(typed).lower()
    assert "brouillon" not in str(v2).lower()


def test_unpublished_page__gone_from_both_layers(client, content):
    publication = content.publication
    assert client.get(f"/api/publications/{publication.pk}", HTTP_HOST="localhost").status_code == 200
    publication.unpublish()
    assert client.get(f"/api/publications/{publication.pk}", HTTP_HOST="localhost").status_code == 404
    assert client.get(f"/api/v2/pages/{publication.pk}/", HTTP_HOST="localhost").status_code == 404
    assert get_json(client, "/api/publications/")["count"] == 0


def test_link_to_a_draft__not_named(client, content):
    draft = PublicationPageFactory(live=False, title="Publication pas encore parue")
    ActionDeliverableFactory(page=content.action, title="", publication=draft, url="")
    data = get_json(client, f"/api/actions/{content.action.pk}")
    assert data["deliverables"][0]["publication"] is None
    assert "pas encore parue" not in str(data)
    assert "pas encore parue" not in str(get_json(client, f"/api/v2/pages/{content.action.pk}/"))


def test_links_to_drafts_and_restricted_files__not_named_in_a_v2_listing(client, content):
    """The listing prefetches its links already narrowed (`api.v2_prefetch`) and checks none itself."""
    draft_publication = PublicationPageFactory(live=False, title="Publication pas encore parue")
    draft_action = ActionPageFactory(parent=content.action.get_parent(), live=False, title="Action pas encore lancée")
    ActionDeliverableFactory(page=content.action, title="", publication=draft_publication, url="")
    content.action.continues = draft_action
    content.action.save_revision().publish()
    content.publication.related_actions.add(draft_action, content.action)
    content.publication.save_revision().publish()
    private = Collection.get_first_root_node().add_child(name="Conseil d'administration")
    CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
    PublicationDocumentFactory(
        page=content.publication, document=CustomDocumentFactory(title="Compte rendu du conseil", collection=private)
    )
    actions = get_json(client, "/api/v2/pages/", {"type": "publications.ActionPage", "fields": "*"})["items"]
    publications = get_json(client, "/api/v2/pages/", {"type": "publications.PublicationPage", "fields": "*"})["items"]
    listed = str(actions) + str(publications)
    for hidden in ("pas encore parue", "pas encore lancée", "Compte rendu du conseil"):
        assert hidden not in listed
    action = next(item for item in actions if item["id"] == content.action.pk)
    assert action["continues"] is None
    assert [d["publication_id"] for d in action["deliverables"]] == [None]
    publication = next(item for item in publications if item["id"] == content.publication.pk)
    assert publication["related_actions"] == [{"id": content.action.pk, "title": content.action.title}]
    assert len(publication["documents"]) == 1
