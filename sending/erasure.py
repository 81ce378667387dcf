"""Erasing a subscriber (GDPR) leaves their deliveries as anonymous counts: the address copy goes too."""

from typing import Any

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from sending.models import Delivery
from subscribers.models import Subscriber


@receiver(pre_delete, sender=Subscriber, dispatch_uid="sending.deliveries_anonymise")
def deliveries_anonymise(sender: type[Subscriber], instance: Subscriber, **kwargs: Any) -> None:
    # The foreign key is then set to null by the deletion itself; open rows get cancelled by the worker.
    Delivery.objects.filter(subscriber=instance).update(email="", message_id="", error="")
