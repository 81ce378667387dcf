"""Wagtail's API v2 under /api/v2/ (pages, images, documents), for Wagtail-aware fronts.

Compared with Wagtail's own endpoints: only what `publications.visibility` lets the public
read (pages, and the images and documents those pages or snippets show, whoever asks, since
answers are cached and shared; documents of restricted collections left out), answers cached
like the typed API, and two filters the fronts need: ``theme`` (slug) and ``territory`` (code,
with everything it contains).
"""

from typing import TYPE_CHECKING, Any

from django.db.models import ForeignKey, IntegerField, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site

from api.errors import UnknownValueError
from api.filters import territory_ids_with_code, theme_id_get
from api.v2_prefetch import page_relations_prefetch
from config.parsing import MAX_ID, MAX_OFFSET, positive_int
from config.response_cache import public_cache, public_search_cache
from publications.serializers import PUBLIC_RELATIONS
from publications.visibility import documents_visible, images_visible, pages_visible
from search_text.french import MAX_QUERY_CHARS, MAX_QUERY_WORDS, fold_words, query_terms

if TYPE_CHECKING:
    # What the mixins below are mixed into, so that mypy finds what their super() calls reach.
    from wagtail.api.v2.views import BaseAPIViewSet as _ViewSetBase
else:
    _ViewSetBase = object


class ClassificationFilter(BaseFilterBackend):
    """``?theme=<slug>`` and ``?territory=<code>`` on the types that carry themes and territories."""

    def filter_queryset(self, request: HttpRequest, queryset: QuerySet, view: Any) -> QuerySet:
        theme, territory = request.GET.get("theme"), request.GET.get("territory")
        if not (theme or territory):
            return queryset
        if not hasattr(queryset.model, "themes"):
            raise BadRequestError("theme and territory need a type that has them, e.g. type=publications.ActionPage")
        try:
            if theme:
                queryset = queryset.filter(themes=theme_id_get(theme[:150]))
            if territory:
                within = territory_ids_with_code(territory[:16])
                queryset = queryset.filter(pk__in=queryset.model.objects.filter(territories__in=within).values("pk"))
        except UnknownValueError as error:
            raise BadRequestError(error.message) from error
        return queryset


class FrenchSearchFilter(SearchFilter):
    """``?search=`` with the French normalisation of ``/api/search/`` (`search_text.french`).

    The query becomes its normalised terms (pages index their normalised text), or its folded
    words for documents, which index their raw title; either way search syntax is just words.
    Filters the backend cannot translate (the visibility of documents reads the reference
    index) are resolved to ids first.
    """

    def filter_queryset(self, request: HttpRequest, queryset: QuerySet, view: Any) -> QuerySet:
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        words = query_terms(query) if issubclass(queryset.model, Page) else fold_words(query[:MAX_QUERY_CHARS])
        if not words:
            raise BadRequestError(_("La recherche ne contient aucun mot à chercher."))
        if not issubclass(queryset.model, Page):
            queryset = queryset.model.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))
        normalised = request.GET.copy()
        normalised["search"] = " ".join(words[:MAX_QUERY_WORDS])
        # Wagtail's filter reads the query there; the stubs type request.GET as immutable.
        request.GET = normalised  # type: ignore[assignment]
        return super().filter_queryset(request, queryset, view)


def with_french_search(backends: list[type[BaseFilterBackend]]) -> list[type[BaseFilterBackend]]:
    return [FrenchSearchFilter if backend is SearchFilter else backend for backend in backends]


class JSONOnlyMixin:
    # Wagtail adds DRF's browsable page for browsers: an English interface, and an answer that
    # differs by Accept header under one cache key. The API answers JSON to everyone.
    renderer_classes = [JSONRenderer]


class CachedViewSetMixin(_ViewSetBase):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # A full-text search (?search=) is stored by the search answers' rule.
        decorator = public_search_cache if "search" in request.GET else public_cache
        return decorator(super().dispatch)(request, *args, **kwargs)


# The query parameters Wagtail reads with int(), and the largest value each may take.
INTEGER_PARAMETERS = {
    "offset": MAX_OFFSET,
    "limit": MAX_ID,
    "id": MAX_ID,
    "child_of": MAX_ID,
    "ancestor_of": MAX_ID,
    "descendant_of": MAX_ID,
    "translation_of": MAX_ID,
}
# Tree filters also take the site's root by name.
NAMED_VALUES = frozenset({"root"})


def _integers_check(request: HttpRequest, bounds: dict[str, int]) -> None:
    for name, maximum in bounds.items():
        value = request.GET.get(name)
        if value is None or value in NAMED_VALUES or positive_int(value, minimum=0, maximum=maximum) is not None:
            continue
        raise BadRequestError(
            _("« %(name)s » attend un nombre entier de 0 à %(maximum)s.") % {"name": name, "maximum": maximum}
        )


class BoundedIntegersMixin(_ViewSetBase):
    """Every integer Wagtail's endpoints read is checked with `config.parsing` first.

    Wagtail reads them with ``int()``, which takes « ٣ » and 24 digits: a 24-digit ``offset``
    or ``id`` then overflows PostgreSQL (a 500), and ``find/?id=²`` reaches the ORM as text.
    Here they are a 400 with a French message, and an id in the path too large for the
    database is a 404. Integer fields of the model (``?number=``…) are bounded the same way.
    """

    def initial(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if "pk" in self.kwargs and positive_int(self.kwargs["pk"]) is None:
            raise Http404
        _integers_check(request, INTEGER_PARAMETERS)

    def check_query_parameters(self, queryset: QuerySet) -> None:
        super().check_query_parameters(queryset)
        fields = queryset.model._meta.get_fields()
        _integers_check(
            self.request, {field.name: MAX_ID for field in fields if isinstance(field, IntegerField | ForeignKey)}
        )


class PublicPagesAPIViewSet(JSONOnlyMixin, CachedViewSetMixin, BoundedIntegersMixin, PagesAPIViewSet):
    filter_backends = [ClassificationFilter, *with_french_search(PagesAPIViewSet.filter_backends)]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["theme", "territory"])

    def get_base_queryset(self) -> QuerySet:
        # Wagtail's base queryset is the live pages of the request's site; the rule adds the rest.
        return pages_visible(super().get_base_queryset(), site=Site.find_for_request(self.request))

    def paginate_queryset(self, queryset: QuerySet) -> Any:
        # Search results are no queryset and keep Wagtail's per-result reads.
        if isinstance(queryset, QuerySet):
            fields = self.get_serializer_class().Meta.fields
            queryset = page_relations_prefetch(queryset, fields=fields)
            self.public_relations_prefetched = True
        return super().paginate_queryset(queryset)

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context[PUBLIC_RELATIONS] = getattr(self, "public_relations_prefetched", False)
        return context


class PublicImagesAPIViewSet(JSONOnlyMixin, CachedViewSetMixin, BoundedIntegersMixin, ImagesAPIViewSet):
    filter_backends = with_french_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self) -> QuerySet:
        return images_visible(super().get_queryset(), site=Site.find_for_request(self.request))


class PublicDocumentsAPIViewSet(JSONOnlyMixin, CachedViewSetMixin, BoundedIntegersMixin, DocumentsAPIViewSet):
    filter_backends = with_french_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self) -> QuerySet:
        return documents_visible(super().get_queryset(), site=Site.find_for_request(self.request))


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
