"""The search app's one table, ``search_pagedocument`` (PostgreSQL only; search/page_documents.py).

The model declares the columns the visibility rule and the filters read, under the names Page
gives them (``live``, ``expire_at``, ``path``, ``depth``, ``content_type``), so that
``publications.visibility.pages_visible`` and the search filters narrow these rows exactly as
they narrow pages: the rule is applied, not rewritten. The vectors and facet keys are read by
search/matching.py's SQL. The table is created by search/migrations/0002's SQL, not from these
fields, and written by the search index (search/backend.py); the model is managed all the same, so
that flushing a test database truncates it with the pages it references (search/db_router.py keeps
Django from reading it where it does not exist).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from wagtail.models import Page


class PageDocument(models.Model):
    page = models.OneToOneField(Page, on_delete=models.DO_NOTHING, primary_key=True, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.DO_NOTHING, related_name="+")
    live = models.BooleanField()
    expire_at = models.DateTimeField(null=True)
    path = models.CharField(max_length=255)
    depth = models.PositiveIntegerField()

    class Meta:
        db_table = "search_pagedocument"

    def __str__(self) -> str:
        return self.path
