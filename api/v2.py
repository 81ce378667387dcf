"""Wagtail's API v2 under /api/v2/ (pages, images, documents), for Wagtail-aware fronts.

Compared with Wagtail's own endpoints: only public pages (no view restriction, whoever
asks, since answers are cached and shared), never expired ones, documents of restricted
collections left out, answers cached like the typed API, and two filters the fronts need:
``theme`` (slug) and ``territory`` (code, with everything it contains).
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import CollectionViewRestriction

from api.cache import cached_response
from api.errors import UnknownValueError
from api.filters import territory_ids_within, theme_id_get


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
                within = territory_ids_within(territory[:16])
                queryset = queryset.filter(pk__in=queryset.model.objects.filter(territories__in=within).values("pk"))
        except UnknownValueError as error:
            raise BadRequestError(error.message) from error
        return queryset


class CachedViewSetMixin:
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return cached_response(super().dispatch)(request, *args, **kwargs)


class PublicPagesAPIViewSet(CachedViewSetMixin, PagesAPIViewSet):
    filter_backends = [ClassificationFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["theme", "territory"])

    def get_base_queryset(self) -> QuerySet:
        now = timezone.now()
        return super().get_base_queryset().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))


class PublicImagesAPIViewSet(CachedViewSetMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(CachedViewSetMixin, DocumentsAPIViewSet):
    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        for restriction in CollectionViewRestriction.objects.select_related("collection"):
            queryset = queryset.exclude(collection__path__startswith=restriction.collection.path)
        return queryset


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)
router.register_endpoint("documents", PublicDocumentsAPIViewSet)
