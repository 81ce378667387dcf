"""The two French search fields every searchable page type inherits and adds to its ``search_fields``."""

from typing import Any, cast

from django.db.models import Model
from wagtail.search import index

from search_text.documents import page_search_text, page_search_title

# The normalised text is the field that matches queries; its boost puts it in
# PostgreSQL's top weight class (A), above the raw fields Wagtail indexes as well.
TEXT_BOOST = 10


def french_search_fields() -> list[index.BaseField]:
    """The normalised text (search) and folded title (autocomplete) of ``SearchTextMixin``."""
    return [
        index.SearchField("search_text_fr", boost=TEXT_BOOST),
        index.AutocompleteField("search_title_fr"),
    ]


class SearchTextMixin:
    """A searchable page: the index asks it for ``search_text_fr`` and ``search_title_fr``.

    The page type adds ``*french_search_fields()`` to its ``search_fields``; what text counts
    for each type is in ``search_text.documents``, so no model needs a new column.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # The Elasticsearch mapping names a method's field after the class that defines it
        # (``publications_actionpage__search_text_fr``): each page type defines both itself.
        cls.search_text_fr = SearchTextMixin.search_text_fr  # type: ignore[method-assign]
        cls.search_title_fr = SearchTextMixin.search_title_fr  # type: ignore[method-assign]

    def search_text_fr(self) -> str:
        """French-normalised text for the search index."""
        return page_search_text(cast(Model, self))

    def search_title_fr(self) -> str:
        """Title folded for accent-blind autocomplete."""
        return page_search_title(cast(Model, self))
