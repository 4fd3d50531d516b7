"""The handbook on a phone: nothing scrolls sideways, targets big enough to tap, Back closes the menu, screenshots.

Sideways scroll is measured on every page at 360 px wide (in the sweep, see
sweep.py): document.documentElement.scrollWidth must not exceed clientWidth.
On a touch phone (390x844): the header's icons (menu, colour scheme, search)
and the open search overlay's controls are at least 44 x 44 px; the colour
scheme toggle switches by tap and by keyboard; Back closes an open navigation
drawer (Material's #__drawer) and stays on the page, the next Back leaves as
usual, a drawer closed some other way takes its history entry off again, a
link in the drawer still opens its page, and the search overlay's history is
left to search.js. Screenshots at 390x844 (home, a principle, a case study,
search results) go to test-artifacts/ as PNG.
"""

from __future__ import annotations

import struct

import pytest

from .conftest import ARTIFACTS, PHONE, goto, new_context, search

pytestmark = pytest.mark.browser

TAP_MIN = 44  # px, both ways (WCAG 2.5.5)
PRINCIPLE = "principles/confidentiality/"

#: The controls one can tap in a container: visible, with a box, and taking taps; their size and a name.
TAP_TARGETS = """selector => [...document.querySelectorAll(selector)].filter(el => {
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return box.width > 1 && box.height > 1 && style.visibility !== 'hidden' && style.display !== 'none'
    && Number(style.opacity) > 0 && style.pointerEvents !== 'none';
}).map(el => {
  const box = el.getBoundingClientRect();
  const name = el.getAttribute('for') || el.getAttribute('aria-label') || el.getAttribute('title') || el.className;
  return {tag: el.tagName.toLowerCase(), name, width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10};
})"""

SEARCH_CONTROLS = ".md-search__form label, .md-search__form button, .md-search__form a[href]"
DRAWER = "() => document.getElementById('__drawer').checked"
OURS = "() => !!(history.state && history.state.hbDrawer)"


@pytest.fixture(scope="module")
def phone(browser):
    """A touch phone context (390x844, light), shared by this module's tests."""
    context = new_context(browser, "light", PHONE, is_mobile=True, has_touch=True)
    try:
        yield context
    finally:
        context.close()


def _small(targets: list[dict]) -> list[str]:
    return [
        f"<{t['tag']}> {t['name']}: {t['width']} x {t['height']} px"
        for t in targets
        if t["width"] < TAP_MIN or t["height"] < TAP_MIN
    ]


def test_header_icons_and_search_controls_are_44px(phone, served_site):
    """On a phone the header's icons and the open search overlay's controls are at least 44 x 44 px."""
    page = phone.new_page()
    try:
        goto(page, served_site.url(PRINCIPLE))
        header = page.evaluate(TAP_TARGETS, ".md-header .md-header__button")
        names = " ".join(t["name"] for t in header)
        for wanted in ("__drawer", "__palette_", "__search"):
            assert wanted in names, f"no visible header button for {wanted} on a phone: {header}"
        assert not _small(header), "header icons smaller than 44 x 44 px:\n  " + "\n  ".join(_small(header))
        page.tap("label.md-header__button[for='__search']")
        page.wait_for_function("() => document.getElementById('__search').checked")
        page.locator("input.md-search__input").press_sequentially("gift")
        wait = (
            f"s => document.querySelectorAll(s).length && [...document.querySelectorAll(s)].every(el => {{"
            f"const b = el.getBoundingClientRect(); const o = Number(getComputedStyle(el).opacity);"
            f"return o === 0 || o === 1 && b.width >= {TAP_MIN} && b.height >= {TAP_MIN}; }})"
        )
        try:
            page.wait_for_function(wait, arg=SEARCH_CONTROLS, timeout=2_000)  # the clear button grows in
        except Exception:
            pass  # measured and reported below
        controls = page.evaluate(TAP_TARGETS, SEARCH_CONTROLS)
        assert len(controls) >= 2, f"the open search shows fewer than two controls (back, clear): {controls}"
        assert not _small(controls), "search overlay controls smaller than 44 x 44 px:\n  " + "\n  ".join(
            _small(controls)
        )
    finally:
        page.close()


def test_palette_toggle_switches_the_scheme(phone, served_site):
    """The colour-scheme toggle switches between light and dark by tap and by the Enter key."""
    page = phone.new_page()
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    try:
        goto(page, served_site.url(""))
        assert page.evaluate(scheme) == "default"
        page.tap(".md-header__option label.md-header__button:not([hidden])")
        page.wait_for_function(f"() => ({scheme})() === 'slate'")
        page.tap(".md-header__option label.md-header__button:not([hidden])")
        page.wait_for_function(f"() => ({scheme})() === 'default'")
        page.focus(".md-header__option input:checked")
        page.keyboard.press("Enter")
        page.wait_for_function(f"() => ({scheme})() === 'slate'")
        goto(page, served_site.url(PRINCIPLE), "dark")  # the choice is kept for the next page
        page.tap(".md-header__option label.md-header__button:not([hidden])")
        page.wait_for_function(f"() => ({scheme})() === 'default'")
    finally:
        page.evaluate("() => localStorage.clear()")  # the other tests of this context start in light
        page.close()


def _open_drawer(page) -> None:
    page.tap("label.md-header__button[for='__drawer']")
    page.wait_for_function(DRAWER)


def test_back_closes_the_open_menu(phone, served_site):
    """Back closes an open navigation drawer and stays on the page; the next Back leaves as usual."""
    page = phone.new_page()
    try:
        goto(page, served_site.url(""))
        goto(page, served_site.url(PRINCIPLE))
        _open_drawer(page)
        assert page.evaluate(OURS), "opening the drawer added no history entry"
        page.go_back()
        page.wait_for_function(f"() => !({DRAWER})()")
        assert served_site.path_of(page.url) == PRINCIPLE, f"Back with the menu open left the page for {page.url}"
        assert page.locator("article h1").is_visible()
        page.go_back()
        page.wait_for_url(served_site.url(""))
        # The search overlay's history is search.js's: opening it adds no entry of the drawer's.
        page.tap("label.md-header__button[for='__search']")
        page.wait_for_function("() => document.getElementById('__search').checked")
        assert not page.evaluate(OURS) and not page.evaluate(DRAWER)
    finally:
        page.close()


def test_menu_closed_otherwise_takes_its_entry_off(phone, served_site):
    """A drawer closed by tapping beside it leaves no history entry behind, and a link in it opens its page."""
    page = phone.new_page()
    try:
        goto(page, served_site.url(""))
        goto(page, served_site.url(PRINCIPLE))
        _open_drawer(page)
        page.tap("label.md-overlay", position={"x": PHONE["width"] - 20, "y": PHONE["height"] // 2})
        page.wait_for_function(f"() => !({DRAWER})() && !({OURS})()")
        page.go_back()  # one Back, and the previous page: no entry of the closed drawer was left
        page.wait_for_url(served_site.url(""))
        _open_drawer(page)
        page.tap(".md-sidebar--primary a.md-nav__link[href$='faq/']")
        page.wait_for_url(served_site.url("faq/"))  # the drawer's history entry did not stop the link
        page.wait_for_timeout(300)
        assert served_site.path_of(page.url) == "faq/", f"after a link in the drawer the page is {page.url}"
    finally:
        page.close()


SCREENSHOTS = {
    "phone-home.png": "",
    "phone-principle.png": "principles/confidentiality/",
    "phone-dilemma.png": "dilemmas/friend-request/",
}


def test_no_page_scrolls_sideways_at_360px(sweep):
    """No page is wider than a 360 px phone screen."""
    assert set(sweep.scroll) == set(sweep.pages)
    wide = {path: size for path, size in sweep.scroll.items() if size[0] > size[1]}
    assert not wide, "pages wider than a 360 px screen (scrollWidth > clientWidth):\n" + "\n".join(
        f"  /{path}: {scroll} > {client} px" for path, (scroll, client) in sorted(wide.items())
    )


def _png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_phone_screenshots(browser, served_site):
    """Phone-size screenshots of sample pages are written to test-artifacts/ for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = new_context(browser, "light", PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        for name, path in SCREENSHOTS.items():
            goto(page, served_site.url(path))
            page.screenshot(path=ARTIFACTS / name)
        goto(page, served_site.url(""))
        assert search(page, "gift card"), "the search showed no results"
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        page.screenshot(path=ARTIFACTS / "phone-search.png")
    finally:
        context.close()
    assert width[0] <= width[1], f"the search results scroll sideways on a phone: {width[0]} > {width[1]} px"
    for name in [*SCREENSHOTS, "phone-search.png"]:
        assert _png_size(ARTIFACTS / name) == (PHONE["width"] * 2, PHONE["height"] * 2), name
