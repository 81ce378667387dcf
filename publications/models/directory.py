"""People and partners: who speaks, writes, leads and funds the centre's work."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from publications.models.base import IndexPage
from publications.models.people import Organisation, Person


class PeopleIndexPage(RoutablePageMixin, IndexPage):
    """The people and organisations of the site's content, each with a page of what they did."""

    parent_page_types = ["publications.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("intervenant·e·s et partenaires")
        verbose_name_plural = _("intervenant·e·s et partenaires")

    @path("")
    def index(self, request: HttpRequest) -> HttpResponse:
        from publications.selectors import partners_of_actions, people_contributing  # the selectors import the models

        root = self.get_parent()
        return self.render(
            request,
            context_overrides={
                "people": [(person, self.person_url(person)) for person in people_contributing(root=root)],
                "partners": [(org, self.organisation_url(org)) for org in partners_of_actions(root=root)],
            },
        )

    @path("personnes/<id:person_id>/", name="person")
    def person(self, request: HttpRequest, person_id: int) -> HttpResponse:
        from publications.selectors import person_contributions  # the selectors import the models

        person = get_object_or_404(Person.objects.select_related("organisation"), pk=person_id)
        contributions = person_contributions(person, root=self.get_parent())
        if not contributions:
            raise Http404
        return self.render(
            request,
            context_overrides={"person": person, "contributions": contributions},
            template="publications/person_page.html",
        )

    @path("organisations/<id:organisation_id>/", name="organisation")
    def organisation(self, request: HttpRequest, organisation_id: int) -> HttpResponse:
        from publications.selectors import organisation_contributions  # the selectors import the models

        organisation = get_object_or_404(Organisation, pk=organisation_id)
        contributions = organisation_contributions(organisation, root=self.get_parent())
        if not contributions:
            raise Http404
        return self.render(
            request,
            context_overrides={"organisation": organisation, "contributions": contributions},
            template="publications/organisation_page.html",
        )

    def person_url(self, person: Person) -> str:
        return self.url + self.reverse_subpage("person", args=[person.pk])

    def organisation_url(self, organisation: Organisation) -> str:
        return self.url + self.reverse_subpage("organisation", args=[organisation.pk])
