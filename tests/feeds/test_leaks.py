"""Drafts, private, expired pages and unpublished changes never appear in any feed."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.factories import ActionPageFactory, ActionSessionFactory, PodcastEpisodePageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

STATES = ["draft", "unpublished", "private", "private_parent", "expired", "hidden_parent", "unpublished_changes"]
SECRET = "Titre confidentiel pas encore validé par le bureau"
PUBLIC_TITLE = "Titre public déjà publié"


def _feed_bodies(client, podcast) -> str:
    urls = [
        f"/flux/podcasts/{podcast.series.guid}.xml",
        "/flux/publications.xml",
        "/flux/publications.atom",
        "/flux/actualites.xml",
        "/flux/actualites.atom",
        "/flux/agenda.ics",
        "/sitemap.xml",
    ]
    bodies = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        bodies.append(response.content.decode())
    # Long iCalendar lines are folded: unfold before searching.
    return "\n".join(bodies).replace("\r\n ", "")


def _hide(page: Page, state: str) -> Page:
    """Put a live page (or create one) in a state where the public must not see it."""
    if state == "draft":
        return page
    if state == "unpublished":
        page.unpublish()
    elif state == "private":
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    elif state == "private_parent":
        PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    elif state == "expired":
        # Past its expiry, before the scheduled-publishing job has unpublished it.
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    elif state == "hidden_parent":
        page.get_parent().specific.unpublish()
    elif state == "unpublished_changes":
        page.title = SECRET
        page.save_revision()
    return page


def _make(factory, state: str, **kwargs) -> Page:
    if state == "draft":
        return factory(live=False, title=SECRET, **kwargs)
    if state == "unpublished_changes":
        # Published under a public title; the secret one is only in a later draft.
        return factory(title=PUBLIC_TITLE, **kwargs)
    return factory(title=SECRET, **kwargs)


@pytest.mark.parametrize("state", STATES)
def test_hidden_episode__in_no_feed(client, podcast, state):
    episode = _hide(_make(PodcastEpisodePageFactory, state, parent=podcast.season), state)

    bodies = _feed_bodies(client, podcast)

    assert SECRET not in bodies
    # A hidden season hides all its episodes; otherwise its other episodes stay listed.
    assert (str(podcast.episode.guid) in bodies) is (state not in ("hidden_parent", "private_parent"))
    if state == "unpublished_changes":
        # Still listed, as last published.
        assert str(episode.guid) in bodies
        assert PUBLIC_TITLE in bodies
        return
    assert str(episode.guid) not in bodies
    assert client.get(f"/flux/podcasts/episodes/{episode.guid}/transcription.vtt").status_code == 404


@pytest.mark.parametrize("state", ["draft", "unpublished", "private", "expired"])
def test_hidden_series__feed_is_404(client, podcast, state):
    if state == "draft":
        Page.objects.filter(pk=podcast.series.pk).update(live=False)
    else:
        _hide(podcast.series, state)

    assert client.get(f"/flux/podcasts/{podcast.series.guid}.xml").status_code == 404
    assert client.get(f"/flux/podcasts/episodes/{podcast.episode.guid}/chapitres.json").status_code == 404


@pytest.mark.parametrize("state", STATES)
def test_hidden_publication__in_no_feed(client, podcast, state):
    visible = PublicationPageFactory(title="Actes du séminaire des élu·e·s")
    _hide(_make(PublicationPageFactory, state), state)

    bodies = _feed_bodies(client, podcast)

    assert SECRET not in bodies
    if state not in ("hidden_parent", "private_parent"):
        assert visible.title in bodies


@pytest.mark.parametrize("state", STATES)
def test_hidden_action__in_no_calendar(client, agenda, podcast, state):
    action = _make(ActionPageFactory, state, parent=agenda.action.get_parent())
    session = ActionSessionFactory(page=action, starts_at=agenda.session.starts_at, ends_at=agenda.session.ends_at)
    _hide(action, state)

    bodies = _feed_bodies(client, podcast)

    assert SECRET not in bodies
    if state == "unpublished_changes":
        assert str(session.uid) in bodies
        assert PUBLIC_TITLE in client.get(f"/flux/actions/{action.pk}.ics").content.decode()
        return
    assert str(session.uid) not in bodies
    assert client.get(f"/flux/actions/{action.pk}.ics").status_code == 404
