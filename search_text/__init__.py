"""What the search index gets from each page, below the content that inherits it.

``french`` normalises text for the index and the queries alike, ``documents`` says which text of
each content type counts, and ``mixin.SearchTextMixin`` gives a page type its two indexed fields.
Not a Django app (no models): the content apps import it, and the ``search`` app above reads with it.
"""
