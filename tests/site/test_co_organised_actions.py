"""An action co-organised by several centres: one page on its centre's site, shown on each co-organiser's."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Site

from publications.models import ActionPage, AgendaPage
from tests import html
from tests.factories import ActionPageFactory, ActionSessionFactory, ProgrammePageFactory
from tests.factories.centres import CentreFactory, default_centre
from tests.factories.pages import HomePageFactory
from tests.site.conftest import in_days

pytestmark = pytest.mark.django_db

DAY = "Journée régionale : le renouvellement urbain"


@pytest.fixture(autouse=True)
def centre_hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".localhost"]


def centre_site(slug: str, name: str):
    """A second centre with its own site on <slug>.localhost, its home page and its agenda."""
    home = HomePageFactory(default_site=False, slug=slug, title=f"Accueil {name}")
    site = Site.objects.create(hostname=f"{slug}.localhost", port=80, root_page=home, site_name=name)
    agenda = AgendaPage(title="Agenda", slug="agenda", show_in_menus=True)
    home.add_child(instance=agenda)
    return CentreFactory(name=name, acronym=name, slug=slug, site=site), home, agenda


@pytest.fixture
def co_organised(site_tree, agenda):
    """A regional day on the default centre's site, co-organised by IREV; a third centre not part of it."""
    host = default_centre()
    irev, irev_home, irev_agenda = centre_site("irev", "IREV")
    centre_site("crpve", "CRPVE")
    programme = ProgrammePageFactory(parent=site_tree.programmes, year=timezone.now().year)
    day = ActionPageFactory(parent=programme, title=DAY)
    day.co_organisers.add(irev)
    day.save_revision().publish()
    ActionSessionFactory(page=day, starts_at=in_days(12), ends_at=in_days(12, 19))
    return {"host": host, "day": day, "irev": (irev, irev_home, irev_agenda)}


def agenda_titles(response) -> list[str]:
    return [session.page.title for session in response.context["results"]]


def test_the_co_organisers_agenda_lists_the_action_and_links_to_its_one_page(client, co_organised):
    response = client.get("/agenda/", HTTP_HOST="irev.localhost")

    assert response.status_code == 200
    assert agenda_titles(response) == [DAY]
    item = html.main(html.parse(response)).find(class_="agenda__item")
    assert item.find("h3").find("a")["href"] == co_organised["day"].full_url
    assert "Co-organisé avec" in html.text(item.find(class_="session__host"))


def test_the_host_agenda_lists_it_as_its_own(client, co_organised):
    response = client.get(co_organised["day"].get_parent().get_parent().get_parent().url + "agenda/")

    assert agenda_titles(response) == [DAY]
    assert html.main(html.parse(response)).find(class_="session__host") is None


def test_a_centre_that_does_not_co_organise_it_does_not_show_it(client, co_organised):
    response = client.get("/agenda/", HTTP_HOST="crpve.localhost")

    assert response.status_code == 200
    assert agenda_titles(response) == []


def test_the_co_organisers_home_page_shows_it_among_the_next_meetings(client, co_organised):
    response = client.get("/", HTTP_HOST="irev.localhost")

    assert [session.page.title for session in response.context["upcoming_sessions"]] == [DAY]
    assert response.context["upcoming_sessions"][0].page.host_centre == co_organised["host"]


def test_the_action_page_names_every_organiser(client, co_organised):
    response = client.get(co_organised["day"].url)

    organisers = html.text(html.main(html.parse(response)).find(class_="action__organisers"))
    assert organisers == f"Organisée par {co_organised['host'].name}, avec IREV"
    assert html.main(html.parse(response)).find(class_="action__organisers").find("a")["href"] == (
        "http://irev.localhost/"
    )


def test_an_unpublished_co_organised_action_shows_nowhere(client, co_organised):
    co_organised["day"].unpublish()

    assert agenda_titles(client.get("/agenda/", HTTP_HOST="irev.localhost")) == []


@pytest.mark.parametrize("submitted", ["own", "unknown", "<script>alert(1)</script>"])
def test_the_action_form_offers_the_other_centres_only(co_organised, admin_user, submitted):
    day, host, (irev, _, _) = co_organised["day"], co_organised["host"], co_organised["irev"]
    form = ActionPage.get_edit_handler().get_form_class()(
        instance=day, parent_page=day.get_parent(), for_user=admin_user
    )
    field = form.fields["co_organisers"]
    value = {"own": str(host.pk), "unknown": "999999"}.get(submitted, submitted)

    assert host not in field.queryset
    assert irev in field.queryset
    with pytest.raises(ValidationError) as refused:
        field.clean([str(irev.pk), value])
    assert "Sélectionnez un choix valide" in str(refused.value) or "n’est pas une valeur correcte" in str(refused.value)
