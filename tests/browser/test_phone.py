"""The handbook on a phone: nothing scrolls sideways, and screenshots for people to look at.

Sideways scroll is measured on every page at 360 px wide (in the sweep, see
sweep.py): document.documentElement.scrollWidth must not exceed clientWidth.
Screenshots at 390x844 (home, a principle, a case study, search results) go to
test-artifacts/ as PNG.
"""

from __future__ import annotations

import struct

import pytest

from .conftest import ARTIFACTS, PHONE, goto, new_context, search

pytestmark = pytest.mark.browser

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
