"""PDFs with Chromium's page.pdf: the whole handbook, each module, every handout and printable.

Chromium renders the site's own print stylesheet (docs/assets/print.css), so the PDFs look like
the printed pages. The built site is not served from this machine: the browser asks for the
site's public address (site_url) and every request is answered from the built folder, so every
link and address in a PDF is the public one and none names the machine that printed it. Requests
to any other host are refused. Needs Playwright and a Chromium (Debian: apt-get install chromium).

A printable page says how it prints in a `data-hb-print` attribute (the templates set it):
"one-page" sheets carry their own attribution and get no running footer; "landscape" prints
landscape (the role cards); every other page gets a running footer with the handbook's title,
edition, license, page number and the page's public address. A page with a contents list
(`.hb-toc-page[data-for]`, the whole handbook) prints twice: the first print says on which page
each heading starts (the PDF's outline), the numbers go into the contents, and the second print is
the PDF; a third print follows only if the numbers moved.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import mimetypes
import os
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

#: The printables of each training module: what (the page under handouts/<module>/) -> the PDF's name
#: after the module's id, and the module field it needs (no role-plays, no role cards).
MODULE_PRINTABLES = {
    "role-cards": ("role-cards", "role_plays"),
    "test": ("knowledge-check", "quiz"),
    "facilitator": ("facilitator-guide", ""),
}
#: The printables of the course builder (data/courses.yml): page under handouts/course/ -> PDF name.
COURSE_PRINTABLES = ("line-up-cards", "my-codes-card", "sign-in-sheet", "evaluation-form")

#: The running footer's text size. Body text prints at 11pt; the footer sits in the margin.
FOOTER_PT = 9


def targets(handbook: Handbook) -> dict[str, str]:
    """PDF file name -> page of the site to print (its public path)."""
    out = {
        "handbook.pdf": "print/",
        "decision-model-worksheet.pdf": "decision-model-worksheet/",
        "code-on-two-pages.pdf": "code/",
    }
    for module in handbook.kind("training"):
        out[f"training-{module.id}.pdf"] = f"training/{module.id}/"
        for what, (name, needs) in MODULE_PRINTABLES.items():
            if not needs or module.get(needs):
                out[f"{module.id}-{name}.pdf"] = f"handouts/{module.id}/{what}/"
    for kind in ("dilemma", "training"):
        for item in handbook.kind(kind):
            out[f"handout-{item.id}.pdf"] = f"handouts/{item.id}/"
    if handbook.courses:
        for what in COURSE_PRINTABLES:
            out[f"{what}.pdf"] = f"handouts/course/{what}/"
    from ..site import built_languages

    for lang in built_languages(handbook):  # the same PDFs in each other language, in its folder: es/handbook.pdf
        out.update({f"{lang}/{name}": f"{lang}/{path}" for name, path in list(out.items()) if "/" not in name})
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


def edition_of(site_dir: Path) -> dict:
    """Title, publisher, edition and license of the built site, from its handbook.json."""
    try:
        data = json.loads((Path(site_dir) / "handbook.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    out = {
        "title": str(data.get("title") or "Peer Support Ethics Handbook"),
        "publisher": str(data.get("publisher") or ""),
        "edition": str(data.get("edition") or ""),
        "license": str(data.get("license") or "CC BY-SA 4.0"),
    }
    languages = data.get("translations") if isinstance(data.get("translations"), dict) else {}
    out["languages"] = {
        code: {**out, "title": str(lang.get("title") or out["title"])}
        for code, lang in languages.items()
        if isinstance(lang, dict)
    }
    return out


FOOTER_WORDS = {  # the footer's own words, per language (Chromium fills in the numbers)
    "en": (", edition {edition}", "Page {page} of {total}"),
    "es": (", edición {edition}", "Página {page} de {total}"),
}


def footer_template(meta: dict, address: str, lang: str = "en") -> str:
    """Chromium's footerTemplate: title, edition and license; page N of M; the page's public address."""
    e = html.escape
    edition_words, page_words = FOOTER_WORDS.get(lang, FOOTER_WORDS["en"])
    edition = edition_words.format(edition=e(meta["edition"])) if meta.get("edition") else ""
    pages = page_words.format(page='<span class="pageNumber"></span>', total='<span class="totalPages"></span>')
    return (
        f"<div style=\"box-sizing:border-box;width:100%;padding:0 0.6in;font-family:'Liberation Sans',"
        f"Arial,Helvetica,sans-serif;font-size:{FOOTER_PT}pt;line-height:1.3;color:#222;display:flex;"
        f'justify-content:space-between;align-items:flex-end;gap:0.3in;">'
        f'<div style="min-width:0;">{e(meta["title"])}{edition} · {e(meta["license"])}<br>'
        f'<span style="word-break:break-all;">{e(address)}</span></div>'
        f'<div style="white-space:nowrap;">{pages}</div>'
        "</div>"
    )


#: Run before every print: the beforeprint event (docs/assets/print.js opens every <details>), then
#: the page's print hints.
BEFORE_PRINT = """() => {
  window.dispatchEvent(new Event('beforeprint'));
  const hint = document.querySelector('[data-hb-print]');
  return {hints: hint ? hint.dataset.hbPrint.split(/\\s+/) : [], toc: !!document.querySelector('.hb-toc-page[data-for]')};
}"""

#: Every heading the print shows, in order: [id, text as printed].
HEADINGS = """() => [...document.querySelectorAll('article h1, article h2, article h3, article h4, article h5, article h6')]
  .filter(h => h.getClientRects().length > 0).map(h => [h.id, h.innerText])"""

FILL_CONTENTS = """numbers => {
  for (const el of document.querySelectorAll('.hb-toc-page[data-for]')) {
    el.textContent = numbers[el.dataset.for] ? String(numbers[el.dataset.for]) : '';
  }
}"""


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00b6", "").split()).casefold()


def outline_pages(pdf: bytes | Path) -> list[tuple[str, int]]:
    """The PDF's outline, flattened in document order: (title, 1-based page number)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf))
    out: list[tuple[str, int]] = []

    def walk(entries) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry)
            else:
                out.append((str(entry.title), reader.get_destination_page_number(entry) + 1))

    walk(reader.outline)
    return out


def heading_pages(headings: list[list[str]], outline: list[tuple[str, int]]) -> dict[str, int]:
    """Heading id -> the page it starts on: the page's headings matched, in order, to the outline's."""
    pages: dict[str, int] = {}
    at = 0
    for heading_id, text in headings:
        want = _norm(text)
        for j in range(at, len(outline)):
            if _norm(outline[j][0]) == want:
                if heading_id:
                    pages.setdefault(heading_id, outline[j][1])
                at = j + 1
                break
    return pages


def contents_numbers(page, pdf: bytes | Path) -> dict[str, int]:
    """For each entry of the page's contents, the page its heading starts on in this print."""
    wanted = set(page.eval_on_selector_all(".hb-toc-page[data-for]", "els => els.map(e => e.dataset.for)"))
    found = heading_pages(page.evaluate(HEADINGS), outline_pages(pdf))
    return {key: n for key, n in found.items() if key in wanted}


def write_pdfs(
    site_dir: Path, site_url: str, pages: dict[str, str], out: Path, chromium: str | None = None, browser=None
) -> list[Path]:
    """Print each page of the built site to a PDF in out; return the files written.

    browser: a Playwright browser to use (the tests share theirs); else one is started.
    """
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    base = site_url if site_url.endswith("/") else site_url + "/"
    meta = edition_of(site_dir)

    def print_all(b) -> None:
        context = b.new_context(service_workers="block")
        serve_from_folder(context, site_dir, base)
        page = context.new_page()
        page.emulate_media(media="print")
        for name, path in pages.items():
            page.goto(base + path, wait_until="load")
            facts = page.evaluate(BEFORE_PRINT)
            options = dict(
                format="Letter",
                print_background=True,
                outline=True,
                tagged=True,
                landscape="landscape" in facts["hints"],
            )
            if "one-page" not in facts["hints"]:
                options.update(
                    display_header_footer=True,
                    header_template="<span></span>",
                    footer_template=footer_template(
                        meta.get("languages", {}).get(path.split("/")[0], meta), base + path, path.split("/")[0]
                    ),
                )
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if facts["toc"]:
                numbers: dict[str, int] = {}
                for _ in range(3):  # the numbers are right once a print shows them where they were found
                    page.evaluate(FILL_CONTENTS, numbers)
                    pdf = page.pdf(**options)
                    found = contents_numbers(page, pdf)
                    if found == numbers:
                        break
                    numbers = found
                target.write_bytes(pdf)
            else:
                page.pdf(path=str(target), **options)
            written.append(target)
        context.close()

    if browser is not None:
        print_all(browser)
        return written
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium or find_chromium(), args=CHROMIUM_ARGS)
        try:
            print_all(b)
        finally:
            b.close()
    return written


def chosen_targets(handbook: Handbook) -> dict[str, str]:
    """targets(), or those whose PDF names match $HANDBOOK_PDF_ONLY (comma-separated patterns: 'handbook.pdf,handout-*')."""
    import fnmatch

    every = targets(handbook)
    patterns = [p.strip() for p in os.environ.get("HANDBOOK_PDF_ONLY", "").split(",") if p.strip()]
    if not patterns:
        return every
    return {name: page for name, page in every.items() if any(fnmatch.fnmatch(name, p) for p in patterns)}


def find_chromium() -> str | None:
    """The browser to print with: $CHROMIUM when set (GitHub's runners have /usr/bin/google-chrome), else Chromium."""
    named = os.environ.get("CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).exists() else None)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def main(root: Path, out: Path, handbook: Handbook, site_dir: Path | None = None) -> int:
    """Build the site (or take site_dir, a build of it), then print every target into out."""
    from ..config import read_config
    from ..site import public_address
    from .run import mkdocs_build

    if not find_chromium():
        print(
            "handbook pdf: no Chromium found; install it (Debian: apt-get install chromium), "
            "or name its program in the CHROMIUM environment variable",
            file=sys.stderr,
        )
        return 1
    address = public_address(handbook, read_config(root).site_url) or "https://handbook.invalid/"
    with contextlib.ExitStack() as stack:
        if site_dir is None:
            site_dir = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            build = mkdocs_build(root, site_dir)
            if build.returncode:
                print(build.stderr[-4000:], file=sys.stderr)
                return build.returncode
        elif not (site_dir / "index.html").is_file():
            print(f"handbook pdf: {site_dir}/index.html is missing; build the site there first", file=sys.stderr)
            return 1
        files = write_pdfs(site_dir, address, chosen_targets(handbook), out)
    print(f"wrote {len(files)} PDF files to {out}/")
    return 0
