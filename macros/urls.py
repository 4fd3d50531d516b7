"""One URL model for every output: relative links inside a build, absolute public addresses outside it.

Pages are named by their Markdown file ('principles/x.md'). Their public
address follows the URL contract, always with directory URLs
('principles/x/'), under the site's public address (site_url). Inside one
build, links between pages are relative and follow the build's
use_directory_urls: 'principles/x/' online, 'principles/x.html' in the
offline copy. Static files (redirect stubs, handbook.json) are named by
their path in the built site.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit


def canonical_path(src: str) -> str:
    """The public path of the page built from src: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/', 'index.md' -> ''."""
    stem = src[: -len(".md")] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def src_of_path(path: str) -> str:
    """The page behind a public path: 'principles/x/' -> 'principles/x.md', 'faq/#a' -> 'faq.md', '' -> 'index.md'."""
    path = path.split("#")[0].rstrip("/")
    return (path + ".md") if path else "index.md"


def relative(from_src: str, to_src: str, anchor: str | None = None) -> str:
    """Relative link between two Markdown files, as written in Markdown: '../dilemmas/x.md#q1'."""
    if from_src == to_src:
        return f"#{anchor}" if anchor else posixpath.basename(to_src)
    path = _relpath(to_src, posixpath.dirname(from_src))
    return path + (f"#{anchor}" if anchor else "")


@lru_cache(maxsize=65536)
def _relpath(to: str, start: str) -> str:
    """posixpath.relpath for two paths relative to the same root, without asking the operating system."""
    a, b = [p for p in start.split("/") if p], [p for p in to.split("/") if p]
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return "/".join([".."] * (len(a) - common) + b[common:]) or "."


@dataclass(frozen=True)
class Urls:
    """Where pages and files are, for one build.

    site_url: the public address ('https://example.org/handbook/'), or '' when none is set.
    directory_urls: MkDocs' use_directory_urls of this build.
    """

    site_url: str = ""
    directory_urls: bool = True
    prefix: str = ""  # the pages' language prefix ('es/'); '' for English, at the site's root

    def __post_init__(self) -> None:
        if self.site_url and not self.site_url.endswith("/"):
            object.__setattr__(self, "site_url", self.site_url + "/")

    @property
    def base_path(self) -> str:
        """The path the site is served from: '/' or '/handbook/'."""
        return urlsplit(self.site_url).path or "/" if self.site_url else "/"

    # --- inside the build -------------------------------------------------------------------------

    def page_file(self, src: str) -> str:
        """The HTML file built from a page: 'a/b/index.html', or 'a/b.html' without directory URLs."""
        stem = src[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return stem + ".html"
        return f"{stem}/index.html" if self.directory_urls else f"{stem}.html"

    def page_href(self, src: str) -> str:
        """A page's address in this build, relative to the site root: 'a/b/' or 'a/b.html'."""
        file = self.page_file(src)
        if self.directory_urls and file.endswith("index.html"):
            return file[: -len("index.html")]
        return file

    def file_href(self, path: str) -> str:
        """A static file's address in this build: 'p/x/index.html' -> 'p/x/' with directory URLs."""
        if self.directory_urls and (path == "index.html" or path.endswith("/index.html")):
            return path[: -len("index.html")]
        return path

    def href(self, from_file: str, to_href: str) -> str:
        """A relative link from the built file from_file ('a/b/index.html') to an address in this build."""
        target, _, frag = to_href.partition("#")
        base = posixpath.dirname(from_file) or "."
        is_dir = target == "" or target.endswith("/")
        out = posixpath.relpath(target.rstrip("/") or ".", base)
        if is_dir:
            out = "./" if out == "." else out + "/"
        return out + (f"#{frag}" if frag else "")

    def page_to_page(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """A relative link for raw HTML, from one page to another."""
        return self.href(self.page_file(from_src), self.page_href(to_src) + (f"#{anchor}" if anchor else ""))

    def page_to_file(self, from_src: str, path: str, anchor: str | None = None) -> str:
        """A relative link for raw HTML, from a page to a static file.

        Under a language prefix, pages are named without it (links between them stay relative), so
        the prefix is added here: permanent links (p/, c/) lead to that language's redirects, other
        files (assets, the export, the offline copy) are the site's own, at its root.
        """
        target = self.prefix + path if path.startswith(LOCAL_FILES) else path
        return self.href(
            self.prefix + self.page_file(from_src), self.file_href(target) + (f"#{anchor}" if anchor else "")
        )

    # --- outside the build ------------------------------------------------------------------------

    def public(self, path: str) -> str:
        """The public address of a site path ('p/x/', 'faq/#a', 'handbook.json').

        Absolute under site_url when one is set; else a path from the site's root.
        """
        return (self.site_url or "/") + path.lstrip("/")

    def public_page(self, src: str, anchor: str | None = None) -> str:
        return self.public(self.prefix + canonical_path(src) + (f"#{anchor}" if anchor else ""))

    def permalink(self, item_id: str, sub: str | None = None) -> str:
        """The permanent link of an item or sub-item: https://.../p/<id>/ or /p/<id>/<sub>/ (/es/p/... in Spanish)."""
        return self.public(f"{self.prefix}p/{item_id}/" + (f"{sub}/" if sub else ""))

    def edition(self, version: str, path: str = "") -> str:
        """The archive address of a published edition: https://.../editions/1.0/<path>."""
        return self.public(f"editions/{version}/{path.lstrip('/')}")


LOCAL_FILES = (
    "p/",
    "c/",
    "exports/",
    "search/",
)  # each language has its own: permanent links, LMS exports, search words


def permalink_file(item_id: str, sub: str | None = None) -> str:
    """Where the redirect stub of a permanent link lives in every build: p/<id>/[<sub>/]index.html."""
    return f"p/{item_id}/" + (f"{sub}/" if sub else "") + "index.html"
