"""PDFs with Chromium's page.pdf: the whole handbook, each training module, each handout, the worksheet.

Chromium renders the site's own print stylesheet, so the PDFs look like the
printed pages. The built site is not served from this machine: the browser
asks for the site's public address (site_url) and every request is answered
from the built folder, so every link and address in a PDF is the public one
and none names the machine that printed it. Requests to any other host are
refused. Needs Playwright and a Chromium (Debian: apt-get install chromium).
"""

from __future__ import annotations

import mimetypes
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..model import Handbook

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def targets(handbook: Handbook) -> dict[str, str]:
    """PDF file name -> page of the site to print (its public path)."""
    out = {"handbook.pdf": "print/", "decision-model-worksheet.pdf": "decision-model-worksheet/"}
    for module in handbook.kind("training"):
        out[f"training-{module.id}.pdf"] = f"training/{module.id}/"
    for kind in ("dilemma", "training"):
        for item in handbook.kind(kind):
            out[f"handout-{item.id}.pdf"] = f"handouts/{item.id}/"
    return out


def serve_from_folder(context, folder: Path, site_url: str) -> None:
    """Answer every request under site_url from the built folder; refuse every other request."""
    folder = Path(folder).resolve()
    base = site_url if site_url.endswith("/") else site_url + "/"

    def handle(route):
        url = route.request.url
        if not url.startswith(base):
            return route.abort()
        path = unquote(urlsplit(url).path[len(urlsplit(base).path) :])
        target = (folder / path).resolve()
        if target.is_dir():
            target = target / "index.html"
        if folder not in target.parents and target != folder or not target.is_file():
            return route.fulfill(status=404, body="not found")
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return route.fulfill(status=200, body=target.read_bytes(), headers={"content-type": kind})

    context.route("**/*", handle)


def write_pdfs(
    site_dir: Path, site_url: str, pages: dict[str, str], out: Path, chromium: str | None = None, browser=None
) -> list[Path]:
    """Print each page of the built site to a PDF in out; return the files written.

    browser: a Playwright browser to use (the tests share theirs); else one is started.
    """
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    base = site_url if site_url.endswith("/") else site_url + "/"

    def print_all(b) -> None:
        context = b.new_context(service_workers="block")
        serve_from_folder(context, site_dir, base)
        page = context.new_page()
        for name, path in pages.items():
            page.goto(base + path, wait_until="load")
            page.emulate_media(media="print")
            target = out / name
            page.pdf(path=str(target), format="Letter", print_background=True, outline=True, tagged=True)
            written.append(target)
        context.close()

    if browser is not None:
        print_all(browser)
        return written
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium or shutil.which("chromium"), args=CHROMIUM_ARGS)
        try:
            print_all(b)
        finally:
            b.close()
    return written


def main(root: Path, out: Path, handbook: Handbook) -> int:
    """Build the site, then print every target into out."""
    from ..config import read_config
    from ..site import public_address
    from .run import mkdocs_build

    if not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        print("handbook pdf: no Chromium found; install it (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    address = public_address(handbook, read_config(root).site_url) or "https://handbook.invalid/"
    with tempfile.TemporaryDirectory() as site:
        build = mkdocs_build(root, site)
        if build.returncode:
            print(build.stderr[-4000:], file=sys.stderr)
            return build.returncode
        files = write_pdfs(Path(site), address, targets(handbook), out)
    print(f"wrote {len(files)} PDF files to {out}/")
    return 0
