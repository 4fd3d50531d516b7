"""Save for offline: the opt-in service worker copy, saved from the About page and used with the network off.

Each test has its own context with service workers allowed (the suite's shared contexts block them),
so every test starts with nothing stored. The served site is the suite's one build, under /handbook/.
"""

from __future__ import annotations

import json
import time

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # no Playwright: the chromium_path fixture skips these tests (and fails them on CI)
    PlaywrightError = Exception

from .conftest import DESKTOP, PHONE, TIMEOUT_MS, goto, search
from .sweep import AXE_OPTIONS, axe_script

pytestmark = pytest.mark.browser

SAVE_TIMEOUT_MS = 60_000

STORED = """prefix => caches.keys().then(names => Promise.all(names
  .filter(n => n === prefix || n.startsWith(prefix + ' '))
  .map(n => caches.open(n).then(c => c.keys()).then(keys => [n, keys.length]))))"""

WORKERS = "() => navigator.serviceWorker.getRegistrations().then(rs => rs.map(r => r.scope))"

AXE_BOX = "opts => axe.run('.hb-offline', opts).then(r => r.violations.map(v => v.id + ': ' + v.help))"


def size_text(n: int) -> str:
    """The size as offline.js writes it."""
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} kB"


@pytest.fixture(scope="module")
def manifest(served_site):
    return json.loads((served_site.root / "offline" / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def context(browser, served_site):
    """A fresh context that allows service workers; every request it makes is recorded on it."""
    context = browser.new_context(
        viewport=DESKTOP, color_scheme="light", reduced_motion="reduce", service_workers="allow"
    )
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(axe_script())
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    yield context
    context.close()


def small(manifest, version: str, edition: str | None = None) -> dict:
    """A manifest of a few dozen files (styles, scripts, three sections): saves the same way, in a fraction of the time."""
    files = [f for f in manifest["files"] if f[0].startswith(("assets/", "about/", "principles/", "sources/"))]
    return dict(
        manifest, version=version, edition=edition or manifest["edition"], files=files, bytes=sum(n for _, n in files)
    )


def serve_manifest(context, manifest: dict) -> None:
    """The site's offline/manifest.json says this from now on (the files themselves are the real ones)."""
    context.unroute("**/offline/manifest.json*")
    context.route("**/offline/manifest.json*", lambda route: route.fulfill(json=manifest))


def prefix(served_site) -> str:
    return "handbook-offline " + served_site.base_path


def state(page) -> str:
    return page.locator(".hb-offline").first.get_attribute("data-state") or ""


def wait_state(page, *states: str, timeout: int = TIMEOUT_MS) -> str:
    page.wait_for_function(
        "states => states.includes(document.querySelector('.hb-offline').dataset.state)",
        arg=list(states),
        timeout=timeout,
    )
    return state(page)


def status(page) -> str:
    return page.locator(".hb-offline .hb-offline-status").inner_text()


def save(page, button: str = "Save for offline") -> float:
    """Press the button (with the keyboard) and wait until the save has finished or failed; the seconds it took."""
    page.get_by_role("button", name=button).focus()
    started = time.perf_counter()
    page.keyboard.press("Enter")
    wait_state(page, "saved", "failed", timeout=SAVE_TIMEOUT_MS)
    return time.perf_counter() - started


def test_save_from_about_then_browse_search_and_call_with_no_network(context, served_site, manifest):
    """Saving from the About page stores every file, and then pages, typed addresses, search and tel: links work offline."""
    page = context.new_page()
    goto(page, served_site.url("about/"))
    wait_state(page, "idle")
    assert size_text(manifest["bytes"]) in status(page)  # the size is shown before saving
    assert page.evaluate(WORKERS) == []  # nothing before the button: no worker, no cache
    assert page.evaluate(STORED, prefix(served_site)) == []
    assert page.evaluate(AXE_BOX, AXE_OPTIONS) == []

    seconds = save(page)
    assert state(page) == "saved", status(page)
    text = status(page)
    assert "Saved on this device" in text and f"edition {manifest['edition']}" in text, text
    assert size_text(manifest["bytes"]) in text and f"{len(manifest['files']):,} files" in text, text
    assert page.get_by_role("button", name="Remove the offline copy").is_visible()
    assert page.evaluate(AXE_BOX, AXE_OPTIONS) == []
    stored = dict(page.evaluate(STORED, prefix(served_site)))
    assert stored == {prefix(served_site): 1, f"{prefix(served_site)} {manifest['version']}": len(manifest["files"])}
    assert page.evaluate(WORKERS) == [served_site.url()]
    print(f"\nsaved {len(manifest['files'])} files, {manifest['bytes'] / 1e6:.1f} MB, in {seconds:.1f} s")

    context.set_offline(True)
    page.locator("article a[href$='sources/']").first.click()  # a link in the text
    page.wait_for_load_state("load")
    assert served_site.path_of(page.url) == "sources/" and page.title().startswith("Sources")
    page.locator(".md-nav a", has_text="Principles").first.click()  # the navigation
    page.wait_for_load_state("load")
    assert served_site.path_of(page.url) == "principles/"
    goto(page, served_site.url("dilemmas/"))  # typed addresses: a directory, and one without its slash
    assert page.locator("h1").first.inner_text().strip()
    goto(page, served_site.url("principles/confidentiality"))
    assert served_site.path_of(page.url) == "principles/confidentiality/"
    assert page.locator("a[href^='tel:']").count() > 0  # the crisis line
    results = search(page, "gift card")
    assert results and all(r.startswith(served_site.origin) for r in results), results
    page.goto(results[0])
    page.wait_for_load_state("load")
    assert page.locator("a[href^='tel:']").first.is_visible()
    response = page.goto(served_site.url("no/such/page/"))  # not saved and no network: the saved "not found" page
    assert response.status == 404 and "not found" in page.title().lower()
    outside = [u for u in context.requests if not u.startswith((served_site.origin, "data:", "blob:"))]
    assert outside == []


def test_failed_save_says_so_offers_try_again_and_is_never_used(context, served_site, manifest):
    """A file that fails to download stops the save with a plain message and Try again, and its partial copy is never used."""
    few = small(manifest, "1111111111111111")
    serve_manifest(context, few)
    broken = "**/sources/index.html?*"  # the last file in the list: the others are stored before it fails
    context.route(broken, lambda route: route.fulfill(status=503, body="down"))
    page = context.new_page()
    goto(page, served_site.url("about/"))
    wait_state(page, "idle")

    save(page)
    assert state(page) == "failed"
    text = status(page)
    assert "failed" in text and "sources/index.html" in text and "HTTP 503" in text, text
    assert "not saved for offline use" in text, text
    assert page.get_by_role("button", name="Try again").is_visible()
    assert page.evaluate(AXE_BOX, AXE_OPTIONS) == []
    stored = dict(page.evaluate(STORED, prefix(served_site)))
    assert prefix(served_site) not in stored, stored  # no record names the partial cache as the saved copy
    assert 0 < stored[f"{prefix(served_site)} {few['version']}"] < len(few["files"]), stored
    assert page.evaluate(WORKERS) == []
    assert page.evaluate("url => caches.match(url).then(r => !!r)", served_site.url("about/index.html"))

    context.set_offline(True)  # about/ is in the partial cache, and still does not open offline
    with pytest.raises(PlaywrightError):
        page.goto(served_site.url("about/"))
    context.set_offline(False)
    goto(page, served_site.url("about/"))
    wait_state(page, "partial")
    assert "did not finish" in status(page)

    context.unroute(broken)
    before = len(context.requests)
    page.get_by_role("button", name="Save for offline").click()
    wait_state(page, "saved", "failed", timeout=SAVE_TIMEOUT_MS)
    assert state(page) == "saved", status(page)
    fetched = [u for u in context.requests[before:] if "hb-offline-save=" in u and "manifest" not in u]
    assert 0 < len(fetched) < len(few["files"]) / 2, fetched  # Try again continues: stored files are not fetched again


def test_a_new_edition_replaces_the_old_copy_and_remove_deletes_it(context, served_site, manifest):
    """A new version in the site's manifest is offered and replaces the old cache, and Remove deletes every cache and the worker."""
    serve_manifest(context, small(manifest, "2222222222222222"))
    page = context.new_page()
    page.set_viewport_size(PHONE)
    goto(page, served_site.url(""))  # the home page, on a phone
    wait_state(page, "idle")
    save(page)
    assert state(page) == "saved", status(page)
    assert page.evaluate(WORKERS) == [served_site.url()]

    newer = small(manifest, "3333333333333333", edition="9.9")
    serve_manifest(context, newer)
    goto(page, served_site.url("sources/"))  # another page: a note at its top offers the new edition
    page.wait_for_selector(".hb-offline--note[data-state='update']")
    assert "A new edition (9.9) of the handbook is available." in page.locator(".hb-offline--note").inner_text()
    assert page.evaluate(AXE_BOX, AXE_OPTIONS) == []
    save(page, "Save the new edition")
    assert state(page) == "saved", status(page)
    assert "edition 9.9" in status(page)
    stored = dict(page.evaluate(STORED, prefix(served_site)))
    assert stored == {prefix(served_site): 1, f"{prefix(served_site)} {newer['version']}": len(newer["files"])}

    goto(page, served_site.url(""))
    wait_state(page, "saved")
    page.get_by_role("button", name="Remove the offline copy").click()
    wait_state(page, "removed")
    assert "removed" in status(page)
    assert page.get_by_role("button", name="Save for offline").is_visible()
    assert page.evaluate(STORED, prefix(served_site)) == []
    assert page.evaluate(WORKERS) == []
    page.close()
    page = context.new_page()
    context.set_offline(True)
    with pytest.raises(PlaywrightError):
        page.goto(served_site.url("sources/"))
