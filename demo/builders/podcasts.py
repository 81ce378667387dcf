"""The podcast series, its named seasons and episodes, with generated audio and WebVTT transcripts."""

import datetime as dt
from typing import Any

from wagtail.models import Collection

from demo.builders.common import (
    Lookup,
    a_date,
    audio_ensure,
    image_ensure,
    ordered,
    page_ensure,
    paragraphs_html,
    plain,
    slug_for,
)
from publications.models import (
    EpisodeChapter,
    EpisodePerson,
    Organisation,
    Person,
    PodcastEpisodePage,
    PodcastIndexPage,
    PodcastSeasonPage,
    PodcastSeriesPage,
    SeriesPerson,
    Theme,
)


def _timestamp(value: str) -> dt.timedelta:
    minutes, _, seconds = value.partition(":")
    return dt.timedelta(minutes=int(minutes), seconds=float(seconds))


def _vtt_time(value: str) -> str:
    """« 0:04 » or « 00:04.000 » → « 00:04.000 »."""
    minutes, _, seconds = value.partition(":")
    return f"{int(minutes):02d}:{float(seconds):06.3f}"


def webvtt_from_cues(cues: list[dict[str, str]]) -> str:
    blocks = ["WEBVTT", ""]
    for cue in cues:
        speaker = f"<v {cue['speaker']}>" if cue.get("speaker") else ""
        blocks += [f"{_vtt_time(cue['start'])} --> {_vtt_time(cue['end'])}", f"{speaker}{cue['text']}", ""]
    return "\n".join(blocks)


def podcasts_load(index: PodcastIndexPage, rows: list[dict[str, Any]], *, collection: Collection) -> None:
    people = Lookup(Person, key=lambda p: f"{p.first_name} {p.last_name}")
    themes = Lookup(Theme)
    for series_row in rows:
        description = series_row.get("description") or []
        series = PodcastSeriesPage(
            title=series_row["title"],
            slug=slug_for(series_row["title"]),
            description=paragraphs_html(description),
            summary=plain(description)[:4000],
            category=series_row.get("category", "Society & Culture"),
            producer=Lookup(Organisation, key=lambda o: o.name)(series_row["owner"]),
            owner_email=series_row["owner_email"],
            apple_podcasts_url=series_row.get("apple_podcasts_url", ""),
            spotify_url=series_row.get("spotify_url", ""),
            cover=image_ensure(
                title=f"Visuel — {series_row['title']}",
                size=1400,
                colour=(25, 45, 95),
                collection=collection,
                label=series_row["title"],
                font_size=160,
            ),
        )

        def committee(page: PodcastSeriesPage, row: dict[str, Any] = series_row) -> None:
            page.committee.set(
                ordered([SeriesPerson(person=people(m["person"]), role=m["role"]) for m in row.get("committee", [])])
            )

        series, _ = page_ensure(index, series, children=committee)
        for season_row in series_row["seasons"]:
            season, _ = page_ensure(
                series,
                PodcastSeasonPage(
                    # The name says « Saison 2 : héritages » already: prefixing the number again doubled it.
                    title=season_row["name"],
                    slug=f"saison-{season_row['number']}",
                    number=season_row["number"],
                    description=paragraphs_html(season_row.get("description")),
                ),
            )
            for episode_row in season_row["episodes"]:
                _episode(season, episode_row, people=people, themes=themes, collection=collection)


def _episode(
    season: PodcastSeasonPage, row: dict[str, Any], *, people: Lookup, themes: Lookup, collection: Collection
) -> None:
    number = row.get("number")
    audio = audio_ensure(title=f"{season.title} — {row['title']}", collection=collection)
    page = PodcastEpisodePage(
        title=row["title"],
        slug=slug_for(row["title"]),
        summary=plain(row.get("summary"))[:600],
        show_notes=paragraphs_html(row.get("summary")),
        audio=audio,
        episode_number=number,
        episode_type=row.get("type", "full"),
        release_date=a_date(row["date"]),
        place=row.get("place", ""),
        transcript=webvtt_from_cues(row.get("transcript", [])) if row.get("transcript") else "",
    )
    page.themes = themes.many(row.get("themes"))

    def children(episode: PodcastEpisodePage) -> None:
        episode.people.set(
            ordered([EpisodePerson(person=people(g["person"]), role=g["role"]) for g in row.get("guests", [])])
        )
        episode.chapters.set(
            ordered([EpisodeChapter(start=_timestamp(c["start"]), title=c["title"]) for c in row.get("chapters", [])])
        )

    page_ensure(season, page, children=children)
