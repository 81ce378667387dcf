"""The « Contenus » menu editorial owns holds the listing each content app registers, in order."""

from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

from editorial.listings import CONTENT_LISTINGS_MENU_HOOK, ContentListingViewSet
from newsletters.listings import NewsletterIssueListing
from publications.listings import content_listings


def _contents_menu(user) -> SubmenuMenuItem:
    # Loading the admin's URLs is what imports the apps' wagtail_hooks and registers the viewsets.
    reverse("wagtailadmin_home")
    request = RequestFactory().get("/admin/")
    request.user = user
    [contents] = [item for item in admin_menu.menu_items_for_request(request) if item.label == "Contenus"]
    return contents


def test_contents_menu__lists_every_content_type_in_order(admin_user):
    contents = _contents_menu(admin_user)

    request = RequestFactory().get("/admin/")
    request.user = admin_user
    items = contents.menu.menu_items_for_request(request)

    assert [(str(item.label), item.url) for item in items] == [
        ("Programmes", "/admin/programmes/"),
        ("Actions", "/admin/actions/"),
        ("Publications", "/admin/publications/"),
        ("Épisodes de podcast", "/admin/episodes/"),
        ("Fiches d'expérience", "/admin/experiences/"),
        ("Numéros de lettre", "/admin/newsletter_issues/"),
    ]


def test_content_listings__go_to_the_group_not_the_main_menu():
    listings = [*content_listings(), NewsletterIssueListing("newsletter_issues")]

    assert all(isinstance(listing, ContentListingViewSet) for listing in listings)
    assert {listing.menu_hook for listing in listings} == {CONTENT_LISTINGS_MENU_HOOK}
