"""The handbook makes no request to any other site: no fonts, analytics or CDN.

In the browser: every page is loaded (in the sweep, see sweep.py) and one search
is run, recording every request; each must go to the local server's origin
(data: and blob: URLs are allowed: they never leave the browser). In the files:
no <script src>, <link href> or other loaded resource of any HTML file of the
built site points outside the site, and no HTML file names a font service, an
analytics service or a CDN.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from macros.linkcheck import LOADED as LINK_RELS_THAT_LOAD

from .conftest import DESKTOP, new_context, open_page, search

pytestmark = pytest.mark.browser

LOCAL_SCHEMES = ("data:", "blob:")

# Services that would learn about a reader: named by their hosts or their script snippets, not by prose words.
THIRD_PARTY = re.compile(
    r"fonts\.googleapis\.com|fonts\.gstatic\.com|use\.typekit|fonts\.bunny\.net"
    r"|googletagmanager\.com|google-analytics\.com|\bgtag\s*\(|__md_analytics|_paq\.push|plausible\.io|matomo"
    r"|static\.cloudflareinsights|clarity\.ms|hotjar|segment\.(io|com)|mixpanel|posthog"
    r"|cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|polyfill\.io|ajax\.googleapis\.com|code\.jquery\.com"
    r"|kit\.fontawesome\.com|stackpath\.bootstrapcdn\.com|cdn\.skypack\.dev|esm\.sh",
    re.IGNORECASE,
)

# (tag, attribute) pairs whose URL the browser fetches by itself
LOADED = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("embed", "src"),
    ("object", "data"),
    ("track", "src"),
    ("input", "src"),
    ("image", "href"),
}


def is_local(url: str, origin: str) -> bool:
    if url.startswith(LOCAL_SCHEMES):
        return True
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" == origin


def test_loading_every_page_stays_on_the_local_server(sweep, served_site):
    """Loading every page makes requests to the site's own server only."""
    here = lambda url: served_site.origin + url[len(sweep.origin) :] if url.startswith(sweep.origin) else url  # noqa: E731
    documents = {served_site.path_of(here(url)) for _, url, kind in sweep.requests if kind == "document"}
    assert set(sweep.pages) <= documents, f"pages never loaded: {sorted(set(sweep.pages) - documents)}"
    outside = sorted({(page, url) for page, url, _ in sweep.requests if not is_local(url, sweep.origin)})
    assert not outside, "requests to another origin:\n" + "\n".join(f"  /{p}: {u}" for p, u in outside)


def test_a_search_stays_on_the_local_server(browser, served_site):
    """A search fetches Pagefind's own index pieces from the site, and nothing from anywhere else."""
    context = new_context(browser, "light", DESKTOP)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = open_page(context, served_site.url("principles/confidentiality/"))
        assert search(page, "friend request"), "the search showed no results"
    finally:
        context.close()
    assert [url for url in requests if "/pagefind/" in url], "the search never fetched Pagefind's index"
    assert not [url for url in requests if url.endswith("search_index.json")], (
        "Material's whole-site index was fetched online"
    )
    outside = [url for url in requests if not is_local(url, served_site.origin)]
    assert not outside, "requests to another origin during a search:\n  " + "\n  ".join(outside)


class _Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for t, attr in LOADED:
            if t == tag and values.get(attr):
                if tag == "link" and not set((values.get("rel") or "").lower().split()) & LINK_RELS_THAT_LOAD:
                    continue  # rel=canonical, rel=alternate: an address, not a request
                self.urls.append((tag, values[attr]))
        if values.get("srcset"):
            self.urls += [(tag, part.strip().split(" ")[0]) for part in values["srcset"].split(",") if part.strip()]
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = (values.get("content") or "").partition("url=")[2]
            if target:
                self.urls.append(("meta refresh", target))


def _outside_site(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.scheme and parts.scheme not in ("data", "blob")) or url.strip().startswith("//")


def html_files(root):
    files = sorted(root.rglob("*.html"))
    assert files, f"no HTML file in {root}"
    return files


def test_html_loads_nothing_from_outside_the_site(served_site):
    """No HTML file makes the browser fetch anything from another site."""
    problems = []
    for path in html_files(served_site.root):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        for tag, url in parser.urls:
            if _outside_site(url):
                problems.append(f"  {path.relative_to(served_site.root)}: <{tag}> {url}")
    assert not problems, "resources from outside the site:\n" + "\n".join(problems)


def test_html_names_no_font_analytics_or_cdn_service(served_site):
    """No HTML file names a font service, an analytics service or a CDN."""
    problems = []
    for path in html_files(served_site.root):
        text = path.read_text(encoding="utf-8")
        for match in THIRD_PARTY.finditer(text):
            context = text[max(0, match.start() - 60) : match.end() + 40].replace("\n", " ")
            problems.append(f"  {path.relative_to(served_site.root)}: {match.group(0)!r} in ...{context}...")
    assert not problems, "third-party services named in the built HTML:\n" + "\n".join(problems)
