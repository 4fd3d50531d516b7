"""PDFs printed by Chromium's page.pdf: the whole handbook, each module, and a one-page handout per case and module."""

from __future__ import annotations

import pytest

from macros.builders.pdf import targets, write_pdfs
from macros.load import load_handbook
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(built_site, browser, tmp_path_factory):
    """Every PDF of `make pdf`, printed from the suite's build with the suite's browser."""
    handbook = load_handbook(ROOT)
    out = tmp_path_factory.mktemp("pdf")
    write_pdfs(built_site.root, built_site.site_url, targets(handbook), out, browser=browser)
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
    missing = [
        i.title
        for kind in ("principle", "boundary", "dilemma")
        for i in handbook.kind(kind)
        if " ".join(i.title.split()) not in flat
    ]
    assert missing == []
    assert "/p/confidentiality/" in flat


def test_no_pdf_names_the_machine_that_printed_it(pdfs):
    """No PDF holds 127.0.0.1 or localhost, in its text or its links; the permanent links are public addresses."""
    from pypdf import PdfReader

    _, out = pdfs
    found, links = [], 0
    for path in sorted(out.glob("*.pdf")):
        reader = PdfReader(str(path))
        uris = [
            annot.get_object().get("/A", {}).get("/URI", "")
            for page in reader.pages
            for annot in page.get("/Annots") or ()
        ]
        links += len(uris)
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        for word in ("127.0.0.1", "localhost"):
            found += [f"{path.name}: link {u}" for u in uris if word in str(u)]
            if word in text:
                found.append(f"{path.name}: text holds {word}")
    assert links > 100
    assert found == []
    _, text = read(out / "handout-keep-it-a-secret.pdf")
    assert "https://" in text and "/p/keep-it-a-secret/" in "".join(text.split())


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
