"""Builds the demo site from the data files in demo/data, creating only what is missing."""

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.signal_handlers import disable_reference_index_auto_update

from demo.builders.centres import default_centre_ensure
from demo.builders.experiences import experiences_load
from demo.builders.identity import centre_logos_load, identity_load
from demo.builders.institution import about_page_ensure, institution_load
from demo.builders.legal import legal_load
from demo.builders.newsletters import newsletters_load
from demo.builders.podcasts import podcasts_load
from demo.builders.programmes import deliverables_link, programmes_load
from demo.builders.publications import publications_load
from demo.builders.registrations import registrations_load
from demo.builders.site import site_load
from demo.builders.subscribers import subscribers_load
from demo.builders.taxonomy import people_load, taxonomy_load

DATA_DIR = Path(__file__).resolve().parent / "data"


def demo_data_read(name: str) -> dict[str, Any]:
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


# While loading, Wagtail's per-save index tasks are recorded but not run: both indexes
# are rebuilt once at the end, which is an order of magnitude faster than per save.
_DEFERRED_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@contextmanager
def _page_log_muted() -> Iterator[None]:
    """Wagtail logs every page created and published at INFO: 545 lines of the demo's first load."""
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def demo_load() -> None:
    """Load every data file in dependency order, then rebuild the indexes; safe to run again."""
    with (
        _page_log_muted(),
        override_settings(TASKS=_DEFERRED_TASKS),
        disable_reference_index_auto_update(),
        transaction.atomic(),
    ):
        _content_load()
    call_command("rebuild_references_index", stdout=io.StringIO())
    call_command("update_index", stdout=io.StringIO())


def _content_load() -> None:
    taxonomy_load(demo_data_read("taxonomy"))
    people_load(demo_data_read("people"))
    tree = site_load()
    centre = default_centre_ensure()
    institution_load(demo_data_read("institution"))
    about_page_ensure(tree.home, centre)
    identity_load()
    centre_logos_load()
    legal_load()
    programmes = demo_data_read("programmes")
    programmes_load(tree.programmes, programmes)
    publications_load(tree.publications, demo_data_read("publications"))
    deliverables_link(programmes)
    podcasts_load(tree.podcasts, demo_data_read("podcasts"))
    experiences_load(tree.experiences, demo_data_read("experiences"))
    newsletters_load(tree.newsletters, demo_data_read("newsletters"), centre)
    subscribers_load()
    registrations_load()
