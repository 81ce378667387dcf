"""Which function builds the template context of each public page type.

The page models cannot import the reads that build their context (``page_context`` modules
import the models), so each builder registers itself for its page type and the models inherit
``PageContextMixin``, which hands the base context to the builders of its type in turn. A higher
app adds to a lower app's page this way without the lower one knowing it (the newsletters app
gives the home page its lists). ``publications.page_context`` and ``newsletters.page_context``
register theirs from their app's ``ready()``, in ``INSTALLED_APPS`` order. A routable page's
sub-pages get theirs the same way, by route name (``page_route_context``).
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

Context = dict[str, Any]
ContextBuilder = Callable[[Any, HttpRequest, Context], Context]
RouteContextBuilder = Callable[..., Context]

_builders: dict[type, list[ContextBuilder]] = {}
_route_builders: dict[tuple[type, str], RouteContextBuilder] = {}


def page_context_register(page_class: type) -> Callable[[ContextBuilder], ContextBuilder]:
    """Decorator: add the function to the builders of ``page_class``'s context (once per function)."""

    def register(builder: ContextBuilder) -> ContextBuilder:
        builders = _builders.setdefault(page_class, [])
        if builder not in builders:
            builders.append(builder)
        return builder

    return register


class PageContextMixin:
    """A page whose template context is completed by the builder registered for its type."""

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Context:
        context = super().get_context(request, *args, **kwargs)  # type: ignore[misc]
        for builder in _builders.get(type(self), ()):
            context = builder(self, request, context)
        return context


def page_route_context_register(page_class: type, route: str) -> Callable[[RouteContextBuilder], RouteContextBuilder]:
    """Decorator: make the function the reads of ``page_class``'s sub-page named ``route``."""

    def register(builder: RouteContextBuilder) -> RouteContextBuilder:
        _route_builders[(page_class, route)] = builder
        return builder

    return register


def page_route_context(page: Any, route: str, **kwargs: Any) -> Context:
    """What a routable page's sub-page adds to its context (``render``'s ``context_overrides``).

    The builder is called with the page and the route's arguments; it may raise ``Http404``.
    """
    return _route_builders[(type(page), route)](page, **kwargs)
