"""Newsletter issues: one number per list, by validation and by the database."""

import pytest
from django.db import IntegrityError, transaction

from tests import factories
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db


def test_issue__duplicate_number_in_the_same_list_is_refused_by_clean():
    resonances = factories.NewsletterListFactory(name="Résonances")
    factories.NewsletterIssuePageFactory(newsletter_list=resonances, number=12)

    assert_refused(
        lambda: factories.NewsletterIssuePageFactory(newsletter_list=resonances, number=12),
        "number",
        "Le numéro 12 existe déjà pour « Résonances ».",
    )


def test_issue__changing_to_a_taken_number_is_refused_by_clean():
    first = factories.NewsletterIssuePageFactory(number=12)
    second = factories.NewsletterIssuePageFactory(newsletter_list=first.newsletter_list, number=13)
    second.number = 12

    assert_refused(second.full_clean, "number", f"Le numéro 12 existe déjà pour « {first.newsletter_list.name} ».")


def test_issue__duplicate_number_in_the_same_list_is_refused_by_the_database():
    first = factories.NewsletterIssuePageFactory(number=12)
    second = factories.NewsletterIssuePageFactory(newsletter_list=first.newsletter_list, number=13)
    second.number = 12

    with pytest.raises(IntegrityError), transaction.atomic():
        second.save(clean=False)


def test_issue__same_number_in_another_list_is_accepted():
    factories.NewsletterIssuePageFactory(number=12)

    factories.NewsletterIssuePageFactory(number=12).full_clean()
