"""The offline copy: unzipped and opened from file://, navigation and search work, and nothing is fetched from outside it."""

from __future__ import annotations

import pytest

from tests.browser.conftest import new_context

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_folder(offline_copy, chromium_path):
    """The unpacked offline copy (tests/conftest.py builds it once for the run)."""
    print(f"\nhandbook-offline.zip: {offline_copy.zip_path.stat().st_size // 1024} KB, {offline_copy.files} files")
    return offline_copy.folder


def test_offline_copy_ships_no_cdn_script(offline_folder):
    """No page of the offline copy loads a script from a CDN; the iframe-worker shim is local."""
    offenders = [p.name for p in offline_folder.rglob("*.html") if "unpkg.com" in p.read_text(encoding="utf-8")]
    assert offenders == []
    assert 'src="assets/vendor/iframe-worker/shim.js"' in (offline_folder / "index.html").read_text(encoding="utf-8")


def test_offline_copy_navigates_and_searches_from_file(browser, offline_folder):
    """From file://, a nav link opens its page, search finds 'gift card', and every request stays inside the copy."""
    context = new_context(browser)
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    home = (offline_folder / "index.html").as_uri()
    page.goto(home, wait_until="load")
    page.locator("article a", has_text="principles").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("principles/index.html")
    assert page.title().startswith("Principles")
    page.locator("label.md-search__icon, input.md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("gift card", delay=30)
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initializing/i.test(m.textContent) && document.querySelectorAll('.md-search-result__item').length > 0 }"
    )
    hrefs = page.eval_on_selector_all(".md-search-result__item a", "els => els.slice(0, 5).map(e => e.href)")
    assert any("gift" in h for h in hrefs), hrefs
    outside = [u for u in requests if not u.startswith(("file://", "data:", "blob:"))]
    context.close()
    assert outside == []
    assert len(requests) > 5
