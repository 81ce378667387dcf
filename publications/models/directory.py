"""People and partners: who speaks, writes, leads and funds the centre's work."""

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from publications.context_builders import page_route_context
from publications.models.base import IndexPage
from publications.models.people import Organisation, Person


class PeopleIndexPage(RoutablePageMixin, IndexPage):
    """The people and organisations of the site's content, each with a page of what they did.

    Each route's reads are in ``publications.page_context`` (``page_route_context``).
    """

    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("intervenant·e·s et partenaires")
        verbose_name_plural = _("intervenant·e·s et partenaires")

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides=page_route_context(self, "index"))

    @path("personnes/<id:person_id>/", name="person")
    def person(self, request: HttpRequest, person_id: int) -> HttpResponse:
        return self.render(
            request,
            context_overrides=page_route_context(self, "person", person_id=person_id),
            template="publications/person_page.html",
        )

    @path("organisations/<id:organisation_id>/", name="organisation")
    def organisation(self, request: HttpRequest, organisation_id: int) -> HttpResponse:
        return self.render(
            request,
            context_overrides=page_route_context(self, "organisation", organisation_id=organisation_id),
            template="publications/organisation_page.html",
        )

    def person_url(self, person: Person) -> str:
        return self.url + self.reverse_subpage("person", args=[person.pk])

    def organisation_url(self, organisation: Organisation) -> str:
        return self.url + self.reverse_subpage("organisation", args=[organisation.pk])
