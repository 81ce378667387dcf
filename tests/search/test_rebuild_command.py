"""``rebuild_search_index`` rebuilds every backend's index and shows its progress."""

import io

import pytest
from django.core.management import call_command
from wagtail.search.models import IndexEntry

from search.selectors import search_pages
from tests.factories import ActionPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db


def test_rebuild_search_index__indexes_everything_with_a_progress_bar(site_tree):
    ActionPageFactory(title="Les conseils citoyens en action")
    PublicationPageFactory(title="Évaluer les contrats de ville")
    IndexEntry.objects.all().delete()
    assert search_pages(query="conseil citoyen").total == 0

    out = io.StringIO()
    call_command("rebuild_search_index", "--chunk-size", "2", stdout=out)

    output = out.getvalue()
    assert "[##############################] 100%" in output
    assert "default :" in output
    assert "objets indexés" in output
    assert search_pages(query="conseil citoyen").total == 1
    assert search_pages(query="evaluation").total == 1


def test_rebuild_search_index__quiet_with_verbosity_0(site_tree):
    out = io.StringIO()
    call_command("rebuild_search_index", verbosity=0, stdout=out)
    assert out.getvalue() == ""
