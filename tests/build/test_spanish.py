"""The Spanish site under /es/, as built: its language, its chrome, its switcher, its links and its exports."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.browser.conftest import site_pages


class _Head(HTMLParser):
    """The <html lang>, <title>, <link rel=alternate> and the language menu's links of one page."""

    def __init__(self):
        super().__init__()
        self.lang, self.title, self.alternates, self.menu, self._in_title = "", "", {}, {}, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "title":
            self._in_title = True
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a.get("href", "")
        elif tag == "a" and "md-select__link" in (a.get("class") or ""):
            self.menu[a.get("hreflang", "")] = (a.get("href", ""), a.get("lang", ""))

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def head_of(path: Path) -> _Head:
    parser = _Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def pages(site) -> dict[str, _Head]:
    return {p: head_of(site / p / "index.html" if not p.endswith(".html") else site / p) for p in site_pages(site)}


def _target(page: str, href: str) -> str:
    """The page a relative link of page leads to, as a site path."""
    return urlsplit(urljoin("https://x/" + page, href)).path.lstrip("/")


def test_every_spanish_page_is_marked_spanish_and_every_english_page_english(pages):
    """<html lang> is "es" on every page under es/ and "en" on every other page (the 404 page included)."""
    spanish = [p for p in pages if p.startswith("es/")]
    assert len(spanish) >= 150, f"only {len(spanish)} Spanish pages"
    assert sorted(p for p in spanish if pages[p].lang != "es") == []
    assert sorted(p for p in pages if not p.startswith("es/") and pages[p].lang != "en") == []


def test_every_page_has_its_counterpart_and_the_switcher_round_trips(pages):
    """Each page names the same page in the other language (hreflang and the menu); following it and back returns home."""
    problems = []
    for page, head in pages.items():
        if page.startswith("404"):
            continue
        other = "en" if page.startswith("es/") else "es"
        own = "es" if other == "en" else "en"
        if other not in head.alternates:
            problems.append(f"{page}: no hreflang={other}")
            continue
        there = _target(page, head.alternates[other])
        expected = page[3:] if own == "es" else "es/" + page
        if there != expected:
            problems.append(f"{page}: hreflang={other} leads to {there}, not {expected}")
            continue
        back = pages.get(there)
        if back is None or _target(there, back.alternates.get(own, "")) != page:
            problems.append(f"{page}: the way back from {there} does not return here")
        href, lang = head.menu.get(other, ("", ""))
        if _target(page, href) != expected or lang != other:
            problems.append(f"{page}: the language menu's {other} link is {href!r} (lang={lang!r})")
    assert problems == []


def test_spanish_titles_are_unique_and_spanish(pages):
    """No two Spanish pages share a <title>, and each ends with the Spanish handbook's name."""
    seen: dict[str, list[str]] = {}
    for page, head in pages.items():
        if page.startswith("es/"):
            seen.setdefault(head.title.strip(), []).append(page)
    assert {t: ps for t, ps in seen.items() if len(ps) > 1} == {}
    assert all(t.endswith("Manual de ética del apoyo entre pares") for t in seen), [
        t for t in seen if not t.endswith("Manual de ética del apoyo entre pares")
    ][:5]


CHROME = ("How to cite", "In crisis?", "More ways to get help", "Permanent link", "Examples", "Why it matters")


def test_spanish_pages_have_spanish_chrome_and_material_interface(site):
    """A Spanish page's chrome (crisis bar, headings of the template, citation) and Material's interface are Spanish."""
    for path in ("es/principles/confidentiality/", "es/boundaries/gifts/", "es/dilemmas/rent-money/", "es/faq/"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        text = re.sub(r"<script.*?</script>|<[^>]+>", " ", html, flags=re.S)
        assert [w for w in CHROME if w in text] == [], path
        assert "¿En crisis?" in text and "Llama al 988" in text, path
        assert 'placeholder="Búsqueda"' in html, path  # Material's own words, in Spanish
        assert "Sobre esta traducción" in text, path  # every translated page says it is not yet reviewed


def test_spanish_permanent_links_and_exports_live_under_es(site):
    """/es/p/<id>/ leads to the Spanish page; handbook.json carries both languages with absolute Spanish addresses."""
    stub = (site / "es" / "p" / "gifts" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../boundaries/gifts/"' in stub
    data = json.loads((site / "handbook.json").read_text(encoding="utf-8"))
    spanish = data["translations"]["es"]
    gifts = next(i for i in spanish["items"] if i["id"] == "gifts")
    assert gifts["url"].endswith("/es/boundaries/gifts/") and gifts["url"].startswith("https://")
    assert gifts["permalink"].endswith("/es/p/gifts/") and gifts["status"] == "current"
    assert gifts["title"] == "Regalos" and gifts["reviewed"] is False
    assert len(spanish["items"]) == len([i for i in data["items"] if i["kind"] != "source"])
    assert (site / "es" / "search" / "words.json").is_file()
