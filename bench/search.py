"""The first search on a phone: bytes it downloads and time to the first result on slow 3G. Not a test.

It builds the site (the real handbook at 1x; at 10x a synthetic one from
bench/build.py's make_data_project, every item copied nine times), serves it on
127.0.0.1 as a real static host does (gzip for text files, as GitHub Pages and
most hosts send them, and `Cache-Control: max-age=600`, GitHub Pages' value),
and for each query, in a fresh Chromium context (empty cache):

1. opens a principle page at full speed and waits until the network is idle;
2. turns on slow 3G through the DevTools protocol
   (Network.emulateNetworkConditions: 400 kbit/s down and up, 400 ms latency);
3. clicks into the search box and types the query at once.

Once a page has loaded and sits idle, search.js prefetches what every first search needs
(Pagefind's script, worker, WebAssembly and meta; the everyday words; search/pages.json), as
Material's own search loads its index on page load. Step 1 lets that happen at full speed, so the
figures below are those of a reader who has had the page open for a moment; the prefetched bytes
are printed apart. A search typed before the page is idle also fetches those (about 90 KB more).

It prints, per query, what that first search transferred (wire: the encoded
bytes Chromium reports, so compressed where the host compresses; body: the
decoded bytes), by kind of file, and the time from the click to the first
result in the list, measured in the page. Targets (issue 10): at most 150 KB
compressed for one word, 200 KB for a six-word sentence, and 3 s to the first
result on slow 3G.

    python bench/search.py [--scales 1 10] [--page principles/confidentiality/] [--query gift ...]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import shutil
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.build import make_data_project  # noqa: E402
from macros.builders.pdf import CHROMIUM_ARGS  # noqa: E402 - the launch flags of `make pdf` and the tests

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
SLOW_3G = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
QUERIES = ["gift", "my client wants to borrow money"]  # one word; a six-word sentence (stop words and all)
TARGETS_KB = {1: 150, 6: 200}  # words in the query -> most KB (compressed) its first search may download
TARGET_SECONDS = 3.0


class Handler(SimpleHTTPRequestHandler):
    """A static host: gzip for text files (level 6, as nginx and GitHub Pages), a 10-minute cache lifetime."""

    _cache: dict[str, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        if path not in self._cache:
            self._cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        body = self._cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def build(project: Path, out: Path) -> None:
    from macros.builders.run import mkdocs_build

    run = mkdocs_build(project, out, strict=False)
    if run.returncode:
        sys.exit(f"mkdocs build failed:\n{(run.stdout + run.stderr)[-3000:]}")


def serve(site: Path):
    handler = type("Host", (Handler,), {"_cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def kind(url: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if "/pagefind/" in url:
        if name.endswith(".pf_fragment"):
            return "pagefind fragments (results' text)"
        if name.endswith(".pf_index"):
            return "pagefind index chunks"
        if name.endswith(".pf_meta"):
            return "pagefind meta"
        return "pagefind engine (js, wasm, entry)"
    if "/search/vocabulary-" in url:
        return "vocabulary (typo correction)"
    if "/search/pages.json" in url:
        return "result titles (search/pages.json)"
    if "/search/words.json" in url:
        return "everyday words"
    return "other: " + name


# In the page: the time of the click into the box, and of the first result in the list.
WATCH = """() => {
  window.__t = {};
  const box = document.querySelector('input.md-search__input');
  box.addEventListener('pointerdown', () => { window.__t.click = performance.now(); }, {once: true});
  const list = document.querySelector('.md-search-result__list');
  new MutationObserver((_, observer) => {
    if (list.querySelector('li.md-search-result__item')) { window.__t.first = performance.now(); observer.disconnect(); }
  }).observe(list, {childList: true, subtree: true});
}"""


def first_search(browser, origin: str, page_path: str, query: str, cold: bool = False) -> dict:
    """cold: the page itself opens on slow 3G, and the query is typed as soon as the search box is there
    (before the page is idle, so nothing was prefetched)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    responses, phase = [], ["view"]
    context.on("response", lambda r: responses.append((phase[0], r)))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    if cold:
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        page.goto(f"{origin}/{page_path}", wait_until="domcontentloaded")
    else:
        page.goto(f"{origin}/{page_path}", wait_until="load")
        page.wait_for_load_state("networkidle")
    page.evaluate(WATCH)
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    phase[0] = "search"
    opener = page.locator("label.md-header__button[for='__search']")
    box = page.locator("input.md-search__input")
    if opener.is_visible():
        page.evaluate(
            "() => document.querySelector('input.md-search__input').dispatchEvent(new PointerEvent('pointerdown'))"
        )
        opener.click()
    else:
        box.click()
    box.press_sequentially(query)
    page.wait_for_function("() => window.__t.first", timeout=60_000, polling=50)
    times = page.evaluate("() => window.__t")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)  # what is still on its way for the rest of the results
    rows, early = [], []
    for when, response in responses:
        if when == "view" and kind(response.url).startswith("other"):
            continue  # the page itself
        response.finished()
        body = len(response.body()) if response.status == 200 else 0
        wire = max(0, response.request.sizes()["responseBodySize"])  # a cache hit is reported below zero
        (rows if when == "search" else early).append((kind(response.url), body, wire))
    shown = page.locator(".md-search-result__item").count()
    context.close()
    return {"rows": rows, "early": early, "seconds": (times["first"] - times["click"]) / 1000, "shown": shown}


def report(scale: int, query: str, result: dict) -> None:
    rows = result["rows"]
    wire = sum(r[2] for r in rows) / 1024
    words = len(query.split())
    target = TARGETS_KB.get(words)
    verdict = f"(target {target} KB: {'met' if wire <= target else 'MISSED'})" if target else ""
    time_verdict = "met" if result["seconds"] <= TARGET_SECONDS else "MISSED"
    print(f"\n{scale}x  first search {query!r} ({words} word{'s' * (words > 1)}), {result['shown']} results shown")
    print(f"    {'':40} {'requests':>8} {'body KB':>9} {'wire KB':>9}")
    for k in sorted({r[0] for r in rows}):
        chosen = [r for r in rows if r[0] == k]
        body_kb, wire_kb = sum(r[1] for r in chosen) / 1024, sum(r[2] for r in chosen) / 1024
        print(f"    {k:40} {len(chosen):>8} {body_kb:>9.1f} {wire_kb:>9.1f}")
    print(f"    {'total':40} {len(rows):>8} {sum(r[1] for r in rows) / 1024:>9.1f} {wire:>9.1f} {verdict}")
    early = result.get("early") or []
    print(
        f"    before the click, while the page sat idle (search.js's prefetch, full speed): {len(early)} requests, "
        f"{sum(r[2] for r in early) / 1024:.1f} KB wire"
    )
    print(
        f"    slow 3G: first result {result['seconds']:.2f} s after the click (target {TARGET_SECONDS:.0f} s: {time_verdict})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--page", default="principles/confidentiality/")
    parser.add_argument("--query", nargs="+", default=QUERIES)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        sys.exit("no Chromium: install Debian's chromium package")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        try:
            for scale in args.scales:
                with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
                    project = ROOT
                    if scale != 1:
                        project = Path(tmp) / "project"
                        project.mkdir()
                        make_data_project(scale, project)
                    site = Path(tmp) / "site"
                    started = time.perf_counter()
                    build(project, site)
                    pages = sum(1 for _ in site.rglob("*.html"))
                    pagefind = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
                    print(
                        f"\n{scale}x: built {pages} HTML files in {time.perf_counter() - started:.0f} s; pagefind/ "
                        f"{len(pagefind)} files, {sum(f.stat().st_size for f in pagefind) / 1024:.0f} KB on disk"
                    )
                    server = serve(site)
                    try:
                        origin = f"http://127.0.0.1:{server.server_address[1]}"
                        for query in args.query:
                            report(scale, query, first_search(browser, origin, args.page, query))
                        for query in args.query:
                            print(f"\n{scale}x  cold: the page opened on slow 3G and searched at once")
                            report(scale, query, first_search(browser, origin, args.page, query, cold=True))
                    finally:
                        server.shutdown()
                        server.server_close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
