"""One pass over every page of the built site, shared by the accessibility, phone and privacy tests.

Each page is opened once (light scheme, 1280x800) and then checked in place:
axe-core runs; the colour scheme is switched the way Material's own palette
script does it on load (body data-md-color-* attributes from the palette
input, plus prefers-color-scheme emulation); the viewport is resized; axe runs
again. The page facts (title, headings, skip link, "Copy link" buttons), the
sideways scroll at 360 px and every request are recorded on the way.

What is covered, for the sorted list of pages (every HTML page of the build
but the redirect stubs: /p/<id>/ and old addresses of renamed items):

    light 1280x800   every page, every rule of the tags in AXE_TAGS
    dark  390x844    the same rules on every page but the item pages of a big
                     folder (handouts/, dilemmas/, principles/, boundaries/...:
                     more than ITEM_SAMPLE_FROM pages made by one template from
                     data), where every ITEM_STRIDE-th page and the last are
                     checked (dark_phone_pages); so every hand-written and list
                     page, and a third of each template's pages, is checked in
                     the dark scheme and at phone size
    dark  1280x800   a sample: the home page, faq/ and the first page (in
    light 390x844    sorted order) under principles/*/ and dilemmas/*/
    light 360x800    every page: sideways scroll measured (no axe)

Pages of the other languages (es/...) are made by the same templates from the
same model as the English ones, so the sweep checks a sample of them: in each
language its home, FAQ, Get help now and About pages, and the first
principle, case study and handout, in all four
variants (LANGUAGE_PAGES). tests/build/test_spanish.py checks every Spanish
page's language, title and links without a browser. HANDBOOK_AXE_ALL=1 sweeps
every page of every language in all four variants.

One exception: print/ (the whole handbook on one page, for printing) holds
every item page's content again in the same styles; it gets light 1280x800
only, without color-contrast and link-in-text-block, which take over a minute
on its ten thousand nodes (PRINT_OPTIONS; the pages it is made of pass them).

HANDBOOK_AXE_ALL=1 runs all four axe variants on every page (about twice as long).

Why a third of the item pages in dark at phone size: pages of one folder are made
by one template from data, so what the scheme and the width change (colours,
layout, target sizes) is the same on each; what differs is the text, which the
light pass checks on every page. The sample keeps each folder's first and last
page and every third between, so a data-dependent problem (a long title, an
admonition) in dark or on a phone is still likely met. It takes 80 axe runs off
the sweep: in the whole suite on the reference machine, 474 s became 414 s.

Why not all four everywhere: measured on the reference machine (2 cores), one
axe run takes 0.7 to 2 s on a reading page (colour contrast, link-in-text-block
and target size are 90% of it) and about 30 s on print/; one page and its two
runs take about 2 s, so the two variants above already take most of the
suite's time. Pages are checked one at a time: two pages at once, in two
contexts, was slower (83.5 s against 73.1 s for the 27 case studies), since
one renderer running axe keeps one core busy and the browser's other
processes most of the second.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field

from .conftest import DESKTOP, PHONE, SCHEMES, goto, new_context


def axe_script() -> str:
    """axe-core's source, as shipped by axe-playwright-python (imported late: no package, no import error)."""
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
NARROW = {"width": 360, "height": 800}

VARIANTS = {
    "light-desktop": ("light", DESKTOP),
    "dark-desktop": ("dark", DESKTOP),
    "dark-phone": ("dark", PHONE),
    "light-phone": ("light", PHONE),
}


SAMPLE_PAGES = ("", "faq/")
SAMPLE_KINDS = ("principles", "dilemmas")


LANGUAGE_PAGES = ("", "faq/", "crisis/", "about/")
LANGUAGE_KINDS = ("principles", "dilemmas", "handouts")


def language_of(path: str) -> str:
    """'es' for 'es/faq/', '' for an English page."""
    head, _, rest = path.partition("/")
    return head if len(head) == 2 and head.isalpha() and head.islower() else ""


def sample(pages: list[str]) -> set[str]:
    """The pages checked in all four variants: SAMPLE_PAGES, the first item page of each of SAMPLE_KINDS, and
    in each other language LANGUAGE_PAGES and the first page of each of LANGUAGE_KINDS."""
    chosen = {p for p in SAMPLE_PAGES if p in pages}
    for kind in SAMPLE_KINDS:
        items = sorted(p for p in pages if p.startswith(kind + "/") and p.count("/") == 2)
        chosen.update(items[:1])
    for lang in sorted({language_of(p) for p in pages} - {""}):
        chosen.update(f"{lang}/{p}" for p in LANGUAGE_PAGES if f"{lang}/{p}" in pages)
        for kind in LANGUAGE_KINDS:
            items = sorted(p for p in pages if p.startswith(f"{lang}/{kind}/") and p.count("/") == 3)
            chosen.update(items[:1])
    return chosen


def swept(pages: list[str]) -> list[str]:
    """The pages the sweep opens: every English page, and the sample of each other language (all with
    HANDBOOK_AXE_ALL=1)."""
    if os.environ.get("HANDBOOK_AXE_ALL") == "1":
        return list(pages)
    sampled = sample(pages)
    return [p for p in pages if not language_of(p) or p in sampled]


def is_print_page(path: str) -> bool:
    return path == PRINT_PAGE or (language_of(path) != "" and path.split("/", 1)[1] == PRINT_PAGE)


#: The print page holds every item page's own content again, in the same styles. axe checks it
#: once (light, desktop) with every rule but the two that measure colours of each text node:
#: those take over a minute on its ten thousand nodes, and the pages it is made of pass them.
PRINT_PAGE = "print/"
PRINT_OPTIONS = {
    **AXE_OPTIONS,
    "rules": {"color-contrast": {"enabled": False}, "link-in-text-block": {"enabled": False}},
}


ITEM_SAMPLE_FROM = 8  # a folder with more item pages than this is sampled in dark at phone size
ITEM_STRIDE = 3  # every third of its pages (in sorted order), and its last


def item_folder(path: str) -> str | None:
    """'dilemmas/' for 'dilemmas/some-case/', 'es/handouts/' for 'es/handouts/x/'; None for a top-level page."""
    parts = path.rstrip("/").split("/")
    depth = 3 if language_of(path) else 2
    return "/".join(parts[:-1]) + "/" if len(parts) == depth else None


def dark_phone_pages(pages: list[str]) -> set[str]:
    """The pages axe checks in dark at 390x844: all but the print page, except that in a folder of more than
    ITEM_SAMPLE_FROM item pages only every ITEM_STRIDE-th page and the last (see the module docstring)."""
    pages = [p for p in pages if not is_print_page(p)]
    if os.environ.get("HANDBOOK_AXE_ALL") == "1":
        return set(pages)
    folders: dict[str, list[str]] = {}
    for path in sorted(pages):
        folder = item_folder(path)
        if folder is not None:
            folders.setdefault(folder, []).append(path)
    chosen = {p for p in pages if item_folder(p) is None}
    for items in folders.values():
        if len(items) <= ITEM_SAMPLE_FROM:
            chosen.update(items)
        else:
            chosen.update(items[::ITEM_STRIDE])
            chosen.add(items[-1])
    return chosen


def variants_for(path: str, sampled: set[str], dark_phone: set[str] | None = None) -> list[str]:
    """The axe variants a page gets, in the order they run (see the module docstring)."""
    if is_print_page(path):
        return ["light-desktop"]
    if os.environ.get("HANDBOOK_AXE_ALL") == "1" or path in sampled:
        return ["light-desktop", "dark-desktop", "dark-phone", "light-phone"]
    if dark_phone is not None and path not in dark_phone:
        return ["light-desktop"]
    return ["light-desktop", "dark-phone"]


RUN_AXE = """opts => axe.run(document, opts).then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(' ')),
    summary: (v.nodes[0] && v.nodes[0].failureSummary || '').split('\\n').slice(0, 2).join(' '),
})))"""

SET_SCHEME = """scheme => {
  const input = document.querySelector(`input[data-md-color-scheme="${scheme}"]`);
  if (!input) throw new Error('no palette input for scheme ' + scheme);
  for (const key of ['media', 'scheme', 'primary', 'accent']) {
    const value = input.getAttribute('data-md-color-' + key);
    if (value !== null) document.body.setAttribute('data-md-color-' + key, value);
  }
  input.checked = true;
}"""

PAGE_FACTS = """() => {
  const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const skip = document.querySelector('a.md-skip');
  let skipTarget = null;
  if (skip) {
    const id = decodeURIComponent((skip.getAttribute('href') || '').replace(/^#/, ''));
    const target = id && document.getElementById(id);
    skipTarget = target ? (target.closest('.md-content') ? 'content' : 'outside content') : 'missing';
  }
  const inFocusOrder = el => el.tabIndex >= 0 && !el.disabled && !el.closest('[inert], [aria-hidden="true"], [hidden]')
      && getComputedStyle(el).visibility !== 'hidden' && visible(el);
  return {
    title: document.title,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => ({
      level: Number(h.tagName[1]), text: h.textContent.replace('¶', '').trim().slice(0, 70),
    })),
    skip: skip ? {href: skip.getAttribute('href'), target: skipTarget} : null,
    copyButtons: [...document.querySelectorAll('.hb-copy')].map(b => ({
      tag: b.tagName.toLowerCase(), text: b.textContent.trim(), focusable: b.tagName === 'BUTTON' && inFocusOrder(b),
    })),
  };
}"""

#: Two animation frames: a ResizeObserver's callbacks run before the next frame is painted, so after
#: two the page has reacted to a new width, as it has before a person can reach it.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

SCROLL = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


@dataclass
class Sweep:
    pages: list[str]
    facts: dict[str, dict] = field(default_factory=dict)
    axe: dict[str, dict[str, list]] = field(default_factory=lambda: {v: {} for v in VARIANTS})
    scroll: dict[str, tuple[int, int]] = field(default_factory=dict)
    requests: list[tuple[str, str, str]] = field(default_factory=list)  # (page, url, resource type)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent on each page
    total_seconds: float = 0.0
    origin: str = ""  # the server the sweep ran against (another worker's tests serve the site elsewhere)


def _set_scheme(page, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.evaluate(SET_SCHEME, SCHEMES[scheme])


def _check_page(page, site, path: str, variants: list[str], sweep: Sweep) -> None:
    started = time.perf_counter()
    page.set_viewport_size(DESKTOP)
    page.emulate_media(color_scheme="light")
    goto(page, site.url(path), "light")
    sweep.facts[path] = page.evaluate(PAGE_FACTS)
    for variant in variants:
        scheme, viewport = VARIANTS[variant]
        page.set_viewport_size(viewport)
        _set_scheme(page, scheme)
        page.evaluate(NEXT_FRAMES)  # what the page does on a resize (handbook.js marks wide tables) is done
        sweep.axe[variant][path] = page.evaluate(RUN_AXE, PRINT_OPTIONS if is_print_page(path) else AXE_OPTIONS)
    _set_scheme(page, "light")
    page.set_viewport_size(NARROW)
    sweep.scroll[path] = tuple(page.evaluate(SCROLL))
    sweep.seconds[path] = time.perf_counter() - started


def run_sweep(browser, site) -> Sweep:
    sweep = Sweep(pages=swept(site.pages), origin=site.origin)
    started = time.perf_counter()
    context = new_context(browser, "light", DESKTOP)
    context.add_init_script(axe_script())

    def record(request):
        try:
            frame_url = request.frame.url
        except Exception:  # a worker's request has no frame
            frame_url = ""
        page = site.path_of(frame_url) if frame_url.startswith(site.origin) else frame_url
        sweep.requests.append((page, request.url, request.resource_type))

    context.on("request", record)
    try:
        page = context.new_page()
        sampled = sample(sweep.pages)
        dark_phone = dark_phone_pages(sweep.pages)
        for path in sweep.pages:
            _check_page(page, site, path, variants_for(path, sampled, dark_phone), sweep)
    finally:
        context.close()
    sweep.total_seconds = time.perf_counter() - started
    return sweep
