"""The search fields every searchable page type adds to its ``search_fields``."""

from wagtail.search import index

# The normalised text is the field that matches queries; its boost puts it in
# PostgreSQL's top weight class (A), above the raw fields Wagtail indexes as well.
TEXT_BOOST = 10


def french_search_fields() -> list[index.BaseField]:
    """The normalised text (search) and folded title (autocomplete) of ``search.documents``.

    The model provides them through two methods, ``search_text_fr`` and ``search_title_fr``.
    """
    return [
        index.SearchField("search_text_fr", boost=TEXT_BOOST),
        index.AutocompleteField("search_title_fr"),
    ]
