"""Bytes a reader downloads: the first view of a principle page, and the first search.

Not a test: it builds the site into a temporary folder, serves it on 127.0.0.1
twice (as plain files, then gzip-compressed like a typical web server), opens a
principle page in a fresh Chromium context (empty cache), then runs one search
in the real search box, and prints what was transferred, from Playwright's
responses:

- body: the bytes of the response bodies, as the page received them (decoded);
- wire: the encoded body size Chromium reports (compressed when gzip is on).

"First view" is everything until the page has loaded and the network is idle.
"First search" is everything after that: from the click into the search box
(the search engine and its index load then) to the results of the query.

    .venv/bin/python bench/search.py [--page principles/confidentiality/] [--query "gift card"]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class Handler(SimpleHTTPRequestHandler):
    use_gzip = False
    _cache: dict[str, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.use_gzip and wants_gzip and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
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


def build(out: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if run.returncode:
        sys.exit(f"mkdocs build failed:\n{(run.stdout + run.stderr)[-3000:]}")
    print(f"built {sum(1 for _ in out.rglob('*.html'))} HTML files in {time.perf_counter() - started:.1f} s")


def serve(site: Path, use_gzip: bool):
    handler = type("GzipHandler" if use_gzip else "PlainHandler", (Handler,), {"use_gzip": use_gzip, "_cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def kind(url: str, resource_type: str) -> str:
    name = url.split("?")[0].rsplit("/", 1)[-1]
    if "/pagefind/" in url:
        if "pf_fragment" in url or name.endswith(".pf_fragment"):
            return "pagefind fragments (results' text)"
        if "pf_index" in url or name.endswith(".pf_index"):
            return "pagefind index chunks"
        if name.endswith(".pf_meta") or "pf_meta" in url:
            return "pagefind meta"
        if name.endswith(".json"):
            return "pagefind entry"
        return "pagefind engine (js, wasm)"
    if "search_index.json" in url:
        return "Material's search_index.json"
    if "/workers/search" in url:
        return "Material's search worker"
    return {"document": "html", "stylesheet": "css", "script": "js"}.get(resource_type, "other")


def measure(browser, origin: str, page_path: str, query: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    responses, phase = [], ["first view"]
    context.on("response", lambda r: responses.append((phase[0], r)))
    page = context.new_page()
    started = time.perf_counter()
    page.goto(f"{origin}/{page_path}", wait_until="load")
    page.wait_for_load_state("networkidle")
    loaded = time.perf_counter() - started
    phase[0] = "first search"
    started = time.perf_counter()
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_function(
        "() => !/Initializing search/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=60_000,
    )
    box.press_sequentially(query)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=30_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    searched = time.perf_counter() - started
    rows = []
    for when, response in responses:
        response.finished()
        body = len(response.body()) if response.status == 200 else 0
        wire = response.request.sizes()["responseBodySize"]
        rows.append((when, kind(response.url, response.request.resource_type), response.url, body, wire))
    context.close()
    return {"rows": rows, "loaded": loaded, "searched": searched}


def line(name: str, rows: list) -> None:
    body, wire = sum(r[3] for r in rows) / 1024, sum(r[4] for r in rows) / 1024
    print(f"{name:46} {len(rows):>8} {body:>9.1f} {wire:>9.1f}")


def report(label: str, result: dict) -> None:
    rows = result["rows"]
    print(f"\n{label}")
    print(f"  {'':44} {'requests':>8} {'body KB':>9} {'wire KB':>9}")
    for when in ("first view", "first search"):
        chosen = [r for r in rows if r[0] == when]
        line(f"  {when}", chosen)
        for k in sorted({r[1] for r in chosen}):
            line(f"    {k}", [r for r in chosen if r[1] == k])
    print(
        f"  page loaded (network idle) after {result['loaded'] * 1000:.0f} ms; "
        f"first results after {result['searched'] * 1000:.0f} ms from the click into the search box"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", default="principles/confidentiality/")
    parser.add_argument("--query", default="gift card")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(chromium):
        sys.exit("no Chromium: install Debian's chromium package")
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = Path(tmp) / "site"
        build(site)
        index = site / "search" / "search_index.json"
        if index.exists():
            packed = len(gzip.compress(index.read_bytes(), 6))
            print(
                f"Material's search_index.json on disk (not loaded unless Material's own search runs): "
                f"{index.stat().st_size / 1024:.1f} KB, gzip -6: {packed / 1024:.1f} KB"
            )
        pagefind = site / "pagefind"
        if pagefind.is_dir():
            files = [f for f in pagefind.rglob("*") if f.is_file()]
            print(f"pagefind/ on disk: {len(files)} files, {sum(f.stat().st_size for f in files) / 1024:.1f} KB")
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            try:
                for use_gzip in (False, True):
                    server = serve(site, use_gzip)
                    try:
                        origin = f"http://127.0.0.1:{server.server_address[1]}"
                        served = "with gzip" if use_gzip else "uncompressed"
                        label = f"/{args.page}, then search {args.query!r}; served {served}"
                        report(label, measure(browser, origin, args.page, args.query))
                    finally:
                        server.shutdown()
                        server.server_close()
            finally:
                browser.close()


if __name__ == "__main__":
    main()
