"""PDFs with Chromium's page.pdf: the whole handbook, each training module, each handout.

Chromium renders the site's own print stylesheet, so the PDFs look like the
printed pages. Needs Playwright and a Chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from .model import Handbook

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def targets(handbook: Handbook) -> dict[str, str]:
    """PDF file name -> page of the site to print."""
    out = {"handbook.pdf": "print/"}
    for module in handbook.kind("training"):
        out[f"training-{module.id}.pdf"] = f"training/{module.id}/"
    for kind in ("dilemma", "training"):
        for item in handbook.kind(kind):
            out[f"handout-{item.id}.pdf"] = f"handouts/{item.id}/"
    return out


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1; yield its base URL."""

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def write_pdfs(base_url: str, pages: dict[str, str], out: Path, chromium: str | None = None) -> list[Path]:
    """Print each page to a PDF in out; return the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium or shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page()
        for name, path in pages.items():
            page.goto(base_url + path, wait_until="load")
            page.emulate_media(media="print")
            target = out / name
            page.pdf(path=str(target), format="Letter", print_background=True, outline=True, tagged=True)
            written.append(target)
        browser.close()
    return written


def main(root: Path, out: Path, handbook: Handbook) -> int:
    """Build the site, then print every target into out."""
    if not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        print("handbook pdf: no Chromium found; install it (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as site:
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", site], cwd=root)
        if build.returncode:
            return build.returncode
        with serve(Path(site)) as url:
            files = write_pdfs(url, targets(handbook), out)
    print(f"wrote {len(files)} PDF files to {out}/")
    return 0
