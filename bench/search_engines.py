"""Material's built-in search against Pagefind, on the real and the 10x synthetic handbook. Not a test.

For each scale it builds the site twice: with Pagefind in the search box (the
handbook's choice) and with Material's own search (lunr, one index for the
whole site). In Chromium it then measures, for the first search from a
principle page, the bytes transferred (raw, and gzip-compressed as a server
would send them) and the share of queries whose expected page is in the top 3.
Usage: python bench/search_engines.py [--scales 1 10]
"""

from __future__ import annotations

import argparse
import csv
import functools
import gzip
import os
import re
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.build import make_data_project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "browser" / "search_queries.csv"
FALLBACK = [
    ("gift card", "boundaries/gifts/"),
    ("lend money", "boundaries/money-and-loans/"),
    ("hug", "boundaries/physical-touch/"),
    ("friend request", "dilemmas/friend-request/"),
    ("report abuse", "principles/safety-and-duty-to-report/"),
]


def queries() -> list[tuple[str, list[str]]]:
    if not QUERIES.exists():
        return [(q, [t]) for q, t in FALLBACK]
    with QUERIES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [(r["query"], [t.strip() for t in r["expected"].split("|")]) for r in rows]


def build(project: Path, site: Path, material: bool) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    config = project / "mkdocs.yml"
    if material:  # the same site, with Material's own search in the box
        config = project / "mkdocs-material-search.yml"
        config.write_text(
            "INHERIT: mkdocs.yml\nplugins:\n  - search\n  - handbook:\n      offline_build: true\n"
            "  - macros:\n      on_error_fail: true\n      on_undefined: strict\n      modules: [macros]\n",
            encoding="utf-8",
        )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=project,
        env=env,
        check=True,
    )


def measure(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    table = queries()
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        bodies: dict[str, bytes] = {}
        page.on("response", lambda r: bodies.__setitem__(r.url, r.body() if r.ok else b""))
        page.goto(base + "principles/confidentiality/", wait_until="networkidle")
        view = dict(bodies)
        bodies.clear()
        hits = 0
        for i, (query, expected) in enumerate(table):
            box = page.locator("input.md-search__input")
            box.click()
            box.fill("")
            box.press_sequentially(query, delay=10)
            page.wait_for_function(
                "q => { const m = document.querySelector('.md-search-result__meta');"
                " return m && /matching|No matching/i.test(m.textContent) && document.querySelector('.md-search__input').value === q }",
                arg=query,
                timeout=60_000,
            )
            page.wait_for_timeout(250)
            top = page.eval_on_selector_all(
                ".md-search-result__item > a", "els => els.slice(0, 3).map(e => new URL(e.href).pathname)"
            )
            # at 10x every item has nine identical copies (<id>-copy-N): finding any of them is finding the item
            top = [re.sub(r"-copy-\d+/", "/", t) for t in top]
            hits += any(t.strip("/") == e.strip("/") for t in top for e in expected)
            if i == 0:
                first = dict(bodies)
        browser.close()
    server.shutdown()

    def size(found: dict[str, bytes]) -> tuple[int, int]:
        return sum(len(b) for b in found.values()), sum(len(gzip.compress(b)) for b in found.values())

    # Material fetches its whole index as the page loads, before the first search: count it with the search.
    index = {u: b for u, b in view.items() if "search_index" in u or "search." in u.rsplit("/", 1)[-1]}
    raw, packed = size({**first, **index})
    view_raw, view_packed = size({u: b for u, b in view.items() if u not in index})
    return {
        "first_raw": raw,
        "first_gzip": packed,
        "view_raw": view_raw,
        "view_gzip": view_packed,
        "hits": hits,
        "queries": len(table),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    args = parser.parse_args()
    print(
        f"{'scale':>5} {'engine':>9} {'page view KB gz':>16} {'1st search KB':>14} {'1st search KB gz':>17} {'top-3 hits':>11}"
    )
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp) / "project"
            project.mkdir()
            make_data_project(scale, project)
            for engine in ("pagefind", "material"):
                site = Path(tmp) / f"site-{engine}"
                build(project, site, material=engine == "material")
                m = measure(site)
                print(
                    f"{scale:>4}x {engine:>9} {m['view_gzip'] / 1024:>16.0f} {m['first_raw'] / 1024:>14.0f} {m['first_gzip'] / 1024:>17.0f} "
                    f"{m['hits']:>5}/{m['queries']:<5}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
