"""Lighthouse mobile performance of the home page, a principle page and a case study page.

Not a test: it builds the site into a temporary folder (or takes a build with --site), serves it on
127.0.0.1 under the path of its public address (/handbook/) with gzip, as a real host serves it,
and runs Lighthouse (npm, with Debian's Chromium) on each page with its default mobile preset
(Moto G Power screen, simulated slow 4G, 4x CPU slowdown), performance category only. Each page is
measured --runs times (default 3) and the median run by score is reported: the score, the key
metrics, and what Lighthouse says could still be saved (render-blocking requests, unused CSS and JS).

Lighthouse is installed on first use with npm (pinned: LIGHTHOUSE_VERSION) into a cache folder
outside the work tree (~/.cache/handbook-bench/, or --tools DIR); Puppeteer's own browser download
is skipped, since the system Chromium is used.

    .venv/bin/python bench/lighthouse.py [--site DIR] [--runs 3] [--page PATH ...] [--no-gzip]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
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
BASE = "/handbook/"  # the path of the public address (site_url), where the site is served
PAGES = ["", "principles/confidentiality/", "dilemmas/friend-request/"]
LIGHTHOUSE_VERSION = "12.8.2"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest", ".map")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "handbook-bench"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


# --- serving: gzip, under /handbook/ ------------------------------------------------------------


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files under BASE, gzip-compressed (level 6) when the browser asks, like a typical host."""

    use_gzip = True
    _cache: dict[str, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        pass

    def translate_path(self, path):
        if not path.startswith(BASE):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + path[len(BASE) :])

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
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
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path, use_gzip: bool = True) -> tuple[ThreadingHTTPServer, str]:
    """Serve site under BASE on a free port; returns the server and the site's address."""
    handler = type("Handler", (GzipHandler,), {"_cache": {}, "use_gzip": use_gzip})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{BASE}"


def build(out: Path) -> None:
    from macros.builders.run import mkdocs_build

    started = time.perf_counter()
    run = mkdocs_build(ROOT, out)
    if run.returncode:
        sys.exit(f"mkdocs build failed:\n{(run.stdout + run.stderr)[-3000:]}")
    print(f"built {sum(1 for _ in out.rglob('*.html'))} HTML files in {time.perf_counter() - started:.1f} s")


# --- npm tools, outside the work tree ----------------------------------------------------------


def chromium() -> str:
    from macros.builders.pdf import find_chromium

    path = find_chromium()
    if path is None:
        sys.exit("no Chromium: install Debian's chromium package (apt-get install -y chromium)")
    return path


def npm_tool(package: str, version: str, folder: Path | None = None) -> Path:
    """The folder of an npm package, installed (pinned) on first use into folder or the cache; never the repo."""
    folder = folder or CACHE / f"{package}-{version}"
    module = folder / "node_modules" / package
    if (module / "package.json").exists():
        return module
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        sys.exit("node and npm are needed (apt-get install -y nodejs npm)")
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / "package.json").exists():
        (folder / "package.json").write_text(json.dumps({"name": "handbook-bench-tools", "private": True}))
    print(f"installing {package}@{version} into {folder} ...", flush=True)
    env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1")
    command = [npm, "install", "--no-audit", "--no-fund", "--ignore-scripts", f"{package}@{version}"]
    run = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    if run.returncode:
        sys.exit(f"npm install {package}@{version} failed:\n{(run.stdout + run.stderr)[-3000:]}")
    return module


# --- Lighthouse ----------------------------------------------------------------------------------

METRICS = {
    "first-contentful-paint": "FCP",
    "largest-contentful-paint": "LCP",
    "total-blocking-time": "TBT",
    "cumulative-layout-shift": "CLS",
    "speed-index": "SI",
}


def lighthouse(module: Path, url: str, out: Path) -> dict:
    """One Lighthouse run (mobile preset, performance only); the parts of its report this bench prints."""
    command = [
        shutil.which("node") or "node",
        str(module / "cli" / "index.js"),
        url,
        f"--chrome-path={chromium()}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=performance",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if run.returncode or not out.exists():
        raise RuntimeError(f"lighthouse {url} failed:\n{(run.stdout + run.stderr)[-2000:]}")
    report = json.loads(out.read_text())
    audits = report["audits"]

    def items(audit_id: str) -> list[dict]:
        return (audits.get(audit_id, {}).get("details") or {}).get("items") or []

    def savings(audit_id: str) -> float:
        audit = audits.get(audit_id, {})
        return float((audit.get("metricSavings") or {}).get("FCP") or audit.get("numericValue") or 0)

    short = lambda u: u.replace(url.split(BASE)[0] + BASE, "")  # noqa: E731
    # Lighthouse 12 reports render-blocking requests as an insight (render-blocking-insight), older
    # versions as the render-blocking-resources audit: read either.
    blocking = items("render-blocking-insight") or items("render-blocking-resources")
    return {
        "score": round((report["categories"]["performance"]["score"] or 0) * 100),
        "metrics": {name: audits[key]["numericValue"] for key, name in METRICS.items()},
        "blocking": [(short(i["url"]), i.get("wastedMs") or 0) for i in blocking if "url" in i],
        "blocking_ms": savings("render-blocking-insight") or savings("render-blocking-resources"),
        "unused_css": [(short(i["url"]), i.get("wastedBytes", 0)) for i in items("unused-css-rules")],
        "unused_js": [(short(i["url"]), i.get("wastedBytes", 0)) for i in items("unused-javascript")],
        "bytes": audits.get("total-byte-weight", {}).get("numericValue", 0),
    }


def show(path: str, runs: list[dict]) -> dict:
    runs = sorted(runs, key=lambda r: r["score"])
    median = runs[len(runs) // 2]
    m = median["metrics"]
    scores = ", ".join(str(r["score"]) for r in runs)
    print(f"\n/{path}: performance {median['score']} (runs: {scores})")
    print(
        f"  FCP {m['FCP'] / 1000:.2f} s   LCP {m['LCP'] / 1000:.2f} s   TBT {m['TBT']:.0f} ms   "
        f"CLS {m['CLS']:.3f}   Speed Index {m['SI'] / 1000:.2f} s   transferred {median['bytes'] / 1024:.0f} KB"
    )
    if median["blocking"]:
        listed = ", ".join(f"{u}" for u, _ in median["blocking"])
        print(f"  render-blocking ({median['blocking_ms']:.0f} ms to save): {listed}")
    else:
        print("  render-blocking: none")
    for label, key in (("unused CSS", "unused_css"), ("unused JS", "unused_js")):
        if median[key]:
            print(f"  {label}: " + ", ".join(f"{u} {b / 1024:.1f} KB" for u, b in median[key]))
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temporary folder)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median by score is shown")
    parser.add_argument("--page", action="append", help="a page path such as principles/confidentiality/")
    parser.add_argument("--tools", type=Path, help="folder for the npm install of lighthouse (default: a cache)")
    parser.add_argument("--no-gzip", action="store_true", help="serve uncompressed (a host without compression)")
    args = parser.parse_args()
    pages = args.page or PAGES
    module = npm_tool("lighthouse", LIGHTHOUSE_VERSION, args.tools)
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        server, address = serve(site.resolve(), use_gzip=not args.no_gzip)
        try:
            served = "uncompressed" if args.no_gzip else "with gzip"
            print(f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset, {args.runs} run(s) per page, served {served}")
            results = {}
            for path in pages:
                runs = [lighthouse(module, address + path, Path(tmp) / f"run-{i}.json") for i in range(args.runs)]
                results[path] = show(path, runs)
        finally:
            server.shutdown()
            server.server_close()
    worst = min(r["score"] for r in results.values())
    print(f"\nlowest score: {worst} ({'meets' if worst >= 95 else 'below'} the budget of 95)")


if __name__ == "__main__":
    main()
