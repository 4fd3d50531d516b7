"""Browser tests: one build of the handbook, served on 127.0.0.1, checked in one headless Chromium.

Session fixtures, all built once:

- ``chromium_path``: the system Chromium. Missing: the suite is skipped, except
  with ``CI=true``, where that is a failure.
- ``served_site``: the suite's one build of the handbook (tests/conftest.py
  ``built_site``, shared with tests/build), served by a threaded ``http.server``
  on a free port under the same path as its public address (``/handbook/``), so
  that a sub-path deployment is what the browser sees (``.url(path)``,
  ``.origin``, ``.pages``).
- ``browser``: one Playwright Chromium for the whole session.
- ``browser_context``: ``browser_context(scheme, viewport)`` returns a shared,
  cached context (``scheme`` is ``"light"`` or ``"dark"``, emulated through
  ``prefers-color-scheme``, which Material's palette follows).
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"

from macros.builders.pdf import CHROMIUM_ARGS  # noqa: E402 - one list of launch flags for the tests and `make pdf`
from tests.conftest import once, record_summary  # noqa: E402 - figures for the end of the run, from any worker

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCHEMES = {"light": "default", "dark": "slate"}  # our name -> Material's data-md-color-scheme
TIMEOUT_MS = 20_000


def _on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def _skip_or_fail(reason: str):
    """No browser here: skip on a workstation, fail on CI (CI=true)."""
    if _on_ci():
        pytest.fail(f"{reason} (CI=true: the browser suite must run on CI)", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("the playwright package is not installed (pip install --require-hashes -r requirements.lock)")
    path = find_chromium()
    if path is None:
        _skip_or_fail(
            "no Chromium binary: `chromium` is not on PATH and /usr/bin/chromium does not exist "
            "(install it with: apt-get install -y chromium)"
        )
    return path


# --- the built site, served locally -----------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    base_path = "/"  # the path the site is served under, as on its public host
    served: list | None = None  # (path, status) of every answer, when the server keeps a log

    def log_message(self, format, *args):  # noqa: A002 - the signature is http.server's
        pass

    def log_request(self, code="-", size="-"):
        if self.served is not None:
            self.served.append((self.path, int(getattr(code, "value", code)) if str(code).isdigit() else 0))

    def translate_path(self, path):
        if self.base_path != "/":
            if not path.startswith(self.base_path):
                return str(Path(self.directory) / "__outside_the_site__")
            path = "/" + path[len(self.base_path) :]
        return super().translate_path(path)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):  # the browser dropped a connection: not our problem
            return
        super().handle_error(request, client_address)


def is_redirect(path: Path) -> bool:
    """A redirect stub (/p/<id>/, a renamed item's old address): a meta refresh and nothing else to read."""
    with path.open(encoding="utf-8") as f:
        return 'http-equiv="refresh"' in f.read(2000)


def site_pages(root: Path) -> list[str]:
    """Every HTML page of a built site as a URL path ('' is the home page), without the redirect stubs."""
    pages = []
    for path in root.rglob("*.html"):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("p/") or is_redirect(path):
            continue
        pages.append(rel.removesuffix("index.html"))
    return sorted(pages)


@dataclass
class ServedSite:
    root: Path
    origin: str  # http://127.0.0.1:<port>
    pages: list[str] = field(default_factory=list)
    base_path: str = "/"  # '/handbook/': where the site lives on its host
    site_url: str = ""  # its public address
    served: list = field(default_factory=list)  # (path, status) of every answer the server gave

    def url(self, path: str = "") -> str:
        return f"{self.origin}{self.base_path}{path.lstrip('/')}"

    def path_of(self, url: str) -> str:
        """'http://127.0.0.1:1234/handbook/boundaries/gifts/#x' -> 'boundaries/gifts/'."""
        rest = url.removeprefix(self.origin).removeprefix(self.base_path).lstrip("/")
        return rest.split("#", 1)[0].split("?", 1)[0]


@pytest.fixture(scope="session")
def served_site(chromium_path, built_site):
    from urllib.parse import urlsplit

    base = urlsplit(built_site.site_url).path or "/"
    served: list = []
    handler = type("Handler", (_QuietHandler,), {"base_path": base, "served": served})
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(built_site.root)))
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield ServedSite(
            root=built_site.root,
            origin=f"http://{host}:{port}",
            pages=site_pages(built_site.root),
            base_path=base,
            site_url=built_site.site_url,
            served=served,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# --- one browser, shared contexts ------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS)
    except Exception as err:
        playwright.stop()
        pytest.fail(f"Chromium at {chromium_path} did not start: {err}", pytrace=False)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


def new_context(browser, scheme: str = "light", viewport: dict | None = None, **kwargs):
    context = browser.new_context(
        viewport=viewport or DESKTOP, color_scheme=scheme, reduced_motion="reduce", service_workers="block", **kwargs
    )
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture(scope="session")
def browser_context(browser):
    """browser_context(scheme, viewport) -> a context shared by every test that asks for the same pair."""
    cache = {}

    def get(scheme: str = "light", viewport: dict | None = None):
        viewport = viewport or DESKTOP
        key = (scheme, viewport["width"], viewport["height"])
        if key not in cache:
            cache[key] = new_context(browser, scheme, viewport)
        return cache[key]

    try:
        yield get
    finally:
        for context in cache.values():
            context.close()


def open_page(context, url: str, scheme: str = "light"):
    """A new page at url, loaded, with Material's palette applied."""
    page = context.new_page()
    goto(page, url, scheme)
    return page


def goto(page, url: str, scheme: str = "light") -> None:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response.status if response else 'no response'}"
    page.wait_for_function(
        "s => document.body && document.body.getAttribute('data-md-color-scheme') === s", arg=SCHEMES[scheme]
    )


WATCH_RESULTS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const list = document.querySelector('.md-search-result__list');
  if (window.__hbWatch) window.__hbWatch.disconnect();
  if (!window.__hbTypedListener) {
    const box = document.querySelector('input.md-search__input');
    const typed = () => { window.__hbTyped = performance.now(); };
    for (const type of ['input', 'keyup']) box.addEventListener(type, typed);
    window.__hbTypedListener = true;
  }
  window.__hbChanged = 0;
  window.__hbTyped = performance.now();
  window.__hbWatch = new MutationObserver(() => { window.__hbChanged = performance.now(); });
  const what = {childList: true, subtree: true, characterData: true};
  for (const node of [meta, list]) window.__hbWatch.observe(node, what);
}"""

RESULTS_SETTLED = """quietMs => {
  const text = document.querySelector('.md-search-result__meta').textContent.trim();
  const ready = text && !/Initializing search|Type to start searching/i.test(text);
  return ready && window.__hbChanged > window.__hbTyped && performance.now() - window.__hbChanged >= quietMs;
}"""

RESULT_LINKS = """() => [...document.querySelectorAll(
  '.md-search-result__list > li.md-search-result__item > a.md-search-result__link')].map(a => a.href)"""


def search(page, query: str, quiet_ms: int = 200) -> list[str]:
    """Type query into the site's search box, as a person does; return the result links (absolute URLs), best first.

    Works with Material's own search and with the Pagefind box (docs/assets/search.js), at any width: on a
    phone the box opens from the header's search button. The results count once the result list has
    changed after the last key (both times taken in the page) and then stayed unchanged for quiet_ms.
    """
    box = page.locator("input.md-search__input")
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # phone: the box hides behind the header's search button
        opener.click()
    else:
        box.click()
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_function(
        "() => !/Initializing search|Preparando la búsqueda/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=30_000,
    )
    box.press("Control+a")
    box.press("Backspace")  # keys, not fill(): Material searches on keyup
    page.evaluate(WATCH_RESULTS)
    box.press_sequentially(query)
    try:
        page.wait_for_function(RESULTS_SETTLED, arg=quiet_ms, polling=50, timeout=15_000)
    except Exception as err:
        meta = page.locator(".md-search-result__meta").text_content()
        raise AssertionError(f"search {query!r}: no settled results after 15 s (the box says {meta!r})") from err
    return page.evaluate(RESULT_LINKS)


@pytest.fixture(scope="session")
def sweep(browser, served_site, tmp_path_factory):
    """Every page visited once, with axe results, page facts, sideways scroll and requests (see sweep.py).

    Made once for the whole run: the worker that gets there first runs it, the others read its results.
    """
    from .sweep import run_sweep

    def make():
        result = run_sweep(browser, served_site)
        runs = ", ".join(f"{variant} {len(pages)}" for variant, pages in result.axe.items())
        slowest = ", ".join(f"/{p} {t:.1f} s" for p, t in sorted(result.seconds.items(), key=lambda x: -x[1])[:3])
        record_summary(
            f"browser sweep: {len(result.pages)} pages in {result.total_seconds:.0f} s; "
            f"axe runs: {runs}; slowest: {slowest}"
        )
        return result

    return once(tmp_path_factory, "sweep", make)
