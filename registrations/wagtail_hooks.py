"""Admin glue: the « Inscriptions » menu, and the page writing to the people of a session."""

from django.urls import URLPattern, path
from wagtail import hooks

from registrations.admin_messages import session_message_view
from registrations.viewsets import RegistrationsGroup


@hooks.register("register_admin_viewset")
def register_registrations_group() -> RegistrationsGroup:
    return RegistrationsGroup()


@hooks.register("register_admin_urls")
def register_session_message_urls() -> list[URLPattern]:
    return [
        path(
            "inscriptions/message/<int:action_id>/",
            session_message_view,
            name="registrations_session_message",
        ),
        path(
            "inscriptions/message/<int:action_id>/<int:session_id>/",
            session_message_view,
            name="registrations_session_message",
        ),
    ]
