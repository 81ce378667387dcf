"""Admin glue: the « Inscriptions » menu."""

from wagtail import hooks

from registrations.viewsets import RegistrationsGroup


@hooks.register("register_admin_viewset")
def register_registrations_group() -> RegistrationsGroup:
    return RegistrationsGroup()
