"""Sidebar entries of the apps' own admin pages."""

from typing import Any

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A sidebar entry shown to the users holding ``permission`` (its views check it again)."""

    def __init__(self, label: Any, url: str, *, permission: str, **kwargs: Any) -> None:
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request: Any) -> bool:
        return request.user.has_perm(self.permission)
