"""The French normaliser: the same terms for the forms a reader considers the same word."""

import re

import pytest

from config.settings.search import INCLUSIVE_WRITING_PATTERN
from search_text.french import MAX_QUERY_WORDS, fold_words, normalise, query_terms, terms


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("évaluation", "evaluation"),
        ("Évaluer", "évaluation"),
        ("conseils citoyens", "conseil citoyen"),
        ("les élu·e·s", "élus"),
        ("les élu·e·s", "élu"),
        ("élu.e.s", "élus"),
        ("élu(e)s", "élus"),
        ("coordonnateur·rice·s", "coordonnateurs"),
        ("professionnel·le·s", "professionnels"),
        ("conseiller·ère·s", "conseillers"),
        ("nouveaux·elles", "nouveaux"),
        ("porteur·euse·s", "porteurs"),
        ("emplois", "emploi"),
        ("discriminations", "discrimination"),
        ("l'égalité", "égalité"),
        ("d’emploi", "emploi"),
        ("cœur", "coeur"),
        ("RÉNOVATION URBAINE", "rénovation urbaine"),
    ],
)
def test_terms__forms_a_reader_takes_for_the_same_word_match(written, typed):
    assert terms(written) == terms(typed)


def test_terms__stop_words_are_dropped():
    assert terms("la participation des habitants et de la ville") == terms("participation habitants ville")


def test_terms__hyphenated_place_names_keep_every_part():
    assert len(terms("Seine-Saint-Denis")) == 3


def test_terms__a_period_between_sentences_is_not_inclusive_writing():
    assert terms("la fin.Le début") == terms("fin début")


def test_normalise__only_letters_and_digits_survive():
    assert re.fullmatch(r"[a-z0-9 ]*", normalise('« Élu·e·s » : 100 % ; <b>gras</b> & "guillemets" — ’apostrophes’'))


@pytest.mark.parametrize(
    "hostile",
    [
        "",
        "   ",
        "''; DROP TABLE wagtailcore_page; --",
        'title:(foo OR bar)^3 AND -baz~2 +qux* "phrase" [1 TO 5] {a TO b} \\ /regex/',
        'NEAR(a b) a* ^ ( ) " * : -',
        "&&& ||| !!! ??? ... ;;; ```",
        "\x00\x01\u200b\ufeff",
        "é" * 10_000,
        "mot " * 5_000,
    ],
)
def test_query_terms__hostile_input_gives_plain_bounded_terms(hostile):
    result = query_terms(hostile)
    assert len(result) <= MAX_QUERY_WORDS
    assert all(re.fullmatch(r"[a-z0-9]+", term) for term in result)


def test_query_terms__each_term_once_in_order():
    assert query_terms("ville villes Ville santé") == [terms("ville")[0], terms("santé")[0]]


def test_fold_words__keeps_stop_words_and_prefixes_for_autocomplete():
    assert fold_words("L'évaluation des élu·e·s") == ["evaluation", "des", "elus"]


@pytest.mark.parametrize(
    ("text", "plain"),
    [("les élu·e·s", "les élu"), ("coordonnateur·rice·s ASV", "coordonnateur ASV"), ("Saint-Denis", "Saint-Denis")],
)
def test_elasticsearch_char_filter__pattern_reduces_inclusive_writing(text, plain):
    # The same pattern goes to Elasticsearch's pattern_replace char filter (Java regex, "$1").
    assert re.sub(INCLUSIVE_WRITING_PATTERN, r"\1", text) == plain
