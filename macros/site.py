"""The published site as data: every page, every static file, the nav and one URL model.

build_site() turns a Handbook into a Site. Every output is a projection of
it: the MkDocs plugin copies it into MkDocs' files and nav, `handbook render`
writes it as plain Markdown, the PDFs print its print pages, the offline copy
is a build of it with file URLs. Nothing here imports MkDocs.
"""

from __future__ import annotations

import dataclasses
import html
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .docs import convert_refs, jinja_env
from .editions import LOCK_FILE
from .export import dumps, export, export_schema, export_v1, export_v1_schema
from .i18n import translated
from .kinds import KINDS
from .model import Doc, Handbook
from .pagemacros import page_macros
from .render import LIST_PAGES, LIST_TITLES, SETTING_LABELS, Renderer, _after_title
from .urls import LOCAL_FILES, Urls, permalink_file, src_of_path

GROUP_SIZE = 40  # larger nav sections are split, so that each page's sidebar stays small
OUR_SECTION = "Our organization"


@dataclass(frozen=True)
class Page:
    """One page of the site."""

    src: str  # its Markdown file, relative to docs/: 'principles/confidentiality.md'
    title: str
    make: Callable[[], str] = field(repr=False, compare=False)  # renders its Markdown (see .markdown)
    meta: Mapping[str, Any] = field(default_factory=dict)  # front matter (hide, search)
    origin: str = "generated"  # "generated", "docs" (docs/) or "org" (the organization's docs/)
    source_file: str = ""  # for hand-written pages: where it is, as shown in messages
    indexed: bool = True  # searched (Pagefind indexes its content)
    cited: bool = True  # ends with how to cite it
    printed: bool = False  # printed to PDF
    in_nav: bool = True
    lang: str = "en"  # its language; pages of other languages live under their prefix ('es/...')
    search_weight: float = 1.0  # how much its results count in the search box (SEARCH_WEIGHTS)

    @property
    def inner(self) -> str:
        """Its path without the language prefix: the English page of the same content."""
        return self.src[len(self.lang) + 1 :] if self.lang != "en" else self.src

    @property
    def generated(self) -> bool:
        return self.origin == "generated"

    @cached_property
    def markdown(self) -> str:
        """Generated pages: the final Markdown. Hand-written pages: the source, before its macros run.

        Rendered when first asked for, so that a check touches only the pages it needs.
        """
        return self.make()


@dataclass(frozen=True)
class StaticFile:
    path: str  # where it goes in the built site: 'p/confidentiality/index.html'
    content: str | bytes


@dataclass(frozen=True)
class Site:
    handbook: Handbook
    urls: Urls
    pages: Mapping[str, Page]
    nav: tuple
    renderer: Renderer = field(repr=False, compare=False, default=None)
    offline: bool = False
    renderers: Mapping[str, Renderer] = field(repr=False, compare=False, default_factory=dict)  # by language
    navs: Mapping[str, tuple] = field(default_factory=dict)  # the nav of each language besides English
    clashes: tuple = ()  # (src, title kept, title lost): two pages the engine planned at one address

    def counterpart(self, src: str, lang: str) -> str | None:
        """The same page in another language ('es/faq.md' <-> 'faq.md'), if the site has it."""
        page = self.pages.get(src)
        if page is None:
            return None
        other = page.inner if lang == "en" else f"{lang}/{page.inner}"
        return other if other in self.pages else None

    @cached_property
    def files(self) -> Mapping[str, StaticFile]:
        """Every static file: redirect stubs, the export, the profile's CSS and logo (made when first asked for)."""
        english = {p.src: p for p in self.pages.values() if p.lang == "en"}
        out = {f.path: f for f in static_files(self.handbook, self.renderer, english)}
        for lang, renderer in self.renderers.items():
            if lang == "en":
                continue
            mine = {p.src: p for p in self.pages.values() if p.lang == lang}
            for f in static_files(renderer.hb, renderer, mine, local_only=True):
                out[f"{lang}/{f.path}"] = StaticFile(f"{lang}/{f.path}", f.content)
        return MappingProxyType(out)

    def page_markdown(self, src: str, rendered_body: str | None = None) -> str:
        """The final Markdown of a page. For a hand-written page, give the body after its macros ran."""
        page = self.pages[src]
        if page.generated:
            return page.markdown
        body = page.markdown if rendered_body is None else rendered_body
        text = convert_refs(body, lambda target, sub, words: self.renderer.link(target, src, sub, words))
        return text + self.renderer.page_cite(src, _first_heading(text)) if page.cited else text

    def render_doc(self, src: str) -> str:
        """A hand-written page rendered here (not by mkdocs-macros): its macros run with the engine's Jinja."""
        page = self.pages[src]
        template = jinja_env().from_string(page.markdown)
        return template.render(**page_macros(self.renderer, lambda: src, self.offline_zip))

    @property
    def offline_zip(self) -> bool:
        return not self.offline and os.environ.get("HANDBOOK_OFFLINE_ZIP") == "1"

    def pages_with(self, **roles) -> list[Page]:
        return [p for p in self.pages.values() if all(getattr(p, k) == v for k, v in roles.items())]


def public_address(handbook: Handbook, configured: str = "") -> str:
    """The site's public address: $SITE_URL, else the organization's profile `site_url`, else mkdocs.yml's."""
    env = os.environ.get("SITE_URL", "").strip()
    org = handbook.profile.get("site_url") if handbook.overlay is not None else None
    return env or org or configured or ""


def build_site(handbook: Handbook, urls: Urls, nav: list | None = None, offline: bool = False) -> Site:
    """The whole site, from the handbook: pages, static files and nav, in English and every other language."""
    renderer = Renderer(handbook, urls, offline)
    pages: dict[str, Page] = {}
    clashes = []
    for plan in plan_pages(handbook, renderer):
        if plan.src in pages:  # an item whose id is a page name of its kind's folder ('index'): the check says so
            clashes.append((plan.src, pages[plan.src].title, plan.title))
            continue
        pages[plan.src] = plan
    site_nav = tuple(expand_nav(nav or [], handbook, renderer, pages))
    renderers, navs = {"en": renderer}, {}
    for lang, language in built_languages(handbook).items():
        local_hb = translated(handbook, lang)
        local = Renderer(local_hb, dataclasses.replace(urls, prefix=f"{lang}/"), offline, language.catalog)
        planned = {p.src: p for p in plan_pages(local_hb, local)}
        # The differences page compares the organization's English with the base's: it shows them as written,
        # with its own words in this language.
        as_written = Renderer(handbook, local.urls, offline, language.catalog)
        for plan in planned.values():
            make = _doc_markdown(local, plan, offline) if not plan.generated else plan.make
            if plan.src in ("differences.md", "upstream.md"):
                make = _as_written(as_written, plan.src)
            pages[f"{lang}/{plan.src}"] = dataclasses.replace(
                plan, src=f"{lang}/{plan.src}", make=make, origin="generated", lang=lang, in_nav=False
            )
        local_nav = expand_nav(nav or [], local_hb, local, planned)
        navs[lang] = tuple(_localize_nav(local_nav, lang, language.catalog))
        renderers[lang] = local
    return Site(
        handbook,
        urls,
        MappingProxyType(pages),
        site_nav,
        renderer,
        offline,
        MappingProxyType(renderers),
        MappingProxyType(navs),
        tuple(clashes),
    )


def built_languages(handbook: Handbook) -> Mapping:
    """The languages besides English that this build makes pages for: all of them, or those $HANDBOOK_LANGUAGES
    names ('es', or 'en' for English alone: a quicker build; the check still reads every translation)."""
    wanted = os.environ.get("HANDBOOK_LANGUAGES", "").strip()
    if not wanted:
        return handbook.languages
    codes = {c.strip() for c in wanted.split(",")}
    return {code: lang for code, lang in handbook.languages.items() if code in codes}


def _as_written(renderer: Renderer, src: str) -> Callable[[], str]:
    def make() -> str:
        notice = renderer._("The changes are shown in English, the language they were written in.")
        text = renderer.page(src) + (renderer.page_cite(src) if src == "differences.md" else "")
        return _after_title(text, f'!!! info hb-translation "{renderer._("About this translation")}"\n\n    {notice}\n')

    return make


def _doc_markdown(renderer: Renderer, page: Page, offline: bool) -> Callable[[], str]:
    """A hand-written page of another language, made here: its macros run, its [[links]] resolve, its citation."""

    def make() -> str:
        src = page.src
        template = jinja_env().from_string(page.markdown)
        zip_ok = not offline and os.environ.get("HANDBOOK_OFFLINE_ZIP") == "1"
        body = template.render(**page_macros(renderer, lambda: src, zip_ok))
        text = _after_title(
            convert_refs(body, lambda target, sub, words: renderer.link(target, src, sub, words)),
            renderer.notice_for_page(src),
        )
        return text + renderer.page_cite(src, _first_heading(text)) if page.cited else text

    return make


def _localize_nav(nav, lang: str, catalog) -> list:
    """A nav in another language: its titles translated, its pages under the language's prefix."""
    out = []
    for entry in nav:
        if isinstance(entry, str):
            out.append(f"{lang}/{entry}")
        elif isinstance(entry, dict):
            out.append(
                {
                    catalog(str(title)): (
                        _localize_nav(value, lang, catalog) if isinstance(value, list) else f"{lang}/{value}"
                    )
                    for title, value in entry.items()
                }
            )
        elif isinstance(entry, list):
            out.append(_localize_nav(entry, lang, catalog))
    return out


# --- pages -----------------------------------------------------------------------------------------


HIDDEN = {"hide": ["navigation", "toc"]}
UNSEARCHED = {"search": {"exclude": True}}


def _omitted(src: str, handbook: Handbook) -> bool:
    """Whether a list page is left out because the data it shows is absent (no overlay, no courses)."""
    if src == "upstream.md":
        return handbook.overlay is None or not (Path(handbook.root) / handbook.overlay.folder / LOCK_FILE).exists()
    return src == "differences.md" and handbook.overlay is None or src == "course.md" and not handbook.courses


#: How much a page's results count in the search box: search.js multiplies each page's score by its weight
#: (search/pages.json carries it). A reader's question is answered by guidance, which counts in full: the
#: principles, the boundary topics, each FAQ question and glossary term, the crisis and decision pages, the
#: code. Case studies and training modules (Kind.search_weight) tell of the same things at length, so they
#: count less; pages about the handbook itself name every topic in passing and count least. A hand-written
#: page sets its own with Material's front matter `search: {boost: 2}`; without it, the base handbook's own
#: pages (home, about, adopting) count as pages about the handbook, an organization's pages in full.
#: Measured with bench/search_quality.py: see its docstring.
ABOUT_THE_HANDBOOK = 0.2
SEARCH_WEIGHTS = {
    "sources.md": ABOUT_THE_HANDBOOK,
    "history.md": ABOUT_THE_HANDBOOK,
    "changes.md": ABOUT_THE_HANDBOOK,
    "differences.md": 0.4,
    "course.md": 0.4,
}
INDEX_WEIGHT = ABOUT_THE_HANDBOOK  # principles/, dilemmas/ ...: a list of every item, with its summary


def search_weight_of(meta: Mapping[str, Any], default: float) -> float:
    """A page's search weight: its front matter's `search: {boost: N}` (a positive number), else default."""
    from .docs import is_search_weight

    search = meta.get("search") if isinstance(meta, Mapping) else None
    boost = search.get("boost") if isinstance(search, Mapping) else None
    return float(boost) if is_search_weight(boost) else default


def plan_pages(handbook: Handbook, renderer: Renderer) -> list[Page]:
    """Every page the handbook produces, with its Markdown and roles."""
    out: list[Page] = []
    for src in LIST_PAGES:
        if _omitted(src, handbook):
            continue
        if src == "print.md":
            out.append(
                Page(
                    src,
                    renderer._("{title}: the whole handbook", title=handbook.profile["handbook_title"]),
                    _page(renderer, src),
                    {**HIDDEN, **UNSEARCHED},
                    indexed=False,
                    cited=False,
                    printed=True,
                    in_nav=False,
                )
            )
        elif src == "decision-model-worksheet.md":
            out.append(
                Page(
                    src,
                    renderer._("Decision-making worksheet"),
                    _page(renderer, src),
                    HIDDEN,
                    indexed=False,
                    cited=False,
                    printed=True,
                )
            )
        elif src == "upstream.md":  # for the organization's reviewers: linked from the differences page
            out.append(
                Page(src, renderer._(LIST_TITLES[src]), _page(renderer, src), UNSEARCHED, indexed=False, in_nav=False)
            )
        else:
            weight = SEARCH_WEIGHTS.get(src, 1.0)
            out.append(Page(src, renderer._(LIST_TITLES[src]), _page(renderer, src, cite=True), search_weight=weight))
    for src in renderer.handout_pages():
        out.append(
            Page(
                src,
                renderer.handout_title(src),
                _page(renderer, src),
                {**HIDDEN, **UNSEARCHED},
                indexed=False,
                cited=False,
                printed=True,
                in_nav=False,
            )
        )
    for kind in KINDS.values():
        if not kind.per_item:
            continue
        index = f"{kind.page}/index.md"
        local = renderer.kinds[kind.name]
        title = local.nav_title or local.plural.capitalize()
        out.append(Page(index, title, _page(renderer, index), search_weight=INDEX_WEIGHT))
        for item in handbook.kind(kind.name):
            out.append(
                Page(
                    item.src,
                    item.title,
                    _page(renderer, item.src),
                    printed=kind.name == "training",
                    search_weight=kind.search_weight,
                )
            )
        for item in handbook.retired.values():
            if item.kind == kind.name:
                out.append(
                    Page(
                        item.src,
                        renderer._("{title} (retired)", title=item.title),
                        _item(renderer, item.id),
                        UNSEARCHED,
                        indexed=False,
                    )
                )
        for moved in handbook.moved:
            if moved.kind == kind.name and moved.change == "retired":
                src = src_of_path(moved.path)
                out.append(
                    Page(
                        src,
                        renderer._("{title} (retired)", title=moved.title),
                        _item(renderer, moved.id),
                        UNSEARCHED,
                        indexed=False,
                    )
                )
    generated = {p.src for p in out}
    for doc in handbook.docs.values():
        if doc.src in generated:
            continue  # a generated page of the same name wins; the check reports the clash
        if doc.src.partition("/")[0] in handbook.languages:
            continue  # a translation (docs/es/about.md): the page of its language is made from it
        out.append(doc_page(doc, handbook))
    return out


def _page(renderer: Renderer, src: str, cite: bool = False) -> Callable[[], str]:
    return lambda: renderer.page(src) + (renderer.page_cite(src) if cite else "")


def _item(renderer: Renderer, item_id: str) -> Callable[[], str]:
    return lambda: renderer.item_page(item_id)


def doc_page(doc: Doc, handbook: Handbook | None = None) -> Page:
    meta = dict(doc.meta)
    return Page(
        doc.src,
        str(meta.get("title") or _first_heading(doc.body, handbook) or doc.src),
        lambda: doc.body,
        MappingProxyType(meta),
        origin="org" if doc.origin == "org" else "docs",
        source_file=doc.file,
        indexed=doc.src != "404.md",
        cited=doc.src != "404.md",
        search_weight=search_weight_of(meta, 1.0 if doc.origin == "org" else ABOUT_THE_HANDBOOK),
    )


def _first_heading(markdown: str, handbook: Handbook | None = None) -> str:
    """The words of the first '# ' heading; one that uses the page variables ({{ title }}) filled in."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            words = line[2:].split(" {#")[0].strip()
            if "{{" in words and handbook is not None:
                words = _fill_variables(words, handbook)
            return words
    return ""


def _fill_variables(text: str, handbook: Handbook) -> str:
    """Text with the page variables a hand-written page may use (macros.pagemacros) filled in; as is if it uses more."""
    from .docs import jinja_env

    profile = handbook.profile
    base = handbook.base_profile or profile
    variables = {
        "title": str(profile.get("handbook_title", "")),
        "edition": str(profile.get("edition", "")),
        "profile": dict(profile),
        "adopted": handbook.overlay is not None,
        "base_title": str(base.get("handbook_title", "")),
        "base_edition": str(base.get("edition", "")),
    }
    try:
        return jinja_env().from_string(text).render(**variables).strip()
    except Exception:  # a macro call or another name: the page's own render reports it; the words stay as written
        return text


# --- static files ----------------------------------------------------------------------------------


def static_files(
    handbook: Handbook, renderer: Renderer, pages: Mapping[str, Page] | None = None, local_only: bool = False
) -> list[StaticFile]:
    """Redirect stubs for every permanent link and moved address, the export, the profile's CSS and logo.

    local_only: only the files each language has its own copy of (urls.LOCAL_FILES), for another language.
    """
    urls = renderer.urls
    out: list[StaticFile] = []

    def stub(path: str, target_href: str, title: str) -> StaticFile:
        return StaticFile(path, redirect_page(urls.href(path, target_href), title))

    for item in [*handbook.items.values(), *handbook.retired.values()]:
        target = urls.page_href(item.src) + (f"#{item.anchor}" if item.anchor else "")
        out.append(stub(permalink_file(item.id), target, item.title))
        for sub in sorted(handbook.sub_ids.get(item.id, ())):
            out.append(stub(permalink_file(item.id, sub), urls.page_href(item.src) + f"#{sub}", item.title))
    for moved in handbook.moved:
        if moved.change == "renamed" and moved.to and handbook.has(moved.to):
            target = handbook.find(moved.to)
            page = urls.page_href(target.src)
            anchor_target = page + (f"#{target.anchor}" if target.anchor else "")
            if KINDS[moved.kind].per_item:
                out.append(stub(urls.page_file(src_of_path(moved.path)), anchor_target, target.title))
            out.append(stub(permalink_file(moved.id), anchor_target, target.title))
            for sub in moved.anchors:  # a renamed item keeps its anchors
                out.append(stub(permalink_file(moved.id, sub), f"{page}#{sub}", target.title))
        else:  # retired: its page (or its entry on a list page) says why
            page = urls.page_href(src_of_path(moved.path))
            anchor = moved.path.partition("#")[2]
            out.append(stub(permalink_file(moved.id), page + (f"#{anchor}" if anchor else ""), moved.title))
            for sub in moved.anchors:
                out.append(stub(permalink_file(moved.id, sub), page + (f"#{anchor}" if anchor else ""), moved.title))
    numbers = renderer.numbers()
    for number, (item_id, sub) in {**renderer.old_numbers(), **numbers}.items():  # numbers of today win
        if number not in numbers:  # an old number: where that commitment is now, or its principle
            if not handbook.has(item_id):
                continue
            sub = sub if sub in handbook.sub_ids.get(item_id, ()) else None
        item = handbook.find(item_id)
        target = urls.page_href(item.src) + (f"#{sub}" if sub else "")
        out.append(stub(f"c/{number}/index.html", target, f"{item.title}: commitment {number}"))
    from .builders.lms import export_files

    out += [StaticFile(path, content) for path, content in export_files(handbook).items()]
    from .search import search_files

    texts = [p.markdown for p in (pages or {}).values() if p.indexed]
    out += [StaticFile(path, text) for path, text in search_files(handbook, texts).items()]
    if local_only:
        return [f for f in out if f.path.startswith(LOCAL_FILES)]
    out.append(StaticFile("handbook.json", dumps(export(handbook, urls))))

    out.append(StaticFile("handbook.schema.json", dumps(export_schema())))
    out.append(StaticFile("handbook-v1.json", dumps(export_v1(handbook, urls))))  # kept for one more edition
    out.append(StaticFile("handbook-v1.schema.json", dumps(export_v1_schema())))
    profile = handbook.profile
    if profile.get("colors"):
        out.append(StaticFile("assets/profile.css", colors_css(profile["colors"])))
    logo = logo_file(handbook)
    if logo:
        out.append(logo)
    return out


def logo_file(handbook: Handbook) -> StaticFile | None:
    """The organization's logo, as a file of the site (assets/logo.<ext>)."""
    profile = handbook.profile
    if not profile.get("logo") or handbook.overlay is None:
        return None
    from pathlib import Path

    source = Path(handbook.root) / handbook.overlay.folder / profile["logo"]
    return StaticFile(f"assets/logo{source.suffix}", source.read_bytes())


def redirect_page(href: str, title: str) -> str:
    """A tiny page that forwards to href, keeping any #anchor of the link followed."""
    href = html.escape(href)
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<link rel="canonical" href="{href}">\n'
        '<meta name="robots" content="noindex">\n'
        f'<script>if (location.hash) location.replace("{href}".split("#")[0] + location.hash);</script>\n'
        f'</head><body><p>This link leads to <a href="{href}">{html.escape(title)}</a>.</p></body></html>\n'
    )


def colors_css(colors) -> str:
    """Theme colours from the profile (validated as #rrggbb, dark enough for white text)."""
    lines = []
    if colors.get("primary"):
        lines.append(
            f'[data-md-color-primary="custom"] {{ --md-primary-fg-color: {colors["primary"]}; --md-primary-fg-color--dark: {colors["primary"]}; }}'
        )
        lines.append(f'[data-md-color-scheme="default"] {{ --md-typeset-a-color: {colors["primary"]}; }}')
    if colors.get("accent"):
        lines.append(
            f'[data-md-color-scheme="default"][data-md-color-accent="custom"] {{ --md-accent-fg-color: {colors["accent"]}; }}'
        )
    return "\n".join(lines) + "\n"


def footer(handbook: Handbook) -> str:
    """The footer line, from the profile: who publishes, what it is adapted from, the license (HTML)."""
    profile, base = handbook.profile, handbook.base_profile
    parts = [html.escape(str(profile.get("name", "")))]
    if handbook.overlay is not None:
        parts.append(
            f"Edition {html.escape(str(profile.get('edition')))}, based on base edition "
            f"{html.escape(str(base.get('edition')))} of the {html.escape(str(base.get('handbook_title')))}"
        )
    parts.append('Content <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>')
    return " · ".join(p for p in parts if p)


# --- nav -------------------------------------------------------------------------------------------


def expand_nav(nav: list, handbook: Handbook, renderer: Renderer, pages: Mapping[str, Page]) -> list:
    """The nav of mkdocs.yml with every item filled in, and the pages the profile and overlay add."""
    out = _expand(nav, handbook, renderer)
    listed = set(_nav_srcs(out))
    extra: list = []
    if handbook.overlay is not None:
        extra.append({"How our code differs": "differences.md"})
    extra.append({"Raise a concern": "raise-a-concern.md"})
    extra.insert(0, {"Get help now": "crisis.md"})
    placed = _place(out, handbook.profile.get("nav") or (), pages) if handbook.overlay is not None else set()
    listed |= placed
    ours = [
        p.src for p in pages.values() if p.origin == "org" and p.src not in listed and p.in_nav and p.src != "404.md"
    ]
    if ours:
        extra.insert(0, {OUR_SECTION: ours})
    extra = [e for e in extra if not set(_nav_srcs([e])) & listed]
    return out[:-1] + extra + out[-1:] if out else extra


def _place(nav: list, entries, pages: Mapping[str, Page]) -> set[str]:
    """Put the organization's pages where its profile's `nav:` says, in nav (changed in place)."""
    placed = set()
    for entry in entries:
        src = entry.get("page")
        if src not in pages:
            continue  # the check reports it
        node = {str(entry.get("title") or pages[src].title): src}
        section = entry.get("section")
        if section is None:
            nav.insert(max(len(nav) - 1, 0), node)  # an entry of its own, before the last (About)
        else:
            at = next((i for i, e in enumerate(nav) if isinstance(e, dict) and section in e), None)
            if at is None:
                nav.insert(max(len(nav) - 1, 0), {section: [node]})
            else:
                value = nav[at][section]
                nav[at] = {section: [*(value if isinstance(value, list) else [value]), node]}
        placed.add(src)
    return placed


def _nav_srcs(nav) -> list[str]:
    out = []
    for entry in nav:
        if isinstance(entry, str):
            out.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                out += _nav_srcs(value if isinstance(value, list) else [value])
        elif isinstance(entry, list):
            out += _nav_srcs(entry)
    return out


def _index_kind(value) -> str | None:
    if not isinstance(value, str):
        return None
    return next((k.name for k in KINDS.values() if k.per_item and value == f"{k.page}/index.md"), None)


def _expand(nav: list, handbook: Handbook, renderer: Renderer) -> list:
    out = []
    for entry in nav:
        if isinstance(entry, dict):
            ((title, value),) = entry.items()
            kind = _index_kind(value)
            if kind:
                value = [value, *_first_pages(kind, handbook), *_nav_items(kind, handbook, renderer)]
            elif isinstance(value, list):
                value = _expand(value, handbook, renderer)
            out.append({title: value})
        else:
            kind = _index_kind(entry)
            out.append(
                {KINDS[kind].nav_title: [entry, *_first_pages(kind, handbook), *_nav_items(kind, handbook, renderer)]}
                if kind
                else entry
            )
    return out


def _first_pages(kind: str, handbook: Handbook) -> list[str]:
    return [src for src in KINDS[kind].nav_pages if not _omitted(src, handbook)]


def _nav_items(kind: str, handbook: Handbook, renderer: Renderer) -> list:
    items = handbook.kind(kind)
    retired = [item.src for item in handbook.retired.values() if item.kind == kind] + renderer.moved_pages(kind)
    tail = [{"Retired": retired}] if retired else []
    if kind == "dilemma":
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(SETTING_LABELS[item.data["setting"]], []).append(item.src)
        return [{label: groups[label]} for label in SETTING_LABELS.values() if label in groups] + tail
    srcs = [item.src for item in items]
    if len(srcs) <= GROUP_SIZE:
        return srcs + tail
    chunks = [srcs[i : i + GROUP_SIZE] for i in range(0, len(srcs), GROUP_SIZE)]
    return [{f"{i * GROUP_SIZE + 1}–{i * GROUP_SIZE + len(c)}": c} for i, c in enumerate(chunks)] + tail
