"""A territory and everything beneath it: « 93 » includes Plaine Commune, Saint-Denis and its quartiers.

Every filter by territory (the public listings, the agenda's calendar feed, both APIs) widens the
chosen territories this one way. The tree is a few thousand rows at most (régions down to
quartiers), so it is read whole in one query and walked in memory, whatever its depth.
"""

from collections import defaultdict
from collections.abc import Iterable

from publications.models import Territory


def territory_ids_within(*, ids: Iterable[int] = (), code: str = "") -> set[int]:
    """The territories of `ids`, or those whose code is `code` (any case), and all their descendants.

    Empty when none exists, so that a caller can report an unknown territory.
    """
    children: dict[int | None, list[int]] = defaultdict(list)
    pending = list(ids)
    for pk, parent_id, row_code in Territory.objects.values_list("pk", "parent_id", "code"):
        children[parent_id].append(pk)
        if code and row_code.lower() == code.lower():
            pending.append(pk)
    known = {pk for pks in children.values() for pk in pks}
    found: set[int] = set()
    while pending:
        current = pending.pop()
        if current in found or current not in known:
            continue
        found.add(current)
        pending.extend(children.get(current, ()))
    return found
