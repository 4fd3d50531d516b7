"""Check what the build would stumble on in the site itself: hand-written pages and the nav.

The data is checked when it is loaded (macros/load.py). This adds what only
the Site knows: whether each hand-written page renders (its macros run), whether
its links lead to pages and anchors that exist, and whether every page is in
the nav and every nav entry is a page. `handbook check` and the MkDocs build
run the same function, so a check that passes means a build that passes.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
import sys
import traceback
from functools import lru_cache
from urllib.parse import unquote

from .config import SiteConfig
from .docs import outside_code
from .problems import Problem, did_you_mean
from .site import Site, _nav_srcs

MD_LINK = re.compile(r"(?<!!)\[(?:[^\]\[]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")


def check_site(site: Site, config: SiteConfig | None = None, generated: bool = True) -> list[Problem]:
    """Every problem the build would meet in the hand-written pages and the nav (and, with generated, in the
    links of the pages the engine writes: rendering them all costs about as long as the build's own render)."""
    problems: list[Problem] = []
    rendered: dict[str, str] = {}
    for page in site.pages.values():
        if page.generated:
            continue
        text, found = _render(site, page.src)
        problems += found
        if text is not None:
            rendered[page.src] = site.page_markdown(page.src, text)
    # A hand-written page's translation (docs/es/about.md) is made into its language's page by the engine:
    # its macros and links are the translator's, checked as the page's own, on its file's lines.
    translations: dict[str, str] = {}
    for page in site.pages.values():
        if page.generated and page.lang != "en" and page.src in site.handbook.docs:
            try:
                translations[page.src] = page.markdown
            except Exception as err:  # any error of a page's template is that page's problem
                message = str(err).split("\n")[0] or type(err).__name__
                problems.append(
                    Problem(page.source_file, site.handbook.docs[page.src].body_line, "", f"template error: {message}")
                )
    anchors = _Anchors(site, rendered)
    for src, text in rendered.items():
        problems += _check_links(site, src, text, anchors)
    for src, text in translations.items():  # the links the translator wrote (the engine's notice has its own)
        problems += _check_links(site, src, text, anchors, written_only=True)
    if generated:
        problems += _check_generated_links(site)
    problems += _check_clashes(site)
    problems += _check_nav(site, config)
    return problems


def _check_generated_links(site: Site) -> list[Problem]:
    """Pages the engine writes link only to pages the site has (MkDocs' strict build would stop on the rest).

    The engine's templates should never do otherwise; when data makes them (an item retired, renamed or moved
    by an overlay), the check stops here, naming the page, rather than the build later.
    """
    problems = []
    for page in site.pages.values():
        if not page.generated or (page.lang != "en" and str(page.source_file).endswith(".md")):
            continue  # a hand-written page, or its translation or English stand-in: checked as the author's own
        for _, chunk in outside_code(page.markdown):
            for match in MD_LINK.finditer(chunk):
                target = match.group(1)
                to_src = _linked_page(page.src, target)
                if to_src is not None and to_src not in site.pages:
                    problems.append(
                        Problem(
                            f"(generated page) {page.src}",
                            0,
                            "",
                            f"the page the engine writes links to '{target}', which this site does not have: "
                            "a fault of the engine with this data; please report it with the files you changed",
                        )
                    )
    return problems


def _render(site: Site, src: str) -> tuple[str | None, list[Problem]]:
    """A hand-written page's Markdown after its macros ran, or the problem that stopped it, on its line."""
    page = site.pages[src]
    doc = site.handbook.docs[src]
    try:
        return site.render_doc(src), []
    except Exception as err:  # any error of a page's template is that page's problem
        line = _template_line(err)
        where = doc.body_line + line - 1 if line else doc.body_line
        message = str(err).split("\n")[0] or type(err).__name__
        return None, [Problem(page.source_file, where, "", f"template error: {message}")]


def _template_line(err: BaseException) -> int:
    for frame, line in reversed(list(traceback.walk_tb(sys.exc_info()[2] or err.__traceback__))):
        if frame.f_code.co_filename == "<template>":
            return line
    return getattr(err, "lineno", 0) or 0


class _Anchors:
    """The ids each page has once it is HTML: headings (explicit or from their words), attribute lists, HTML ids."""

    def __init__(self, site: Site, rendered: dict[str, str]):
        self.site = site
        self.rendered = rendered
        self.cache: dict[str, frozenset[str]] = {}

    def has(self, src: str, anchor: str) -> bool:
        """Whether the page has the anchor: first from the model (entries and sub-items), else from its Markdown."""
        hb = self.site.handbook
        for item in (hb.find(i) for i in self._ids_on(src)):
            if anchor == item.anchor or anchor in hb.sub_ids.get(item.id, ()):
                return True
        return anchor in self.of(src)

    def _ids_on(self, src: str) -> list[str]:
        if not hasattr(self, "_by_page"):
            self._by_page: dict[str, list[str]] = {}
            for item in [*self.site.handbook.items.values(), *self.site.handbook.retired.values()]:
                self._by_page.setdefault(item.src, []).append(item.id)
        return self._by_page.get(src, [])

    def of(self, src: str) -> frozenset[str]:
        if src not in self.cache:
            page = self.site.pages[src]
            text = self.rendered.get(src) if not page.generated else page.markdown
            self.cache[src] = _ids_in(text or "")
        return self.cache[src]


HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
EXPLICIT = re.compile(r"\{[^}]*#([A-Za-z][\w:.-]*)[^}]*\}")


@lru_cache(maxsize=256)
def _ids_in(text: str) -> frozenset[str]:
    """The ids a page's Markdown gives its HTML: explicit ones ({#id}, id="..."), and heading slugs as toc makes them.

    Read from the Markdown with the toc extension's own slugify, without converting the whole page.
    """
    from markdown.extensions.toc import slugify, unique

    ids = set(HTML_ID.findall(text)) | set(EXPLICIT.findall(text))
    seen: set[str] = set()
    for match in HEADING.finditer(text):
        words = match.group(1)
        explicit = EXPLICIT.search(words)
        if explicit:
            seen.add(explicit.group(1))
            continue
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", words)  # a link shows its words
        plain = re.sub(r"[*_`\\]", "", plain)
        ids.add(unique(slugify(plain, "-"), seen))
    return frozenset(ids | seen)


def _check_links(site: Site, src: str, text: str, anchors: _Anchors, written_only: bool = False) -> list[Problem]:
    """Relative links of a hand-written page lead to pages and anchors of the site (written_only: only the
    links written as they are in the page's file, not those the engine adds or makes from [[refs]])."""
    page = site.pages[src]
    doc = site.handbook.docs[src]
    problems = []
    source = doc.body
    for _, chunk in outside_code(text):
        for match in MD_LINK.finditer(chunk):
            target = match.group(1)
            to_src = _linked_page(src, target)
            if to_src is None or (written_only and f"({target}" not in source):
                continue
            anchor = target.partition("#")[2]
            line = _line_in(source, target, doc.body_line)
            if to_src not in site.pages:  # the guess is written as a link from this page would be
                here = posixpath.dirname(src) or "."
                hint = did_you_mean(
                    unquote(target.partition("#")[0]), [posixpath.relpath(other, here) for other in site.pages]
                )
                problems.append(Problem(page.source_file, line, "", f"link '{target}' leads to no page{hint}"))
                continue
            if anchor and not anchors.has(to_src, unquote(anchor)):
                have = sorted(anchors.of(to_src))
                problems.append(
                    Problem(
                        page.source_file,
                        line,
                        "",
                        f"link '{target}': the page has no anchor '#{anchor}'{did_you_mean(anchor, have)}",
                    )
                )
    return problems


def _linked_page(src: str, target: str) -> str | None:
    """The page (its Markdown file) a link of page src leads to; None for another site, an e-mail or phone link,
    an absolute path, or a file (image, zip) or URL of the site, which MkDocs only warns about when missing."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("/"):
        return None
    path = unquote(target.partition("#")[0])
    if path and not path.endswith(".md"):
        return None
    return _join(src, path) if path else src


def _join(src: str, path: str) -> str:
    import posixpath

    return posixpath.normpath(posixpath.join(posixpath.dirname(src), path))


def _line_in(source: str, target: str, first_line: int) -> int:
    at = source.find(f"]({target}")
    return first_line + source.count("\n", 0, at) if at >= 0 else first_line


def _check_clashes(site: Site) -> list[Problem]:
    """One address, one page: a hand-written page may not take the address of a page the engine makes
    (docs/glossary.md), nor an item's id the name of a page of its folder ('index'), nor two pages or files
    be built into one file (docs/principles.md and principles/index.md): one would silently hide the other."""
    problems = []
    hb = site.handbook
    for src, kept, _lost in site.clashes:
        for item in hb.items.values():
            if item.src == src and item.info.per_item:
                problems.append(
                    Problem(
                        item.file,
                        item.line,
                        "id",
                        f"'{item.id}' would give this item the address of the page {kept!r} ({src}): choose "
                        "another id (and rename the file to match)",
                    )
                )
    built: dict[str, str] = {}
    for page in site.pages.values():
        built.setdefault(site.urls.page_file(page.src), page.src)
    for page in site.pages.values():
        first = built[site.urls.page_file(page.src)]
        if first != page.src and not page.generated:
            problems.append(
                Problem(
                    page.source_file,
                    1,
                    "",
                    f"this page would be built into the same file as {first} ({site.urls.page_file(page.src)}): "
                    "rename one of them",
                )
            )
    for doc in site.handbook.docs.values():
        page = site.pages.get(doc.src)
        if page is None or not page.generated or doc.src.partition("/")[0] in site.handbook.languages:
            continue
        stem = doc.src[: -len(".md")]
        problems.append(
            Problem(
                doc.file,
                1,
                "",
                f"the handbook already makes the page {doc.src} ({page.title}) from data/: rename this file "
                f"(for example {stem}-notes.md) and add it to the nav, or change the data instead",
            )
        )
    return problems


def _check_nav(site: Site, config: SiteConfig | None) -> list[Problem]:
    """Every nav entry is a page, and every hand-written page is in the nav (MkDocs' strict mode needs both)."""
    if config is None or not config.nav:
        return []  # no nav given: the generator lists every page by itself
    problems = []
    file = config.file
    listed = set(_nav_srcs(list(site.nav)))
    for src in sorted(listed):
        if re.match(r"^[a-z]+://", src):
            continue
        if src not in site.pages:
            problems.append(
                Problem(file, 0, "nav", f"'{src}' is not a page of the site{did_you_mean(src, site.pages)}")
            )
    skip = [p.strip() for p in (config.not_in_nav if config else "").splitlines() if p.strip()]
    for page in site.pages.values():
        if page.generated or not page.in_nav or page.src in listed or page.src == "404.md":
            continue
        if any(fnmatch.fnmatch(page.src, pattern.lstrip("/")) for pattern in skip):
            continue
        where = page.source_file
        hint = "add it to the nav in mkdocs.yml" if page.origin == "docs" else "add it to `nav:` in your profile"
        problems.append(Problem(where, 1, "", f"this page is in no section of the navigation: {hint}"))
    return problems
