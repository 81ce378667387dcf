"""Each response schema of the API has a name of its own: the OpenAPI document keys its components by class
name, so two classes of one name would make one of them describe the other's answers."""

from collections import Counter

from ninja import Schema

import api.urls  # noqa: F401  (imports every router and its schemas)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_api_schemas__no_two_classes_share_a_name():
    names = Counter(cls.__name__ for cls in set(_subclasses(Schema)) if cls.__module__.startswith("api."))

    assert [name for name, count in names.items() if count > 1] == []
