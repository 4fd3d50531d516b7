"""Check a built site the way a reader's browser would: every link, every anchor, every redirect.

It reads the HTML files of a built site (online, offline copy, a fork, a
sub-path build, the generator-neutral tree) and reports every internal link
that leads nowhere, every #anchor that is missing on its page (following
redirect stubs), and every address that points at the build machine
(127.0.0.1, localhost). `handbook linkcheck DIR` runs it from the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

LOCAL = re.compile(r"(?:https?:)?//(?:127\.0\.0\.1|localhost|0\.0\.0\.0)(?::\d+)?", re.I)


#: <link rel=...> kinds that make the browser fetch something (a canonical or alternate link does not).
LOADED = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "manifest",
    "apple-touch-icon",
    "preconnect",
    "dns-prefetch",
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.anchors: list[str] = []  # hrefs of <a> links, the ones a reader follows
        self.resources: list[str] = []  # what the browser loads: scripts, styles, images
        self.refresh: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in ("href", "src"):
            if tag in ("a", "link", "script", "img", "source", "iframe") and a.get(attr):
                self.links.append(a[attr])
                if tag == "a":
                    self.anchors.append(a[attr])
                loads = tag != "a" and not (tag == "link" and not set((a.get("rel") or "").lower().split()) & LOADED)
                if loads:
                    self.resources.append(a[attr])
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "refresh" and "url=" in (a.get("content") or ""):
            self.refresh = a["content"].split("url=", 1)[1].strip()


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.broken


class SiteLinks:
    """A built site in a folder, served at site_url (its path is the base the site lives under)."""

    #: Paths of the public site that other builds publish beside this one: the archive of each edition.
    ELSEWHERE = ("editions/",)

    def __init__(self, root: Path, site_url: str = "", directory_urls: bool = True):
        self.root = Path(root).resolve()
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.base_path = urlsplit(self.site_url).path if self.site_url else "/"
        self.directory_urls = directory_urls
        self._parsed: dict[Path, _Page] = {}

    def page(self, path: Path) -> _Page:
        path = path.resolve()
        if path not in self._parsed:
            self._parsed[path] = parse(path)
        return self._parsed[path]

    def target(self, from_file: Path, href: str) -> Path | None:
        """The file a link leads to inside the site, or None for a link to elsewhere."""
        if self.site_url and href.startswith(self.site_url):
            if href[len(self.site_url) :].startswith(self.ELSEWHERE):
                return None
            href = self.base_path + href[len(self.site_url) :]
            absolute = True
        else:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:", "sms:", "javascript:", "data:")):
                return None
            absolute = href.startswith("/")
        path = unquote(urlsplit(href).path)
        if absolute:
            if not path.startswith(self.base_path) and self.base_path != "/":
                return self.root / "__outside_the_site__" / path.lstrip("/")
            path = path[len(self.base_path) :] if path.startswith(self.base_path) else path.lstrip("/")
            target = self.root / path
        else:
            target = (from_file.parent / path) if path else from_file
        if target.is_dir() or (path.endswith("/") or not path):
            target = target / "index.html" if path or absolute else target
        return target.resolve()

    def resolve(self, from_file: Path, href: str, depth: int = 0) -> tuple[Path | None, str | None]:
        """(final file, problem) for a link, following redirect stubs to the page that has the anchor."""
        target = self.target(from_file, href)
        if target is None:
            return None, None
        if not target.exists():
            return None, f"-> missing {self._shown(target)}"
        fragment = unquote(urldefrag(href).fragment)
        if target.suffix != ".html":
            return target, None
        info = self.page(target)
        if info.refresh and depth < 5:
            forward = info.refresh + (f"#{fragment}" if fragment and "#" not in info.refresh else "")
            final, problem = self.resolve(target, forward, depth + 1)
            return final, (f"-> redirect {self._shown(target)} {problem}" if problem else None)
        if fragment and fragment not in info.ids:
            return target, f"-> no anchor #{fragment} on {self._shown(target)}"
        return target, None

    def _shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def check(self, skip: tuple[str, ...] = (), self_contained: bool = False) -> Report:
        """Every internal link and anchor of every page, and no address of the build machine anywhere.

        self_contained (the offline copy): a link a reader follows must stay inside the copy, never lead
        to the public site, except where the page shows an address on purpose (a citation's text).
        """
        report = Report()
        for path in sorted(self.root.rglob("*")):
            rel = path.relative_to(self.root).as_posix()
            if not path.is_file() or any(rel.startswith(s) for s in skip):
                continue
            if path.suffix in (".html", ".xml", ".json", ".js", ".txt", ".css") or path.name.endswith(".xml.gz"):
                text = path.read_bytes()
                if path.suffix != ".gz" and LOCAL.search(text.decode("utf-8", errors="replace")):
                    report.broken.append(
                        f"{rel}: holds an address of the build machine ({LOCAL.search(text.decode('utf-8', 'replace')).group(0)})"
                    )
            if path.suffix != ".html":
                continue
            report.pages += 1
            info = self.page(path)
            if self_contained and self.site_url:
                report.broken += [
                    f"{rel}: {href} leads out of the copy" for href in info.anchors if href.startswith(self.site_url)
                ]
            for href in info.links + ([info.refresh] if info.refresh else []):
                report.links += 1
                _, problem = self.resolve(path, href)
                if problem:
                    report.broken.append(f"{rel}: {href} {problem}")
        return report


def check_site_dir(
    root: Path,
    site_url: str = "",
    directory_urls: bool = True,
    skip: tuple[str, ...] = (),
    self_contained: bool = False,
) -> Report:
    return SiteLinks(root, site_url, directory_urls).check(skip, self_contained)
