"""The renderer's Markdown, without MkDocs: links, anchors, sections and citations."""

from __future__ import annotations

import pytest

from macros.load import load_handbook
from macros.render import Renderer, escape_md, page_url, relative, relative_url
from tests.conftest import VALID


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_handbook(VALID))


def test_relative_links_between_files():
    """Links are relative Markdown paths, so MkDocs checks them at build time."""
    assert relative("principles/a.md", "boundaries/b.md") == "../boundaries/b.md"
    assert relative("principles/a.md", "faq.md", "gift") == "../faq.md#gift"
    assert relative("faq.md", "faq.md", "gift") == "#gift"
    assert relative("index.md", "principles/a.md") == "principles/a.md"


def test_page_urls():
    assert page_url("principles/a.md") == "principles/a/"
    assert page_url("principles/index.md") == "principles/"
    assert page_url("index.md") == ""
    assert relative_url("principles/a/", "p/a/") == "../../p/a/"
    assert relative_url("p/faq-x/", "faq/#faq-x") == "../../faq/#faq-x"


def test_titles_are_escaped():
    """A title with Markdown characters shows as written."""
    assert escape_md("a *b* [c]") == r"a \*b\* \[c\]"


def test_every_generated_page_renders(renderer):
    """Each page the data produces renders and starts with one H1."""
    pages = renderer.generated_pages()
    assert "principles/honesty.md" in pages and "dilemmas/index.md" in pages and "faq.md" in pages
    for src in pages:
        text = renderer.page(src)
        assert [line for line in text.splitlines() if line.startswith("# ")], src


def test_principle_page(renderer):
    """A principle shows its sections, explicit example anchors, who cites it, and its sources."""
    text = renderer.item_page("honesty")
    assert text.startswith("# Honesty\n")
    assert "## Examples {#examples}" in text
    assert "### An honest answer {#honest-answer}" in text
    assert "See [Gifts](../boundaries/gifts.md)." in text
    assert "- [The gift](../dilemmas/the-gift.md): A person offers a gift card at the last meeting." in text
    assert "- [Gifts](../boundaries/gifts.md)" in text
    assert "Peer supporters are honest and direct" in text
    assert "Trust needs honesty ([Smith et al. 2020](../sources.md#study-b))." in text
    assert "1. Org A (2013). *Code A*. [https://example.org/a](https://example.org/a)" in text
    assert '<a class="hb-permalink" href="../../p/honesty/">/p/honesty/</a>' in text


def test_dilemma_page(renderer):
    """A case study says it is fictional, anchors its questions and options, and walks the model in order."""
    text = renderer.item_page("the-gift")
    assert '!!! note "A fictional case"' in text
    assert '<div class="hb-question" id="q-accept" markdown>' in text
    assert "### Option 1: Accept it {#accept}" in text
    assert "You keep the rule; see [The gift: Accept it](#accept)." in text
    steps = [line for line in text.splitlines() if line.startswith("### ") and ". " in line and "Option" not in line]
    assert steps == ["### 1. Name it", "### 2. Weigh it", "### 3. Do it"]


def test_boundary_page_shows_the_range(renderer):
    text = renderer.item_page("gifts")
    for label in ("**Clearly fine**", "**Grey zone: it depends**", "**Clearly not fine**"):
        assert label in text
    assert "## Where codes differ {#codes-differ}" in text


def test_aliases_are_escaped_html(renderer):
    """Aliases feed search as visible text and cannot inject markup."""
    text = renderer.item_page("gifts")
    assert '<span class="hb-label">Also searched as:</span> gift card, present</p>' in text


def test_list_pages(renderer):
    """FAQ entries, terms and sources get explicit anchors; sources list where they are cited."""
    assert "## Can I accept a gift? {#can-i-accept-a-gift}" in renderer.page("faq.md")
    assert "## Boundary {#boundary-defined}" in renderer.page("glossary.md")
    sources = renderer.page("sources.md")
    assert '<div class="hb-source" id="study-b" markdown>' in sources
    assert "*Cited in:* [The gift](dilemmas/the-gift.md), [Honesty](principles/honesty.md)\n\n</div>" in sources
    assert "## 2013: Code A is published {#code-a-published}" in renderer.page("history.md")


def test_training_page_adds_up(renderer):
    text = renderer.item_page("intro")
    assert "| 0–10 min | [Welcome](#welcome) | 10 |" in text
    assert "| 10–30 min | [Case practice](#case) | 20 |" in text
    assert "Built on the case study [The gift](../dilemmas/the-gift.md)." in text


def test_hand_written_pages_get_checked_links(renderer):
    """[[id]] in a docs page becomes a link; code is left alone; unknown ids are reported."""
    text, errors = renderer.prose_outside_code("See [[honesty]], `[[nope]]` and [[honsety]].\n", "about.md")
    assert text.startswith("See [Honesty](principles/honesty.md), `[[nope]]` and [[honsety]].")
    assert errors == ["unknown id 'honsety' in [[...]] (did you mean 'honesty'?)"]


def test_crisis_box_comes_from_the_profile(renderer):
    box = renderer.crisis_box()
    assert box.startswith('!!! warning "In crisis? Test Line: call **000**"')
