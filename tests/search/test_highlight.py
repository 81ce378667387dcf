"""Excerpts: the passage around the query's terms, marked, and always escaped."""

from search.highlight import excerpt
from search_text.french import query_terms


def test_excerpt__marks_every_form_of_the_terms():
    html = excerpt("Les élu·e·s et l'évaluation des Conseils citoyens.", query_terms("élus conseil citoyen évaluer"))
    assert str(html) == (
        "Les <mark>élu·e·s</mark> et <mark>l&#x27;évaluation</mark> des <mark>Conseils</mark> <mark>citoyens.</mark>"
    )


def test_excerpt__picks_the_passage_where_the_terms_are():
    text = " ".join(["remplissage"] * 200 + ["la", "santé", "mentale", "des", "jeunes"] + ["suite"] * 200)
    html = str(excerpt(text, query_terms("santé mentale"), size=20))
    assert "<mark>santé</mark> <mark>mentale</mark>" in html
    assert html.startswith("… ")
    assert html.endswith(" …")


def test_excerpt__escapes_the_page_text():
    html = str(excerpt("<script>alert('santé')</script> & santé", query_terms("santé")))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "&amp;" in html


def test_excerpt__empty_text_gives_empty_excerpt():
    assert excerpt("", ["sant"]) == ""
