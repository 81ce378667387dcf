"""Make the expiry date a filter field of every page, so searches can apply the visibility rule.

`publications.visibility` filters on ``expire_at`` by the clock, and Wagtail's search backends
accept only filters on the model's ``FilterField``s; ``Page`` does not declare this one. It is
added to ``Page.search_fields`` before any page model of the project copies that list.
(Elasticsearch: rebuild the index once so that existing documents carry the field.)
"""

from wagtail.models import Page
from wagtail.search import index

EXPIRY_FILTER = "expire_at"

if all(field.field_name != EXPIRY_FILTER for field in Page.search_fields):
    Page.search_fields = [*Page.search_fields, index.FilterField(EXPIRY_FILTER)]
