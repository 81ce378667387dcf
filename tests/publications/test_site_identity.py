"""The site identity's colours: #rrggbb only, dark enough for text on white (WCAG AA)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from publications.models import SiteIdentity
from publications.models.site_identity import contrast_on_white

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("colour", "ratio"), [("#000000", 21.0), ("#ffffff", 1.0), ("#1d3f8f", 9.7)])
def test_contrast_on_white(colour, ratio):
    assert contrast_on_white(colour) == pytest.approx(ratio, abs=0.1)


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("#f5c400", "Contraste insuffisant sur fond blanc (1.6:1"),
        ("red; } body { display: none", "Une couleur s'écrit #rrggbb"),
        ("#12345", "Une couleur s'écrit #rrggbb"),
    ],
)
def test_colour__refused_with_a_french_message(site_tree, colour, message):
    identity = SiteIdentity(site=Site.objects.get(is_default_site=True), accent_colour=colour)
    with pytest.raises(ValidationError) as refused:
        identity.full_clean()
    assert message in " ".join(refused.value.message_dict["accent_colour"])


def test_colour__dark_enough_is_accepted(site_tree):
    SiteIdentity(site=Site.objects.get(is_default_site=True), accent_colour="#7a1f3d").full_clean()
