"""Publication numbers are unique within a collection."""

import pytest

from tests import factories
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db


def test_publication__duplicate_number_in_the_same_collection_is_refused():
    existing = factories.PublicationPageFactory(number="12")

    assert_refused(
        lambda: factories.PublicationPageFactory(collection=existing.collection, number="12"),
        "number",
        "Ce numéro existe déjà dans cette collection.",
    )


def test_publication__same_number_in_another_collection_is_accepted():
    factories.PublicationPageFactory(number="12")

    factories.PublicationPageFactory(number="12").full_clean()


def test_publication__without_number_twice_in_a_collection_is_accepted():
    existing = factories.PublicationPageFactory(number="")

    factories.PublicationPageFactory(collection=existing.collection, number="").full_clean()
