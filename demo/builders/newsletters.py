"""Newsletter lists and issues, sections written as StreamField raw data."""

from typing import Any

from django.utils.text import slugify
from wagtail.models import Page

from centres.models import Centre
from demo.builders.common import a_date, page_ensure, slug_for, text_fit
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage, NewsletterList
from publications.models import ActionPage, ExperiencePage, PodcastEpisodePage, PublicationPage

_PAGE_TYPES: dict[str, type[Page]] = {
    "action": ActionPage,
    "publication": PublicationPage,
    "episode": PodcastEpisodePage,
    "experience": ExperiencePage,
}
_ITEM_FIELDS = {
    "centre_news": ("tag", "title", "summary", "url"),
    "national_news": ("tag", "title", "summary", "url"),
    "territory_news": ("town", "tag", "title", "summary", "url"),
    "in_brief": ("title", "url"),
    "moves": ("person", "new_post", "place"),
    "press": ("title", "source", "date", "url"),
    "reading": ("title", "authors", "publisher", "year", "pages", "url", "excerpt"),
}


def _page_id(ref: dict[str, str]) -> int:
    return _PAGE_TYPES[ref["type"]].objects.get(title=ref["title"]).pk


def _item(kind: str, spec: dict[str, Any]) -> dict[str, Any]:
    item = {field: spec.get(field) for field in _ITEM_FIELDS[kind]}
    if kind in ("centre_news", "national_news", "territory_news"):
        item["page"] = _page_id(spec["page"]) if spec.get("page") else None
    if kind == "press" and item["date"]:
        item["date"] = str(item["date"])
    return {
        key: ("" if value is None and key not in ("page", "year", "pages", "date") else value)
        for key, value in item.items()
    }


def _section(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec["type"]
    if kind == "experience":
        value = {"heading": spec["heading"], "experience": ExperiencePage.objects.get(title=spec["experience"]).pk}
    elif kind == "website":
        value = {key: spec[key] for key in ("heading", "name", "url", "description")}
    else:
        value = {"heading": spec["heading"], "items": [_item(kind, item) for item in spec["items"]]}
        if kind == "national_news":
            value["theme"] = spec.get("theme", "")
    return {"type": kind, "value": value}


def newsletters_load(index: NewsletterIndexPage, data: dict[str, Any], centre: Centre) -> None:
    for row in data["lists"]:
        newsletter_list = NewsletterList.objects.filter(name=row["name"]).first() or NewsletterList(
            name=row["name"], centre=centre
        )
        newsletter_list.slug = slugify(row["name"])
        newsletter_list.frequency = row["frequency"]
        newsletter_list.sender_name = row["sender_name"]
        newsletter_list.sender_email = row["sender_email"]
        newsletter_list.reply_to = row.get("reply_to", "")
        newsletter_list.description = row["description"]
        newsletter_list.full_clean()
        newsletter_list.save()
    for row in data["issues"]:
        newsletter_list = NewsletterList.objects.get(name=row["list"])
        if NewsletterIssuePage.objects.filter(newsletter_list=newsletter_list, number=row["number"]).exists():
            continue
        page_ensure(
            index,
            NewsletterIssuePage(
                title=row["title"],
                slug=slug_for(f"{row['list']} {row['number']}"),
                newsletter_list=newsletter_list,
                number=row["number"],
                issue_date=a_date(row["date"]),
                preheader=text_fit(row.get("preheader", ""), 150),
                sections=[_section(section) for section in row["sections"]],
            ),
        )
