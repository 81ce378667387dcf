"""Admin glue: the « Abonnés » menu and its views."""

from wagtail import hooks

from subscribers.viewsets import SubscriberViewSet

subscriber_viewset = SubscriberViewSet()


@hooks.register("register_admin_viewset")
def register_subscriber_viewset() -> SubscriberViewSet:
    return subscriber_viewset
