"""The site's search box (Pagefind, read by docs/assets/search.js) answers what people type, calmly.

- The query table (tests/browser/search_queries.py, written blind from the
  handbook's content): at least 90% of the queries have a right page among the
  first three results, and no query gets no result at all. A result matches a
  page by its URL path ('boundaries/gifts/'); 'faq/#id' and 'glossary/#id' must
  be that very entry (its anchor). The rate is printed, with every miss.
- A typo is corrected and says "Showing results for".
- Every FAQ question and every glossary term, typed as it is written, is a
  result of its own, at its anchor, with a preview taken from that entry only;
  the FAQ or glossary page is then not listed again as a whole.
- Back closes an open search; the query is still there when the reader opens
  search again, on the same page or another.
- Hostile input (markup, only punctuation, 500 characters, other scripts) gets
  a calm answer and injects nothing; weak results show the suggestions.
- The box allows the keyboard's autocorrect, the markup has no form without a
  submit button, and the overlay's controls are at least 44 x 44 px on a phone.
- A page left idle fetches the search engine (script, worker, WebAssembly,
  everyday words, result titles) once; the first search then fetches only
  its query's index pieces and texts.

The table is typed into the real box with fill() (one input event) and read
once search.js marks the list with the query it answers (data-hb-query), which
keeps the whole table within seconds; the other tests type key by key.
"""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from tests.conftest import record_summary

from .conftest import DESKTOP, PHONE, goto, new_context, open_page, search
from .search_queries import QUERIES

pytestmark = pytest.mark.browser

RESULTS = "() => [...document.querySelectorAll('.md-search-result__list > li.md-search-result__item > a.md-search-result__link')].map(a => a.href)"
ANSWERED = "q => document.querySelector('.md-search-result__list').getAttribute('data-hb-query') === q"
SUGGESTIONS = ("crisis/", "decision-model/", "principles/", "boundaries/")


def answer(page, query: str) -> list[str]:
    """Put query in the box (one input event), press Enter (search at once, not after the typing pause) and
    return the result links once search.js has answered it."""
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "Enter")
    page.wait_for_function(ANSWERED, arg=query, timeout=15_000)
    return page.evaluate(RESULTS)


def right(target: str, path: str, anchor: str) -> bool:
    """'faq/#x' is that entry; any other target is its page."""
    if "#" in target:
        return f"{path}#{anchor}" == target
    return path == target


def split(served_site, url: str) -> tuple[str, str]:
    return served_site.path_of(url), url.split("#", 1)[1] if "#" in url else ""


def score_table(page, served_site, table) -> tuple[list[str], list[str], dict[str, list[str]]]:
    """Type every query of a table: (misses, as lines to print; queries with no results; links by query)."""
    misses, empty, found = [], [], {}
    for query, targets in table:
        links = found[query] = answer(page, query)
        top3 = [split(served_site, url) for url in links[:3]]
        if not links:
            empty.append(query)
        if not any(right(t, path, anchor) for t in targets for path, anchor in top3):
            shown = [f"{p}#{a}" if a else p for p, a in top3]
            misses.append(f"  {query!r}: expected {' or '.join(targets)}; top 3: {shown or 'no results'}")
    return misses, empty, found


def meta(page) -> str:
    return page.locator(".md-search-result__meta").text_content().strip()


@pytest.fixture(scope="module")
def search_page(browser_context, served_site):
    page = open_page(browser_context("light", DESKTOP), served_site.url(""))
    page.locator("input.md-search__input").click()
    page.wait_for_function(
        "() => !/Initializing search/i.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    yield page
    page.close()


def _built(served_site, path: str):
    return lxml_html.fromstring((served_site.root / path / "index.html").read_bytes())


def test_queries_table_is_sound(served_site):
    """The query table has at least 120 distinct queries, and every page and anchor it expects exists."""
    assert len(QUERIES) >= 120, len(QUERIES)
    assert len({q for q, _ in QUERIES}) == len(QUERIES), "a query appears twice"
    pages = set(served_site.pages)
    unknown = []
    for target in sorted({t for _, targets in QUERIES for t in targets}):
        path, _, anchor = target.partition("#")
        if path not in pages:
            unknown.append(target)
        elif anchor and not _built(served_site, path).xpath(f'//*[@id="{anchor}"]'):
            unknown.append(target)
    assert not unknown, f"expected pages or anchors that the site does not have: {unknown}"


def test_search_finds_the_right_page_in_the_top_3(search_page, served_site):
    """At least 90% of the everyday queries put a right page in the top three, and none gets no results."""
    misses, empty, _ = score_table(search_page, served_site, QUERIES)
    hits = len(QUERIES) - len(misses)
    rate = (
        f"search hit rate (a right page in the top 3): {hits}/{len(QUERIES)} = {hits / len(QUERIES):.1%}; "
        f"queries with no results: {len(empty)}"
    )
    record_summary(rate + "".join(f"\n{m}" for m in misses))
    assert not empty, f"{rate}; no results for: {empty}"
    assert hits >= 0.9 * len(QUERIES), rate + f"; {len(misses)} miss(es):\n" + "\n".join(misses)


def test_a_typo_is_corrected_and_said(browser_context, served_site):
    """A word with a letter wrong is searched as the handbook's word, and the meta line says so."""
    page = open_page(browser_context("light", DESKTOP), served_site.url(""))
    try:
        for typo, meant, page_path in [
            ("gitf card", "gift", "boundaries/gifts/"),
            ("confidentiallity", "confidentiality", "principles/confidentiality/"),
        ]:
            links = search(page, typo)
            said = meta(page)
            assert said.startswith("Showing results for"), f"{typo!r}: the meta line says {said!r}"
            assert meant in said, f"{typo!r}: the meta line says {said!r}"
            top3 = [served_site.path_of(u) for u in links[:3]]
            assert page_path in top3, f"{typo!r}: top 3 {top3}"
        search(page, "gift card")
        assert "Showing results for" not in meta(page), "a word the index knows was corrected"
    finally:
        page.close()


def _entries(served_site, path: str) -> dict[str, tuple[str, str]]:
    """id -> (heading, text of the entry as Pagefind reads it) for every h2 with an id on a page."""
    body = _built(served_site, path).xpath("//*[@data-pagefind-body]")[0]
    for ignored in body.xpath('.//*[@data-pagefind-ignore] | .//*[contains(@class, "headerlink")]'):
        ignored.drop_tree()
    out: dict[str, list[str]] = {}
    current = None
    for node in body:
        if node.tag == "h2" and node.get("id"):
            current = node.get("id")
            out[current] = [node.text_content().strip(), ""]
        if current:
            out[current][1] += " " + node.text_content()
    return {k: (h, t) for k, (h, t) in out.items()}


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def test_every_faq_question_and_glossary_term_is_a_result_of_its_own(search_page, served_site):
    """FAQ questions and glossary terms typed as written are results at their anchor (90% in the top 3), previewed from themselves."""
    problems, checked = [], 0
    for path in ("faq/", "glossary/"):
        entries = _entries(served_site, path)
        assert len(entries) >= 10, f"/{path}: only {len(entries)} entries with an id"
        for anchor, (heading, text) in entries.items():
            query = re.sub(r"[?.!]+$", "", heading)
            links = answer(search_page, query)
            top3 = [split(served_site, url) for url in links[:3]]
            checked += 1
            if (path, anchor) not in top3:
                problems.append(f"  {query!r}: not at /{path}#{anchor} in the top 3 ({top3})")
                continue
            if (path, "") in [split(served_site, url) for url in links]:
                problems.append(f"  {query!r}: /{path} is listed as a whole too")
            at = [split(served_site, url) for url in links].index((path, anchor))
            preview = search_page.locator(".md-search-result__item").nth(at).locator("p:not(.hb-search-where)")
            words = _alnum(preview.text_content())
            if not words or words not in _alnum(text):
                problems.append(f"  {query!r}: the preview is not from /{path}#{anchor}: {preview.text_content()!r}")
    assert checked >= 40
    found = checked - sum("not at" in p for p in problems)
    wrong = [p for p in problems if "not at" not in p]
    assert not wrong, f"{len(wrong)} of {checked} entries:\n" + "\n".join(wrong)
    assert found >= 0.9 * checked, f"{found}/{checked} entries at their anchor in the top 3:\n" + "\n".join(problems)


def test_an_faq_result_opens_at_its_question(browser_context, served_site):
    """Choosing an FAQ result opens the FAQ at that question, not at the top of the page."""
    page = open_page(browser_context("light", PHONE), served_site.url("principles/confidentiality/"))
    try:
        links = search(page, "what if someone tells me they want to die")
        wanted = served_site.url("faq/#someone-wants-to-die")
        assert wanted in links[:3], links[:3]
        page.locator(".md-search-result__link").nth(links.index(wanted)).click()
        page.wait_for_url(wanted)
        assert page.evaluate("document.getElementById('someone-wants-to-die').getBoundingClientRect().top") < 200
        assert page.evaluate("document.getElementById('__search').checked") is False
    finally:
        page.close()


def test_back_closes_the_search_and_the_query_is_kept(browser, served_site):
    """On a phone, Back closes an open search and stays on the page; the query is there when search opens again."""
    context = new_context(browser, "light", PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        goto(page, served_site.url(""))
        start = served_site.url("principles/confidentiality/")
        goto(page, start)
        assert search(page, "gift card")
        page.go_back()
        page.wait_for_function("() => !document.getElementById('__search').checked")
        assert page.url == start, f"Back left the page: {page.url}"
        page.locator("label.md-header__button[for='__search']").click()
        assert page.locator("input.md-search__input").input_value() == "gift card"
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('__search').checked")
        page.wait_for_function("() => !(history.state && history.state.hbSearch)")
        page.go_back()  # closing left no extra entry behind: Back now leaves for the page before
        page.wait_for_url(served_site.url(""))
        goto(page, served_site.url("boundaries/gifts/"))
        page.locator("label.md-header__button[for='__search']").click()
        assert page.locator("input.md-search__input").input_value() == "gift card", "the query was lost on another page"
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    finally:
        context.close()


HOSTILE = [
    "<img src=x onerror=window.__hbInjected=1>",
    "</mark><script>window.__hbInjected=1</script>",
    '"><b id=hb-injected>bold</b>',
    "!!! ??? ... ---",
    "'; DROP TABLE pages; --",
    " ".join(["my client asked me about money and a gift and a ride home"] * 9)[:500],
    "x" * 500,
    "привет как дела",
    "日本語で検索する",
    "مرحبا",
    "🙂🙂🙂",
    "%00 %3Cscript%3E \\u003c",
]


def test_hostile_input_gets_a_calm_answer_and_injects_nothing(browser_context, served_site):
    """Markup, punctuation, 500 characters or another script in the box: a calm line, no error, nothing injected."""
    page = open_page(browser_context("light", DESKTOP), served_site.url(""))
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    try:
        page.locator("input.md-search__input").click()
        for query in HOSTILE:
            answer(page, query)
            said = meta(page)
            assert said and "not available" not in said, f"{query[:40]!r}: the meta line says {said!r}"
            injected = page.evaluate(
                "() => !!window.__hbInjected || !!document.getElementById('hb-injected') ||"
                " document.querySelectorAll('.md-search-result script, .md-search-result img, .md-search-result b').length"
            )
            assert not injected, f"{query[:40]!r} injected markup"
        assert not errors, errors
    finally:
        page.close()


def test_weak_results_show_the_suggestions(search_page, served_site):
    """A query that finds little shows Get help now, the decision model, the principles and the boundaries."""
    box = search_page.locator(".hb-search-suggest")
    for query in ("zzqxv wkrpt", "!!!"):
        answer(search_page, query)
        assert box.is_visible(), f"{query!r}: no suggestions"
        hrefs = [served_site.path_of(h) for h in box.locator("a").evaluate_all("els => els.map(a => a.href)")]
        assert hrefs == list(SUGGESTIONS), hrefs
        assert set(hrefs) <= set(served_site.pages)
        assert box.locator("a").first.text_content().strip().startswith("Get help now")
    answer(search_page, "gift card")
    assert not box.is_visible(), "suggestions under strong results"


def test_words_about_danger_bring_the_crisis_lines_first(search_page, served_site):
    """A question about suicide, self-harm or an overdose, in everyday words or the handbook's, has Get help now first and its guidance after, and other questions do not."""
    for query in (
        "my friend keeps saying she wants to kill herself",
        "he is cutting again",
        "suicidal thoughts",
        "she took a bunch of pills",
        "she hurts herself when she is upset",  # an everyday phrase ("hurt herself") said with another ending
        "says everyone would be better off without me",
    ):
        links = [served_site.path_of(h) for h in answer(search_page, query)]
        assert links and links[0] == "crisis/", f"{query!r}: {links[:3]}"
        assert len(links) > 1, f"{query!r}: only the crisis page"
    for query in (
        "can i accept a gift",
        "carrying narcan at work",
        "who can i talk to about a hard case",
        "budget cuts",
    ):
        links = [served_site.path_of(h) for h in answer(search_page, query)]
        assert links and links[0] != "crisis/", f"{query!r}: {links[:3]}"


def test_an_everyday_word_with_an_ending_means_what_the_word_means(search_page, served_site):
    """An everyday word with an ending ('owes', 'cosigned') finds the page the word itself finds."""
    for query, target in (
        ("he owes me", "boundaries/money-and-loans/"),
        ("cosigned a lease", "boundaries/money-and-loans/"),
    ):
        links = [served_site.path_of(h) for h in answer(search_page, query)]
        assert target in links[:3], f"{query!r}: {links[:3]}"


def test_the_box_allows_autocorrect_and_needs_no_submit_button(search_page):
    """The search box lets the phone keyboard correct words, and its markup is no form without a submit button."""
    box = search_page.locator("input.md-search__input")
    assert box.get_attribute("autocorrect") != "off"
    assert box.get_attribute("spellcheck") != "false"
    assert search_page.locator("[data-hb-search] [role='search']").count() == 1
    forms = search_page.locator("[data-hb-search] form")
    for i in range(forms.count()):
        assert forms.nth(i).locator("[type='submit']").count(), "a search form without a submit button"


def test_search_controls_are_44_px_on_a_phone(browser, served_site):
    """On a phone the open search's back arrow, clear button and suggestions are at least 44 x 44 px."""
    context = new_context(browser, "light", PHONE, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        goto(page, served_site.url(""))
        small = []
        for query, selectors in [
            ("zzqxv", ("label.md-search__icon[for='__search']", ".hb-search-clear", ".hb-search-suggest a")),
            ("gift", (".md-search-result__link",)),
        ]:
            if query == "zzqxv":
                search(page, query)
            else:
                answer(page, query)
            for selector in selectors:
                boxes = page.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect().toJSON())")
                assert boxes, f"{selector}: not shown"
                small += [
                    f"{selector}: {b['width']:.0f} x {b['height']:.0f}"
                    for b in boxes
                    if min(b["width"], b["height"]) < 44
                ]
        assert not small, small
    finally:
        context.close()


#: What every first search needs whatever is typed: search.js fetches it once the page is idle.
PREFETCHED = re.compile(
    r"/pagefind/(pagefind\.js|pagefind-worker\.js|wasm\.en\.pagefind|pagefind\.en_\w+\.pf_meta)$|/search/(words|pages)\.json$"
)


def test_an_idle_page_fetches_the_search_engine_and_the_first_search_only_its_words(browser, served_site):
    """A page left idle fetches the search engine once; the first search then fetches only its query's index and texts, and lists results with titles."""
    context = new_context(browser, "light", PHONE)
    try:
        page = context.new_page()
        goto(page, served_site.url("principles/confidentiality/"))
        page.wait_for_load_state("networkidle")
        paths = [p.split("?")[0] for p, status in list(served_site.served)]
        missing = [
            name
            for name in ("pagefind.js", "pagefind-worker.js", "wasm.en.pagefind", "words.json", "pages.json")
            if not any(p.endswith(name) for p in paths)
        ]
        assert not missing, f"the idle page did not fetch {missing}"
        before = len(served_site.served)
        links = search(page, "gift")
        assert links, "no result for 'gift'"
        fetched = [p.split("?")[0] for p, status in served_site.served[before:] if status == 200]
        again = [p for p in fetched if PREFETCHED.search(p)]
        assert not again, f"the first search fetched again what the idle page had fetched: {again}"
        assert any(p.endswith(".pf_index") for p in fetched), f"the first search fetched no index piece: {fetched}"
        titles = page.evaluate(
            "() => [...document.querySelectorAll('.md-search-result__item h1')].map(h => h.textContent)"
        )
        assert titles and all(t.strip() for t in titles), f"results without a title: {titles}"
    finally:
        context.close()
