"""Demo subscribers: a few dozen readers confirmed on the demo lists, each with its consent records.

A reader subscribes to the lists of one centre, under the consent text of that centre's site.
"""

from django.utils import timezone

from newsletters.models import NewsletterList
from subscribers.consent import consent_text
from subscribers.models import (
    ConsentAction,
    Source,
    Subscriber,
    SubscriberRole,
    Subscription,
    SubscriptionStatus,
)
from subscribers.services import consent_record

_FIRST_NAMES = ["Inès", "Karim", "Claire", "Mamadou", "Sophie", "Yacine", "Léa", "Thomas", "Aïcha", "Julien"]
_LAST_NAMES = ["Benali", "Durand", "Traoré", "Moreau", "Nguyen", "Lefèvre"]
_ORGANISATIONS = [
    "Ville de Saint-Denis",
    "Préfecture de la Seine-Saint-Denis",
    "Est Ensemble",
    "Plaine Commune",
    "Conseil citoyen de Sarcelles",
    "Centre social Les Tilleuls",
]
_ROLES = list(SubscriberRole.values)


def subscribers_load() -> None:
    """Create the demo readers that are missing; never touch existing ones."""
    by_centre: dict[int, list[NewsletterList]] = {}
    for newsletter_list in NewsletterList.objects.select_related("centre__site").order_by("centre__name", "name"):
        by_centre.setdefault(newsletter_list.centre_id, []).append(newsletter_list)
    groups = [(lists, consent_text(lists, site=lists[0].centre.site)) for lists in by_centre.values()]
    if not groups:
        return
    now = timezone.now()
    number = 0
    for first in _FIRST_NAMES:
        for last in _LAST_NAMES[:4]:
            email = f"{first.lower()}.{last.lower()}@example.org".replace("ï", "i").replace("è", "e").replace("é", "e")
            subscriber, created = Subscriber.objects.get_or_create(
                email=email,
                defaults={
                    "name": f"{first} {last}",
                    "organisation": _ORGANISATIONS[number % len(_ORGANISATIONS)],
                    "role": _ROLES[number % len(_ROLES)],
                },
            )
            if created:
                lists, text = groups[number % len(groups)]
                chosen = [lists[number % len(lists)]]
                # Every third reader takes a second list, where the centre has several.
                if number % 3 == 0 and len(lists) > 1:
                    chosen.append(lists[(number + 1) % len(lists)])
                for newsletter_list in chosen:
                    Subscription.objects.create(
                        subscriber=subscriber,
                        newsletter_list=newsletter_list,
                        status=SubscriptionStatus.CONFIRMED,
                        source=Source.FORM,
                        confirmed_at=now,
                    )
                    for action in (ConsentAction.REQUESTED, ConsentAction.CONFIRMED):
                        consent_record(
                            subscriber_id=subscriber.pk,
                            newsletter_list_id=newsletter_list.pk,
                            action=action,
                            source=Source.FORM if action == ConsentAction.REQUESTED else Source.EMAIL,
                            consent_text=text,
                            ip_address="192.0.2.1",
                        )
            number += 1
