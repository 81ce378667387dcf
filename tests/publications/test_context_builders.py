"""Page template contexts come from the builders registered for the page's type (and route), in order."""

from django.test import RequestFactory

from newsletters.page_context import home_newsletter_lists_context
from publications.context_builders import (
    PageContextMixin,
    _builders,
    page_context_register,
    page_route_context,
    page_route_context_register,
)
from publications.models import HomePage
from publications.page_context import home_context, home_network_context


class _Base:
    def get_context(self, request, *args, **kwargs):
        return {"page": self}


class _Page(PageContextMixin, _Base):
    pass


class _OtherPage(PageContextMixin, _Base):
    pass


def test_page_context__builders_of_the_type_apply_in_turn(monkeypatch):
    monkeypatch.setattr("publications.context_builders._builders", {})

    @page_context_register(_Page)
    def first(page, request, context):
        return {**context, "order": ["first"]}

    @page_context_register(_Page)
    def second(page, request, context):
        return {**context, "order": [*context["order"], "second"]}

    page_context_register(_Page)(first)
    page = _Page()

    context = page.get_context(RequestFactory().get("/"))

    assert context == {"page": page, "order": ["first", "second"]}


def test_page_context__a_type_without_builder_keeps_the_base_context(monkeypatch):
    monkeypatch.setattr("publications.context_builders._builders", {})
    page = _OtherPage()

    assert page.get_context(RequestFactory().get("/")) == {"page": page}


def test_page_context__the_home_page_gets_its_reads_the_network_cards_then_the_newsletter_lists():
    assert _builders[HomePage] == [home_context, home_network_context, home_newsletter_lists_context]


def test_page_route_context__the_routes_builder_gets_the_page_and_the_routes_arguments(monkeypatch):
    monkeypatch.setattr("publications.context_builders._route_builders", {})

    @page_route_context_register(_Page, "person")
    def person(page, *, person_id):
        return {"page": page, "person_id": person_id}

    page = _Page()

    assert page_route_context(page, "person", person_id=7) == {"page": page, "person_id": 7}
