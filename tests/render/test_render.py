"""The renderer's Markdown, without MkDocs: links, anchors, sections and citations."""

from __future__ import annotations

import pytest

from macros.load import load_handbook
from macros.render import Renderer, escape_md
from macros.site import build_site
from macros.urls import Urls, canonical_path, relative
from tests.conftest import VALID

SITE_URL = "https://example.org/handbook/"


@pytest.fixture(scope="module")
def renderer() -> Renderer:
    return Renderer(load_handbook(VALID), Urls(SITE_URL))


def test_relative_links_between_files():
    """Links are relative Markdown paths, so MkDocs checks them at build time."""
    assert relative("principles/a.md", "boundaries/b.md") == "../boundaries/b.md"
    assert relative("principles/a.md", "faq.md", "gift") == "../faq.md#gift"
    assert relative("faq.md", "faq.md", "gift") == "#gift"
    assert relative("index.md", "principles/a.md") == "principles/a.md"


def test_public_paths_follow_the_url_contract():
    """A page's public path is its directory URL, whatever the build's URL style."""
    assert canonical_path("principles/a.md") == "principles/a/"
    assert canonical_path("principles/index.md") == "principles/"
    assert canonical_path("index.md") == ""


def test_links_inside_a_build_follow_its_url_style():
    """Raw HTML links are relative, with directory URLs online and .html files in the offline copy."""
    online, offline = Urls(SITE_URL, True), Urls(SITE_URL, False)
    assert online.page_to_file("principles/a.md", "p/a/index.html") == "../../p/a/"
    assert offline.page_to_file("principles/a.md", "p/a/index.html") == "../p/a/index.html"
    assert online.page_to_page("index.md", "faq.md", "x") == "faq/#x"
    assert offline.page_to_page("index.md", "faq.md", "x") == "faq.html#x"
    assert offline.page_to_page("principles/a.md", "index.md") == "../index.html"
    assert online.href("p/faq-x/index.html", "faq/#faq-x") == "../../faq/#faq-x"


def test_public_addresses_are_absolute_under_site_url():
    """Every address printed for people is absolute under site_url, also from a sub-path."""
    urls = Urls("https://example.org/sub/path")
    assert urls.permalink("a") == "https://example.org/sub/path/p/a/"
    assert urls.permalink("a", "q1") == "https://example.org/sub/path/p/a/q1/"
    assert urls.public_page("faq.md", "gift") == "https://example.org/sub/path/faq/#gift"
    assert urls.base_path == "/sub/path/"
    assert Urls("").permalink("a") == "/p/a/"


def test_titles_are_escaped():
    """A title with Markdown characters shows as written."""
    assert escape_md("a *b* [c]") == r"a \*b\* \[c\]"


def test_every_generated_page_renders_with_one_title(renderer):
    """Each page the data produces renders and has exactly one H1, outside code."""
    site = build_site(renderer.hb, renderer.urls)
    pages = [p for p in site.pages.values() if p.generated]
    assert {"principles/honesty.md", "dilemmas/index.md", "faq.md"} <= {p.src for p in pages}
    for page in pages:
        fence, titles = False, []
        for line in page.markdown.splitlines():
            fence = fence != line.startswith(("```", "~~~"))
            if not fence and line.startswith("# "):
                titles.append(line)
        assert len(titles) == 1, (page.src, titles)


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
    assert "1. Org A (2013). *Code A*. <https://example.org/a>" in text
    assert f'<a class="hb-permalink" href="../../p/honesty/">{SITE_URL}p/honesty/</a>' in text


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
    """A boundary page shows the range from clearly fine through grey to clearly not fine."""
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
    """A module page shows clock times that add up, and links the case its role-play uses."""
    text = renderer.item_page("intro")
    assert "| 0–10 min | [Welcome](#welcome) | 10 |" in text
    assert "| 10–30 min | [Case practice](#case) | 20 |" in text
    assert "Built on the case study [The gift](../dilemmas/the-gift.md)." in text


def test_hand_written_pages_get_links_outside_code():
    """[[id]] in a docs page becomes a link relative to that page; code is left alone."""
    from macros.docs import convert_refs

    hb = load_handbook(VALID)
    r = Renderer(hb, Urls(SITE_URL))
    text = convert_refs(
        "See [[honesty]], `[[nope]]` and ```\n[[x]]\n```.\n", lambda t, s, w: r.link(t, "org/about.md", s, w)
    )
    assert text == "See [Honesty](../principles/honesty.md), `[[nope]]` and ```\n[[x]]\n```.\n"


def test_crisis_box_comes_from_the_profile(renderer):
    """The crisis box names the line and how to reach it, from the profile, with a tap-to-call link."""
    box = renderer.crisis_box()
    assert box.startswith('!!! warning "In crisis? Test Line: call 000"')
    assert '<a class="hb-tel" href="tel:000">Call 000</a>' in box


def test_data_text_is_never_rendered_as_a_template(handbook_copy):
    """A title holding Jinja syntax is shown as written, on its page and in links to it."""
    path = handbook_copy / "data/principles/honesty.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Honesty", "title: Honesty {{ 6 + 7 }} {% if x %}"),
        encoding="utf-8",
    )
    hb = load_handbook(handbook_copy)
    site = build_site(hb, Urls(SITE_URL))
    assert site.pages["principles/honesty.md"].markdown.startswith("# Honesty {{ 6 + 7 }} {% if x %}\n")
    assert "13" not in site.pages["principles/honesty.md"].markdown.splitlines()[0]
