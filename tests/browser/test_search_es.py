"""Search on the Spanish pages: Spanish words find Spanish pages, with or without accents, never nothing.

The table (search_queries_es.py) was written blind, before any Spanish search ran; a held-out table
of 40 more queries, never used to tune, is measured by bench/search_quality.py.
"""

from __future__ import annotations

import pytest

from tests.conftest import record_summary

from .conftest import DESKTOP, open_page
from .search_queries_es import QUERIES_ES
from .test_search import answer, meta, score_table, split

pytestmark = pytest.mark.browser

#: The floor this table is held to. Measured: 87.1% (61/70) on the first run, before anything was
#: tuned on it, and the held-out table 85.0% (34/40). The search issue's target is 90%.
FLOOR = 0.85


@pytest.fixture(scope="module")
def spanish_page(browser_context, served_site):
    page = open_page(browser_context("light", DESKTOP), served_site.url("es/principles/confidentiality/"))
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !/Preparando la búsqueda/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    yield page
    page.close()


def test_spanish_table_is_sound(served_site):
    """The Spanish table has at least 50 queries, each naming one to three Spanish pages the site has."""
    pages = set(served_site.pages)
    assert len(QUERIES_ES) >= 50
    for query, targets in QUERIES_ES:
        assert 1 <= len(targets) <= 3, query
        for target in targets:
            assert target.startswith("es/") and target.split("#")[0] in pages, (query, target)


def test_spanish_queries_find_the_right_spanish_page(spanish_page, served_site):
    """Spanish everyday queries put a right /es/ page in the top three (at least FLOOR of them), none gets nothing."""
    misses, empty, found = score_table(spanish_page, served_site, QUERIES_ES)
    english = [q for q, links in found.items() if any(not split(served_site, u)[0].startswith("es/") for u in links)]
    hits = len(QUERIES_ES) - len(misses)
    rate = (
        f"Spanish search hit rate (a right page in the top 3): {hits}/{len(QUERIES_ES)} = "
        f"{hits / len(QUERIES_ES):.1%}; queries with no results: {len(empty)}"
    )
    record_summary(rate + "".join(f"\n{m}" for m in misses))
    assert not empty, f"{rate}; no results for: {empty}"
    assert not english, f"results outside /es/ for: {english}"
    assert hits >= FLOOR * len(QUERIES_ES), rate + "\n" + "\n".join(misses)


def test_a_word_without_its_accents_finds_the_accented_word(spanish_page, served_site):
    """A word typed without its accents ('clinica') is searched as the pages spell it ('clínica'), and the box says so."""
    for typed, meant in [("clinica", "clínica"), ("situacion", "situación")]:
        links = answer(spanish_page, typed)
        said = meta(spanish_page)
        assert links, f"{typed!r}: no results"
        assert said.startswith("Se muestran resultados para") and meant in said, f"{typed!r}: {said!r}"
        assert all(split(served_site, u)[0].startswith("es/") for u in links), links
    answer(spanish_page, "clínica")
    assert "Se muestran resultados para" not in meta(spanish_page), "a word the index knows was corrected"
    top3 = [split(served_site, u)[0] for u in answer(spanish_page, "recaida")[:3]]
    assert "es/dilemmas/my-own-return-to-use/" in top3, top3
    top3 = [split(served_site, u)[0] for u in answer(spanish_page, "confidencialida")[:3]]  # a letter short
    assert "es/principles/confidentiality/" in top3, top3


def test_everyday_spanish_words_lead_to_their_topics(spanish_page, served_site):
    """Slang in the Spanish words file (lana, troca, textear) finds the topic it means."""
    for query, pages in [
        ("me pidió lana", {"es/boundaries/money-and-loans/"}),
        ("llevarla en mi troca", {"es/boundaries/giving-rides/"}),
        ("me textea a medianoche", {"es/boundaries/after-hours-contact/", "es/boundaries/social-media-and-texting/"}),
    ]:
        top3 = [split(served_site, u)[0] for u in answer(spanish_page, query)[:3]]
        assert pages & set(top3), f"{query!r}: top 3 {top3}"
