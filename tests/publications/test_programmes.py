"""A centre has one programme per year."""

import pytest

from tests import factories
from tests.validation import assert_refused

pytestmark = pytest.mark.django_db


def test_programme__duplicate_year_for_the_same_centre_is_refused():
    existing = factories.ProgrammePageFactory(year=2017)

    assert_refused(
        lambda: factories.ProgrammePageFactory(centre=existing.centre, year=2017),
        "year",
        "Ce centre a déjà un programme pour l'année 2017.",
    )


def test_programme__changing_the_year_to_a_taken_one_is_refused():
    existing = factories.ProgrammePageFactory(year=2017)
    other = factories.ProgrammePageFactory(centre=existing.centre, year=2018)
    other.year = 2017

    assert_refused(other.full_clean, "year", "Ce centre a déjà un programme pour l'année 2017.")


def test_programme__same_year_for_another_centre_is_accepted():
    factories.ProgrammePageFactory(year=2017)

    factories.ProgrammePageFactory(year=2017).full_clean()


def test_programme__next_year_for_the_same_centre_is_accepted():
    existing = factories.ProgrammePageFactory(year=2017)

    factories.ProgrammePageFactory(centre=existing.centre, year=2018).full_clean()


def test_programme__saving_again_is_not_a_duplicate_of_itself():
    programme = factories.ProgrammePageFactory(year=2017)

    programme.save()
    programme.full_clean()
