"""Accessibility of every page of the built site.

axe-core (axe-playwright-python, axe 4.12) with the tags wcag2a, wcag2aa,
wcag21a, wcag21aa and wcag22aa must find zero violations. Coverage (details
and the measurements behind it in sweep.py):

- light scheme, 1280x800: every HTML page (all but the redirect stubs; 404.html included);
- dark scheme, 390x844: every HTML page, so every page is checked once in the
  dark scheme and once at phone size; except print/, the whole handbook on one
  page for printing, checked in light 1280x800 only and without the two colour
  rules (its content is the item pages', checked in full);
- dark 1280x800 and light 390x844: the home page, faq/ and the first page
  under principles/ and dilemmas/ (every page with HANDBOOK_AXE_ALL=1);
- the search box open with results: light 1280x800 and dark 390x844, plus
  axe's aria-dialog-name rule (a best practice, outside the WCAG tags).

Also checked on every page: exactly one h1, headings that never skip a level,
a unique <title>, a skip link whose target is in the content, every "Copy
link" control a real button in the Tab order. With the keyboard: the skip link
moves focus to the content (4 pages), focus is visible on links (light and
dark), and Tab reaches the search box and every "Copy link" button (the home
page and the first item page of each kind).
"""

from __future__ import annotations

from collections import Counter

import pytest

from .conftest import DESKTOP, PHONE, goto, open_page, search
from .sweep import AXE_OPTIONS, PRINT_PAGE, VARIANTS, axe_script, dark_phone_pages, is_print_page, item_folder, sample

pytestmark = pytest.mark.browser


def describe(violations_by_page: dict[str, list], limit: int = 8) -> str:
    lines = []
    for path, violations in sorted(violations_by_page.items()):
        for v in violations:
            targets = ", ".join(v["targets"][:limit]) + (" ..." if len(v["targets"]) > limit else "")
            lines.append(f"  /{path}: {v['id']} ({v['impact']}: {v['help']}) at {targets}\n      {v['summary'][:300]}")
    return "\n".join(lines)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_axe_finds_no_violations(sweep, variant):
    """axe-core finds no WCAG 2.2 A or AA violation on any page in this variant of scheme and size."""
    checked = sweep.axe[variant]
    assert checked, f"axe did not run in {variant}"
    failing = {path: v for path, v in checked.items() if v}
    count = sum(len(v) for v in failing.values())
    assert not failing, (
        f"axe, {variant}: {count} violation(s) on {len(failing)} of {len(checked)} pages checked\n" + describe(failing)
    )


def test_axe_covers_every_page_in_light_dark_and_phone(sweep):
    """Every page is checked in light; every page but a big folder's item pages (a third of those) in dark at phone width."""

    pages = set(sweep.pages)
    assert PRINT_PAGE in sweep.axe["light-desktop"]
    assert len(pages) > 20, f"only {len(pages)} pages found in the built site"
    light_desktop = set(sweep.axe["light-desktop"])
    dark = set(sweep.axe["dark-desktop"]) | set(sweep.axe["dark-phone"]) | {PRINT_PAGE}
    phone = set(sweep.axe["light-phone"]) | set(sweep.axe["dark-phone"]) | {PRINT_PAGE}
    assert not pages - light_desktop, f"not checked in light 1280x800: {sorted(pages - light_desktop)}"
    pages -= {p for p in pages if is_print_page(p)}
    wanted = dark_phone_pages(sweep.pages)
    assert not wanted - dark, f"never checked in the dark scheme: {sorted(wanted - dark)}"
    assert not wanted - phone, f"never checked at phone size: {sorted(wanted - phone)}"
    top_level = {p for p in pages if item_folder(p) is None}
    assert top_level <= dark & phone, (
        f"hand-written or list pages not checked in dark at phone size: {sorted(top_level - dark)}"
    )
    folders: dict[str, list[str]] = {}
    for path in pages:
        if item_folder(path):
            folders.setdefault(item_folder(path), []).append(path)
    for folder, items in folders.items():
        seen = [p for p in items if p in dark and p in phone]
        assert 3 * len(seen) >= len(items), (
            f"{folder}: only {len(seen)} of {len(items)} pages checked in dark at phone size"
        )
    sampled = sample(sweep.pages) - {p for p in sweep.pages if is_print_page(p)}
    assert sampled <= set(sweep.axe["dark-desktop"]) and sampled <= set(sweep.axe["light-phone"])
    spanish = {p for p in sampled if p.startswith("es/")}
    assert len(spanish) >= 6, f"the Spanish sample is too small: {sorted(spanish)}"


@pytest.mark.parametrize(
    ("scheme", "viewport"), [("light", DESKTOP), ("dark", PHONE)], ids=["light-desktop", "dark-phone"]
)
def test_open_search_dialog_is_accessible(browser_context, served_site, scheme, viewport):
    """The open search dialog, with results showing, passes axe in every scheme and size."""
    page = open_page(browser_context(scheme, viewport), served_site.url("principles/confidentiality/"), scheme)
    try:
        results = search(page, "gift card")
        assert results, "the search for 'gift card' showed no results"
        page.evaluate(axe_script())
        found = page.evaluate("o => axe.run(document, o).then(r => r.violations)", AXE_OPTIONS)
        named = page.evaluate(
            "() => axe.run(document, {runOnly: {type: 'rule', values: ['aria-dialog-name']}}).then(r => r.violations)"
        )
        problems = {
            f"principles/confidentiality/ with search open ({scheme}, {viewport['width']}px)": [
                {
                    "id": v["id"],
                    "impact": v["impact"],
                    "help": v["help"],
                    "targets": [" ".join(n["target"]) for n in v["nodes"]],
                    "summary": (v["nodes"][0].get("failureSummary") or "") if v["nodes"] else "",
                }
                for v in found + named
            ]
        }
        assert not found and not named, "axe, open search dialog:\n" + describe(problems)
    finally:
        page.close()


def test_every_page_has_one_h1_and_headings_in_order(sweep):
    """Every page has exactly one H1 and never skips a heading level."""
    problems = []
    for path, facts in sorted(sweep.facts.items()):
        headings = facts["headings"]
        h1s = [h for h in headings if h["level"] == 1]
        if len(h1s) != 1:
            problems.append(f"/{path}: {len(h1s)} h1 elements {[h['text'] for h in h1s]}")
        previous = 0
        for h in headings:
            if h["level"] > previous + 1:
                problems.append(f"/{path}: h{h['level']} '{h['text']}' follows h{previous or '(none)'}")
            previous = h["level"]
    assert not problems, "heading structure:\n  " + "\n  ".join(problems)


def test_every_page_has_a_unique_title(sweep):
    """No two pages share a browser title."""
    titles = {path: facts["title"].strip() for path, facts in sweep.facts.items()}
    empty = sorted(path for path, title in titles.items() if not title)
    counts = Counter(titles.values())
    duplicates = {t: sorted(p for p, x in titles.items() if x == t) for t, n in counts.items() if n > 1 and t}
    assert not empty, f"pages without a <title>: {empty}"
    assert not duplicates, "pages sharing a <title>:\n  " + "\n  ".join(f"{t!r}: {p}" for t, p in duplicates.items())


def test_every_page_has_a_skip_link_into_the_content(sweep):
    """Every page starts with a skip link that leads into its main content."""
    problems = []
    for path, facts in sorted(sweep.facts.items()):
        skip = facts["skip"]
        if skip is None:
            problems.append(f"/{path}: no skip link (a.md-skip)")
        elif skip["target"] != "content":
            problems.append(f"/{path}: skip link {skip['href']} points to an element that is {skip['target']}")
    assert not problems, "\n".join(problems)


def test_every_copy_link_control_is_a_focusable_button(sweep):
    """Every copy-link control is a real button that the keyboard can reach."""
    problems = [
        f"/{path}: '{b['text']}' is a <{b['tag']}>, {'in' if b['focusable'] else 'NOT in'} the Tab order"
        for path, facts in sorted(sweep.facts.items())
        for b in facts["copyButtons"]
        if not b["focusable"] or b["tag"] != "button"
    ]
    assert any(facts["copyButtons"] for facts in sweep.facts.values()), "no 'Copy link' button on any page"
    assert not problems, "\n".join(problems)


# --- with the keyboard -------------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  return {tag: e.tagName.toLowerCase(), cls: e.className || '', href: e.getAttribute('href'),
          inContent: !!e.closest('.md-content'), style: getComputedStyle(e).outlineStyle,
          width: parseFloat(getComputedStyle(e).outlineWidth)};
}"""

RECORD_FOCUS = """() => {
  window.__focused = [];
  document.addEventListener('focusin', e => {
    const t = e.target;
    window.__focused.push(t.matches('input.md-search__input') ? 'search' : t.matches('.hb-copy') ? 'copy' : 'other');
  });
  return document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length;
}"""


def keyboard_pages(pages: list[str]) -> list[str]:
    """The home page and the first item page of each kind: the pages whose whole Tab order is walked."""
    chosen = [""]
    for kind in ("principles", "boundaries", "dilemmas", "training"):
        chosen += sorted(p for p in pages if p.startswith(kind + "/") and p.count("/") == 2)[:1]
    return chosen


AFTER_SKIP = """() => {
  const skip = document.querySelector('a.md-skip');
  const target = document.getElementById(decodeURIComponent(skip.hash.slice(1)));
  const e = document.activeElement;
  return {
    focusedTarget: e === target, targetInContent: !!(target && target.closest('.md-content')),
    focused: e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + (e.className || '') : null,
  };
}"""

NEXT_AFTER_SKIP = """() => {
  const target = document.getElementById(decodeURIComponent(document.querySelector('a.md-skip').hash.slice(1)));
  const e = document.activeElement;
  const after = !!(e && target && (target.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING));
  const focused = e ? e.tagName.toLowerCase() + '.' + (e.className || '') + ' ' + (e.getAttribute('href') || '') : null;
  return {after, focused};
}"""


@pytest.mark.parametrize("path", ["", "principles/confidentiality/", "dilemmas/friend-request/", "404.html"])
def test_skip_link_moves_focus_to_the_content(browser_context, served_site, path):
    """Following the skip link with the keyboard moves focus into the content."""
    page = open_page(browser_context("light", DESKTOP), served_site.url(path))
    try:
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUSED)
        assert first and "md-skip" in first["cls"], f"/{path}: the first Tab stop is {first}, not the skip link"
        assert page.locator("a.md-skip").is_visible(), f"/{path}: the focused skip link is not visible"
        page.keyboard.press("Enter")
        page.wait_for_timeout(100)
        landed = page.evaluate(AFTER_SKIP)
        assert landed["targetInContent"], f"/{path}: the skip link's target is not in the content"
        assert landed["focusedTarget"], f"/{path}: after the skip link, focus is on {landed['focused']}, not its target"
        page.keyboard.press("Tab")
        following = page.evaluate(NEXT_AFTER_SKIP)
        assert following["after"], f"/{path}: Tab after the skip link goes back to {following['focused']}"
    finally:
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_focus_is_visible_on_links(browser_context, served_site, scheme):
    """A link that has keyboard focus shows a visible outline."""
    page = open_page(browser_context(scheme, DESKTOP), served_site.url("principles/confidentiality/"), scheme)
    try:
        seen = {"nav": None, "content": None}
        for _ in range(300):
            page.keyboard.press("Tab")
            f = page.evaluate(FOCUSED)
            if f and f["tag"] == "a":
                if f["inContent"] and "headerlink" not in f["cls"]:
                    key = "content"
                else:
                    key = "nav" if "md-nav__link" in f["cls"] else None
                if key and seen[key] is None:
                    seen[key] = f
            if all(seen.values()):
                break
        for where, f in seen.items():
            assert f is not None, f"Tab never reached a {where} link"
            assert f["style"] not in ("none", "hidden") and f["width"] >= 2, (
                f"{scheme}: a focused {where} link ({f['href']}) has no visible outline: {f['style']} {f['width']}px"
            )
    finally:
        page.close()


def test_tab_reaches_search_box_and_every_copy_link_button(browser_context, served_site):
    """The Tab key reaches the search box and every visible copy-link button."""
    problems = []
    page = browser_context("light", DESKTOP).new_page()
    try:
        for path in keyboard_pages(served_site.pages):
            goto(page, served_site.url(path))
            stops = page.evaluate(RECORD_FOCUS)
            copies = page.locator(".hb-copy:visible").count()  # one inside a closed <details> is reached once opened
            for _ in range(stops + 5):
                page.keyboard.press("Tab")
            focused = Counter(page.evaluate("window.__focused"))
            if not focused["search"]:
                problems.append(f"/{path}: Tab never reaches the search box")
            if focused["copy"] < copies:
                problems.append(f"/{path}: Tab reaches {focused['copy']} of {copies} 'Copy link' buttons")
        assert not problems, "\n".join(problems)
    finally:
        page.close()
