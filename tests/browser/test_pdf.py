"""PDFs printed by Chromium's page.pdf: the whole handbook, each module, and a one-page handout per case and module."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from macros.load import load_handbook
from macros.pdf import targets, write_pdfs
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(served_site, chromium_path, tmp_path_factory):
    handbook = load_handbook(ROOT)
    out = tmp_path_factory.mktemp("pdf")
    # write_pdfs starts its own Playwright; the suite's Playwright (sync API) already runs an event loop in
    # this thread, so print from another thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(write_pdfs, served_site.url(""), targets(handbook), out, chromium_path).result()
    return handbook, out


def read(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return len(reader.pages), " ".join(page.extract_text() or "" for page in reader.pages)


def test_whole_handbook_pdf(pdfs):
    """The handbook PDF has every principle and case study, each with its permanent link."""
    handbook, out = pdfs
    pages, text = read(out / "handbook.pdf")
    flat = " ".join(text.split())
    print(f"\nhandbook.pdf: {pages} pages")
    assert pages > 50
    missing = [i.title for kind in ("principle", "boundary", "dilemma") for i in handbook.kind(kind) if " ".join(i.title.split()) not in flat]
    assert missing == []
    assert "/p/confidentiality/" in flat


def test_module_pdfs(pdfs):
    """Each training module prints with its title and agenda."""
    handbook, out = pdfs
    for module in handbook.kind("training"):
        pages, text = read(out / f"training-{module.id}.pdf")
        assert 1 <= pages <= 12, (module.id, pages)
        assert module.title in " ".join(text.split()) and "Agenda" in text


def test_handouts_fit_on_one_page(pdfs):
    """Every case-study and module handout prints on exactly one Letter page, with its permanent link."""
    handbook, out = pdfs
    too_long = {}
    for kind in ("dilemma", "training"):
        for item in handbook.kind(kind):
            pages, text = read(out / f"handout-{item.id}.pdf")
            if pages != 1:
                too_long[item.id] = pages
            assert f"/p/{item.id}/" in "".join(text.split()), item.id
    assert too_long == {}
