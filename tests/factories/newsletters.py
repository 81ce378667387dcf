"""Factories of the newsletter lists (the issue pages live with the other pages in `pages`)."""

import factory
from django.utils.text import slugify

from newsletters.models import Frequency, NewsletterList
from tests.factories.centres import default_centre
from tests.factories.taxonomy import cycle


class NewsletterListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterList

    centre = factory.LazyFunction(default_centre)
    name = cycle(["Résonances", "La Lettre", "Parentalités"])
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    frequency = Frequency.MONTHLY
    sender_name = "Pôle ressources Ville et développement social"
    sender_email = "lettre@example.org"
    reply_to = "contact@example.org"
    description = "L'actualité de la politique de la ville pour les élu·e·s et les professionnel·le·s."
    is_active = True
