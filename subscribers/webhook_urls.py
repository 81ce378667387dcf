"""/webhooks/anymail/<provider>/tracking/: anymail's addresses, behind `subscribers.webhook_views`."""

from django.urls import path

from subscribers.webhook_views import WEBHOOK_PROVIDERS, tracking_webhook

app_name = "anymail"

urlpatterns = [
    path(f"{name}/tracking/", tracking_webhook, {"provider": name}, name=f"{name}_tracking_webhook")
    for name in WEBHOOK_PROVIDERS
]
# Anymail's combined Mandrill address, which Mandrill's own docs give.
urlpatterns.append(path("mandrill/", tracking_webhook, {"provider": "mandrill"}, name="mandrill_webhook"))
