"""Reading experience records into the exchange file (selectors: nothing is written)."""

from typing import Any

from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.rich_text import expand_db_html

from publications.exchange.schema import FORMAT, VERSION, ExchangeFile, Record, Source
from publications.models import ExperiencePage, Territory
from publications.selectors import public_pages, site_name_for

RICH_TEXT_FIELDS = ("context", "objectives", "actors", "description", "results")


def _territory(territory: Territory) -> dict[str, str]:
    return {"name": territory.name, "kind": territory.kind, "code": territory.code}


def _record(page: ExperiencePage) -> Record:
    # Internal links and documents become public addresses: another instance cannot resolve our ids.
    texts = {field: expand_db_html(getattr(page, field)) for field in RICH_TEXT_FIELDS}
    return Record.model_validate(
        {
            "id": page.translation_key,
            "title": page.title,
            "summary": page.summary,
            "town": _territory(page.town),
            "period": page.period,
            **texts,
            "organisations": [
                {"name": org.name, "acronym": org.acronym, "website": org.website or None}
                for org in page.organisations.all()
            ],
            "contact": {
                "name": page.contact_name,
                "role": page.contact_role,
                "email": page.contact_email,
                "phone": page.contact_phone,
            },
            "themes": [{"slug": theme.slug, "name": theme.name} for theme in page.themes.all()],
            "territories": [_territory(territory) for territory in page.territories.all()],
            "source_url": page.full_url,
            "published_at": page.first_published_at,
        }
    )


def experiences_exchange_file(*, site: Site, root: Page | None = None) -> ExchangeFile:
    """Every experience record the public sees on `site` (under `root` if given), as an exchange file."""
    pages: Any = (
        public_pages(ExperiencePage, root=root or site.root_page)
        .select_related("town")
        .prefetch_related("organisations", "themes", "territories")
        .order_by("path")
    )
    return ExchangeFile(
        format=FORMAT,
        version=VERSION,
        exported_at=timezone.now(),
        source=Source.model_validate({"name": site_name_for(site=site), "url": site.root_url}),
        records=[_record(page) for page in pages],
    )
