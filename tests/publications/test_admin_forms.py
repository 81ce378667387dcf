"""Page forms posted through the real admin views: what is refused is not saved, what is valid is kept."""

from typing import Any

from django.utils.html import escape
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from publications.models import ActionPage, ActionSession, PodcastEpisodePage, PodcastSeasonPage
from tests import factories


def action_form_data(action: ActionPage | None = None, **overrides: Any) -> dict[str, str]:
    """The POST data of the ActionPage form: the page's own values, then `overrides` (nested)."""
    data: dict[str, Any] = {
        "title": action.title if action else "Séminaire des élu·e·s : la gestion urbaine de proximité",
        "slug": action.slug if action else "seminaire-des-elues-gup",
        "summary": action.summary if action else "Un temps d'échange entre élu·e·s des quartiers prioritaires.",
        "format": str(action.format_id) if action else "",
        "axis": "",
        "body": streamfield([("paragraph", rich_text("<p>Les élu·e·s partagent leurs pratiques.</p>"))]),
        "tentative_period": "",
        "sessions": inline_formset([]),
        "people": inline_formset([]),
        "organisations": inline_formset([]),
        "funding_note": "Financement IREV + CDC",
        "status": "programmee",
        "progress_notes": inline_formset([]),
        "participants_count": "",
        "participants_target": "",
        "deliverables": inline_formset([]),
        "fundings": inline_formset([]),
        "indicators": inline_formset([]),
        "registration_url": "",
        "continues": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def session_data(**overrides: str) -> dict[str, str]:
    return {
        "starts_at": "11/05/2024 17:00",
        "ends_at": "11/05/2024 19:00",
        "attendance_mode": "in_person",
        "venue": "Bourse du travail",
        "town": "",
        "address": "9-11 rue Génin, 93200 Saint-Denis",
        "online_url": "",
        "accessibility_notes": "Salle accessible en fauteuil roulant.",
        "id": "",
        **overrides,
    }


def test_action_edit__session_ending_before_its_start_is_refused(admin_client, home_page):
    action = factories.ActionPageFactory()
    revisions_before = action.revisions.count()
    data = action_form_data(
        action,
        title="Titre modifié qui ne doit pas être enregistré",
        sessions=inline_formset([session_data(starts_at="11/05/2024 17:00", ends_at="11/05/2024 16:00")]),
    )

    response = admin_client.post(f"/admin/pages/{action.pk}/edit/", data)

    assert response.status_code == 200
    assert escape("La séance doit se terminer après son début.") in response.content.decode()
    session_form = response.context["form"].formsets["sessions"].forms[0]
    assert session_form.errors["ends_at"] == ["La séance doit se terminer après son début."]
    action.refresh_from_db()
    assert action.title != "Titre modifié qui ne doit pas être enregistré"
    assert action.revisions.count() == revisions_before
    assert not ActionSession.objects.filter(page=action).exists()


def test_action_create__valid_form_is_saved_as_a_draft(admin_client, home_page):
    programme = factories.ProgrammePageFactory()
    action_format = factories.ActionFormatFactory(name="Séminaire des élu·e·s")
    data = action_form_data(
        format=str(action_format.pk),
        sessions=inline_formset(
            [session_data(attendance_mode="online", venue="", address="", online_url="https://visio.example.org/elus")]
        ),
    )

    response = admin_client.post(f"/admin/pages/add/publications/actionpage/{programme.pk}/", data)

    assert response.status_code == 302
    action = ActionPage.objects.child_of(programme).get(slug="seminaire-des-elues-gup")
    assert action.live is False
    assert action.has_unpublished_changes is True
    assert action.latest_revision is not None
    assert action.title == "Séminaire des élu·e·s : la gestion urbaine de proximité"
    assert action.format == action_format
    assert action.sessions.get().online_url == "https://visio.example.org/elus"
    assert "élu·e·s" in action.body[0].value.source


def _episode_form_data(episode: PodcastEpisodePage, **overrides: Any) -> dict[str, str]:
    data: dict[str, Any] = {
        "title": episode.title,
        "slug": episode.slug,
        "summary": episode.summary,
        "audio": str(episode.audio_id),
        "episode_number": str(episode.episode_number),
        "episode_type": episode.episode_type,
        "release_date": episode.release_date.strftime("%d/%m/%Y"),
        "show_notes": rich_text(episode.show_notes),
        "people": inline_formset([]),
        "co_producer": "",
        "place": episode.place,
        "chapters": inline_formset([]),
        "transcript": episode.transcript,
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_episode_edit__valid_chapters_are_saved(admin_client, home_page):
    episode = factories.PodcastEpisodePageFactory(audio__seconds=2.0)
    data = _episode_form_data(episode, chapters=inline_formset([{"start": "00:01", "title": "Introduction"}]))

    response = admin_client.post(f"/admin/pages/{episode.pk}/edit/", data)

    assert response.status_code == 302
    draft = PodcastEpisodePage.objects.get(pk=episode.pk).get_latest_revision_as_object()
    chapters = [(chapter.start.total_seconds(), chapter.title) for chapter in draft.chapters.all()]
    assert chapters == [(1.0, "Introduction")]


def test_episode_edit__chapter_after_the_audio_end_is_refused(admin_client, home_page):
    episode = factories.PodcastEpisodePageFactory(audio__seconds=2.0)
    data = _episode_form_data(episode, chapters=inline_formset([{"start": "05:00", "title": "Conclusion"}]))

    response = admin_client.post(f"/admin/pages/{episode.pk}/edit/", data)

    assert response.status_code == 200
    assert escape("Le chapitre « Conclusion » commence après la fin de l'audio.") in response.content.decode()


def test_season_create__duplicate_number_in_the_series_is_refused(admin_client, home_page):
    season = factories.PodcastSeasonPageFactory(number=1)
    series = season.get_parent()
    data = nested_form_data(
        {
            "title": "Saison 1 bis",
            "slug": "saison-1-bis",
            "number": "1",
            "description": rich_text(""),
            "seo_title": "",
            "search_description": "",
            "go_live_at": "",
            "expire_at": "",
            "comments": inline_formset([]),
        }
    )

    response = admin_client.post(f"/admin/pages/add/publications/podcastseasonpage/{series.pk}/", data)

    assert response.status_code == 200
    assert PodcastSeasonPage.objects.child_of(series).count() == 1
    assert "Cette série a déjà une saison numéro 1." in response.content.decode()


def test_action_form__offers_only_the_axes_of_its_programme(admin_client, home_page):
    programme = factories.ProgrammePageFactory()
    own_axes = factories.ProgrammeAxisFactory.create_batch(2, page=programme)
    factories.ProgrammeAxisFactory(page=factories.ProgrammePageFactory(year=2023))

    response = admin_client.get(f"/admin/pages/add/publications/actionpage/{programme.pk}/")

    assert response.status_code == 200
    assert set(response.context["form"].fields["axis"].queryset) == set(own_axes)
