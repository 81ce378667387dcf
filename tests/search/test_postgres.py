"""PostgreSQL: the French text search configuration the database backend is set to use."""

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only"),
]


def test_french_unaccent__folds_accents_and_stems():
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('french_unaccent', 'Les élus évaluent l''évaluation des Conseils')")
        (vector,) = cursor.fetchone()
    assert "'elus'" in vector
    assert "'evalu'" in vector
    assert "'conseil'" in vector
    assert "'les'" not in vector
