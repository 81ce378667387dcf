"""Every API v2 field whose serializer checks a link's visibility is prefetched narrowed in listings.

The listing tells the serializers that page and document relations were prefetched narrowed to
what the public may read, and they stop checking (`api.v2_prefetch`): a field left out of
`RELATIONS` would then show a hidden page. This holds the two lists together.
"""

from wagtail.api import APIField
from wagtail.models import get_page_models

from api.v2_prefetch import RELATIONS
from publications.serializers import (
    DeliverableSerializer,
    DocumentLinkSerializer,
    LivePagesSerializer,
    PageRefSerializer,
)

CHECKING = (DeliverableSerializer, DocumentLinkSerializer, LivePagesSerializer, PageRefSerializer)


def test_every_visibility_checking_field__is_prefetched_narrowed():
    checking = {
        (model, field.name)
        for model in get_page_models()
        for field in getattr(model, "api_fields", ())
        if isinstance(field, APIField) and isinstance(getattr(field.serializer, "child", field.serializer), CHECKING)
    }
    assert checking, "no field checks visibility: the serializers above were renamed"
    missing = sorted(f"{model.__name__}.{name}" for model, name in checking if name not in RELATIONS.get(model, {}))
    assert not missing, f"add to api.v2_prefetch.RELATIONS, narrowed: {missing}"
