"""pa11y (HTML_CodeSniffer runner, WCAG2AA) over every page of a build: errors per page, and the total.

Not a test (the browser suite runs the same engine, HTML_CodeSniffer, in its sweep: see
tests/browser/sweep.py): this runs the independent tool itself, as a reviewer would. It builds
the site into a temporary folder (or takes a build with --site), serves it on 127.0.0.1 under the
path of its public address (/handbook/), and runs pa11y with Debian's Chromium on every HTML page
but the redirect stubs (the pages tests/browser checks), one shared browser, --jobs pages at a
time. Each page is loaded the way pa11y loads it (1280x1024, network idle); only errors count
(no warnings or notices). Prints each page with errors, its errors (code, element), a count by
rule, and the total; exits 1 when there is any error.

pa11y is installed on first use with npm (pinned: PA11Y_VERSION) into a cache folder outside the
work tree (~/.cache/handbook-bench/, or --tools DIR), without Puppeteer's browser download.

    .venv/bin/python bench/pa11y.py [--site DIR] [--jobs 2] [--page PATH ...] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from lighthouse import build, chromium, npm_tool, serve

ROOT = Path(__file__).resolve().parents[1]
PA11Y_VERSION = "9.1.1"

#: Reads {chromium, urls, jobs} as JSON on stdin; writes {url: [error, ...]} as JSON.
RUN_JS = r"""
const path = require("path");
const folder = process.argv[1];
const pa11y = require(path.join(folder, "node_modules", "pa11y"));
const puppeteer = require(path.join(folder, "node_modules", "puppeteer"));
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const { chromium, urls, jobs } = JSON.parse(input);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  const results = {};
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) {
      const page = await browser.newPage();
      try {
        const found = await pa11y(url, {
          browser, page, runners: ["htmlcs"], standard: "WCAG2AA",
          includeWarnings: false, includeNotices: false, timeout: 120000,
        });
        results[url] = found.issues.filter((i) => i.type === "error")
          .map((i) => ({ code: i.code, selector: i.selector, context: (i.context || "").slice(0, 160) }));
      } catch (e) {
        results[url] = [{ code: "pa11y-failed", selector: "", context: String(e).slice(0, 300) }];
      } finally {
        await page.close();
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  await browser.close();
  process.stdout.write(JSON.stringify(results));
});
"""


def site_pages(root: Path) -> list[str]:
    """Every HTML page as a URL path ('' is the home page), without the redirect stubs (/p/<id>/, a renamed
    item's old address): the same list as tests/browser/conftest.py site_pages()."""
    pages = []
    for path in root.rglob("*.html"):
        rel = path.relative_to(root).as_posix()
        with path.open(encoding="utf-8") as f:
            redirect = 'http-equiv="refresh"' in f.read(2000)
        if rel.startswith("p/") or redirect:
            continue
        pages.append(rel.removesuffix("index.html"))
    return sorted(pages)


def rule(code: str) -> str:
    """'WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2' -> '3_2_2.H32.2' (criterion and technique)."""
    parts = code.split(".")
    return ".".join(parts[3:]) if code.startswith("WCAG2") and len(parts) > 3 else code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--jobs", type=int, default=2, help="pages checked at the same time (default 2)")
    parser.add_argument("--page", action="append", help="only this page path (repeatable), e.g. faq/")
    parser.add_argument("--json", type=Path, help="also write {page: [errors]} to this file")
    parser.add_argument("--tools", type=Path, help="folder for the npm install of pa11y (default: a cache)")
    args = parser.parse_args()
    module = npm_tool("pa11y", PA11Y_VERSION, args.tools)
    folder = module.parents[1]
    with tempfile.TemporaryDirectory(prefix="bench-pa11y-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        site = site.resolve()
        pages = args.page or site_pages(site)
        server, address = serve(site, use_gzip=True)
        started = time.perf_counter()
        try:
            request = {"chromium": chromium(), "urls": [address + p for p in pages], "jobs": max(1, args.jobs)}
            run = subprocess.run(
                [shutil.which("node") or "node", "-e", RUN_JS, str(folder)],
                input=json.dumps(request),
                capture_output=True,
                text=True,
                timeout=3600,
            )
        finally:
            server.shutdown()
            server.server_close()
    if run.returncode:
        sys.exit(f"pa11y failed:\n{(run.stdout + run.stderr)[-3000:]}")
    found = {url.removeprefix(address): errors for url, errors in json.loads(run.stdout).items()}
    seconds = time.perf_counter() - started
    by_rule: Counter[str] = Counter()
    print(f"pa11y {PA11Y_VERSION}, runner htmlcs, standard WCAG2AA, errors only: {len(pages)} pages in {seconds:.0f} s")
    for path in pages:
        errors = found.get(path, [])
        by_rule.update(rule(e["code"]) for e in errors)
        if errors:
            print(f"\n/{path}: {len(errors)} error(s)")
            for e in errors:
                print(f"  {rule(e['code'])} at {e['selector']}\n      {e['context'][:120]!r}")
    total = sum(by_rule.values())
    failing = sum(1 for p in pages if found.get(p))
    if by_rule:
        print("\nerrors by rule:")
        for code, count in by_rule.most_common():
            print(f"  {count:5}  {code}")
    print(f"\ntotal: {total} error(s) on {failing} of {len(pages)} pages")
    if args.json:
        args.json.write_text(json.dumps(found, indent=1))
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
