"""Builds the demo from the data files in demo/data, creating only what is missing.

The network's site (the default one) and one site per centre; every row of content names its
centre (``centre:``, a programme's organisation) and is loaded under that centre's site.
"""

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

from demo.builders.centres import centre_load, demo_database_check
from demo.builders.common import collection_ensure
from demo.builders.experiences import experiences_load
from demo.builders.identity import NETWORK_COLLECTION, centre_logos_load, identity_load
from demo.builders.institution import about_page_ensure, institution_load
from demo.builders.legal import legal_load
from demo.builders.newsletters import newsletters_load
from demo.builders.podcasts import podcasts_load
from demo.builders.programmes import deliverables_link, programmes_load
from demo.builders.publications import publications_load
from demo.builders.registrations import registrations_load
from demo.builders.site import network_home_ensure
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


def _of(rows: list[dict[str, Any]], centre: str) -> list[dict[str, Any]]:
    return [row for row in rows if row["centre"] == centre]


def _content_load() -> None:
    demo_database_check()
    taxonomy_load(demo_data_read("taxonomy"))
    people_load(demo_data_read("people"))
    sites = demo_data_read("centres")
    network = sites["network"]
    network_site = network_home_ensure(title=network["title"], introduction=network["introduction"])
    identity_load(network_site, network["identity"], handle="reseau", collection=collection_ensure(NETWORK_COLLECTION))
    legal_load(network_site, network["legal"])
    centre_logos_load()
    programmes, publications = demo_data_read("programmes"), demo_data_read("publications")
    podcasts, experiences = demo_data_read("podcasts"), demo_data_read("experiences")
    newsletters = demo_data_read("newsletters")
    for row in sites["centres"]:
        centre_site = centre_load(row)
        tree, name = centre_site.tree, row["name"]
        about_page_ensure(tree.home, centre_site.centre)
        identity_load(tree.site, row["identity"], handle=row["slug"], collection=centre_site.collection)
        legal_load(tree.site, row["legal"])
        programmes_load(tree.programmes, _of(programmes["programmes"], name))
        publications_load(tree.publications, _of(publications["publications"], name), collection=centre_site.collection)
        podcasts_load(tree.podcasts, _of(podcasts["series"], name), collection=centre_site.collection)
        experiences_load(tree.experiences, _of(experiences["experiences"], name))
        lists = _of(newsletters["lists"], name)
        names = {newsletter_list["name"] for newsletter_list in lists}
        issues = [issue for issue in newsletters["issues"] if issue["list"] in names]
        newsletters_load(tree.newsletters, {"lists": lists, "issues": issues}, centre_site.centre)
    institution_load(demo_data_read("institution"))
    deliverables_link(programmes)
    subscribers_load()
    registrations_load()
