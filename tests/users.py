"""Users of each editorial role and the team of the tests: the roles of a centre are the default centre's
(tests/factories/centres.py; its groups come from centres.roles), Administration the instance's."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from centres.models import Centre
from editorial import roles
from editorial.models import CentreGroup
from tests.factories.centres import default_centre

PASSWORD = "mot-de-passe-de-test"


def role_group(role: str, centre: Centre | None = None) -> Group:
    """The group of a centre role in ``centre`` (the default one); any other group by its name."""
    if role not in roles.CENTRE_ROLES:
        return Group.objects.get(name=role)
    return CentreGroup.objects.get(centre=centre or default_centre(), role=role).group


def centre_member(user: Any, centre: Centre | None = None) -> Any:
    """``user`` acts for ``centre`` (the default one): a member of its Bureau, which gives no permission
    in the admin beyond the board's own, for tests whose permissions are given one by one."""
    user.groups.add(role_group(roles.BOARD, centre))
    return user


def user_with_role(username: str, role: str | None, centre: Centre | None = None, **fields: Any) -> Any:
    """An active user in the group of ``role`` (in ``centre``, the default one unless given), named after
    ``username`` unless ``fields`` name it."""
    first_name, _, last_name = username.partition(".")
    fields = {"first_name": first_name.capitalize(), "last_name": last_name.capitalize(), **fields}
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **fields
    )
    if role:
        user.groups.add(role_group(role, centre))
    return user


@dataclass(frozen=True)
class Team:
    editor: Any
    reviewer: Any
    board: tuple[Any, Any, Any]
    administrator: Any
    superuser: Any

    def by_role(self, role: str) -> Any:
        return {
            roles.EDITORS: self.editor,
            roles.REVIEWERS: self.reviewer,
            roles.BOARD: self.board[0],
            roles.ADMINISTRATORS: self.administrator,
        }[role]


def team_create() -> Team:
    """One user per role, three board members (a validation needs two of them) and a superuser in no group."""
    board = (
        user_with_role("anne.lefevre", roles.BOARD, last_name="Lefèvre"),
        user_with_role("bruno.petit", roles.BOARD),
        user_with_role("chloe.moreau", roles.BOARD, first_name="Chloé"),
    )
    return Team(
        editor=user_with_role("lea.dubois", roles.EDITORS, first_name="Léa"),
        reviewer=user_with_role("karim.haddad", roles.REVIEWERS),
        board=board,
        administrator=user_with_role("sophie.bernard", roles.ADMINISTRATORS),
        superuser=user_with_role("camille.martin", None, is_superuser=True, is_staff=True),
    )
