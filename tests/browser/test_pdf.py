"""PDFs printed by Chromium's page.pdf: the whole handbook, each module, every handout and printable.

Every PDF of `make pdf` is printed once, from the suite's build with the suite's browser; each is
read once with PDFium (pypdfium2: its text and the size of every run of text) and pypdf (its links).
PDFium reads the 73 English PDFs in about 10 s where pypdf's text extraction took 97 s on the same
machine. The pages are also opened once in print media emulation, at the width of their printed
page, to measure what a PDF cannot say: the computed size of every text node, the height of the
room to write, and whether a box overflows.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from macros.builders.pdf import serve_from_folder, targets, write_pdfs
from macros.load import load_handbook
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

PT = 96 / 72  # CSS pixels per point
BODY_PT = 11
FOOTER_PT = 9
FOOTER_ZONE_PT = 0.7 * 72  # the running footer prints in the bottom margin, below this height
#: Writing room: at least one and a half handwritten lines (0.34in each) under every question.
MIN_WRITE_IN = 0.5
#: One-page printables: what a trainer hands out (every case's and module's handout, the forms).
ONE_PAGE = ("handout-", "decision-model-worksheet", "my-codes-card", "sign-in-sheet", "evaluation-form")
WEB_ONLY = (
    "Print a one-page handout",
    "Print the participant handout",
    "Print the role cards",
    "Also searched as",
    "Where this comes up",
    "Copy link",
    "More ways to get help",
)


@dataclass
class Printed:
    """What pypdf read from one PDF."""

    pages: list[str]
    small: list[tuple[int, float, float, str]]  # (page, size in pt, height from the bottom, text) under 11pt
    links: list[str] = field(default_factory=list)
    sizes: tuple[float, float] = (0.0, 0.0)  # the first page's width and height, in points

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    @property
    def flat(self) -> str:
        return " ".join(self.text.split())


def read_pdf(path: Path) -> Printed:
    """What one PDF says: its text page by page (PDFium), every run of text smaller than 11pt, its links and size.

    A run is a stretch of characters of one size on one baseline; its size is the font's em size scaled by
    the character's matrix (Chromium prints text at size 1 in a scaled matrix as often as at its real size).
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    from pypdf import PdfReader

    pages: list[str] = []
    small: list[tuple[int, float, float, str]] = []
    matrix, x, y = raw.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    document = pdfium.PdfDocument(str(path))
    try:
        width, height = document[0].get_size()
        for number, page in enumerate(document, start=1):
            text_page = page.get_textpage()
            pages.append(text_page.get_text_range().replace("\ufffe", "-"))  # PDFium marks a hyphen at a line's end
            runs: list[list] = []  # [size, baseline, characters]
            for i in range(text_page.count_chars()):
                if raw.FPDFText_IsGenerated(text_page, i):
                    continue
                raw.FPDFText_GetMatrix(text_page, i, matrix)
                raw.FPDFText_GetCharOrigin(text_page, i, x, y)
                size = round(raw.FPDFText_GetFontSize(text_page, i) * math.hypot(matrix.c, matrix.d), 2)
                char = chr(raw.FPDFText_GetUnicode(text_page, i))
                if runs and runs[-1][0] == size and abs(runs[-1][1] - y.value) < 0.5:
                    runs[-1][2].append(char)
                else:
                    runs.append([size, round(y.value, 1), [char]])
            small += [
                (number, size, baseline, "".join(chars).strip()[:40])
                for size, baseline, chars in runs
                if size < BODY_PT - 0.05 and "".join(chars).strip()
            ]
    finally:
        document.close()
    links = [
        str(annot.get_object().get("/A", {}).get("/URI", ""))
        for page in PdfReader(str(path)).pages
        for annot in page.get("/Annots") or ()
    ]
    return Printed(pages, small, links, (float(width), float(height)))


#: The PDFs of the other languages printed here: the two-page code, the worksheet,
#: one module's knowledge check and two case handouts (a long one, on two sheets), each in Spanish
#: (`make pdf` prints every one).
LANGUAGE_SAMPLE = (
    "code-on-two-pages.pdf",
    "decision-model-worksheet.pdf",
    "introduction-to-peer-ethics-knowledge-check.pdf",
    "handout-rent-money.pdf",
    "handout-a-hug-at-the-drop-in.pdf",
)


def printed_here(handbook) -> dict[str, str]:
    """targets(): every English PDF, and LANGUAGE_SAMPLE in each other language."""
    import fnmatch

    return {
        name: path
        for name, path in targets(handbook).items()
        if "/" not in name or any(fnmatch.fnmatch(name.split("/", 1)[1], p) for p in LANGUAGE_SAMPLE)
    }


@pytest.fixture(scope="module")
def pdfs(built_site, browser, tmp_path_factory):
    """Every PDF of `make pdf`, printed from the suite's build with the suite's browser."""
    handbook = load_handbook(ROOT)
    out = tmp_path_factory.mktemp("pdf")
    write_pdfs(built_site.root, built_site.site_url, printed_here(handbook), out, browser=browser)
    return handbook, out


@pytest.fixture(scope="module")
def printed(pdfs) -> dict[str, Printed]:
    """Every PDF read once (PDFium: about a tenth of pypdf's time): its text page by page, links, small text."""
    _, out = pdfs
    return {path.relative_to(out).as_posix(): read_pdf(path) for path in sorted(out.rglob("*.pdf"))}


#: In print media: every visible text node smaller than 11pt, the room to write, boxes that overflow,
#: the role cards' sheets and the worksheet's grid.
MEASURE = """() => {
  window.dispatchEvent(new Event('beforeprint'));
  const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!node.textContent.trim() || !el || !visible(el)) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < 14.66) small.push(`${px.toFixed(2)}px ${el.tagName.toLowerCase()}.${el.className}: ${node.textContent.trim().slice(0, 50)}`);
  }
  const rect = el => el.getBoundingClientRect();
  const boxes = '.hb-sheet, .hb-card, .hb-card-small, .hb-cut-page, .hb-card-sheet, .hb-observer-sheet, .hb-cover, .hb-ws-box';
  const overflow = [...document.querySelectorAll(boxes)].filter(visible).filter(el =>
    [...el.querySelectorAll('*')].some(c => visible(c) && rect(c).bottom > rect(el).bottom + 1 && getComputedStyle(c).position !== 'absolute'))
    .map(el => `${el.className}: ${el.textContent.trim().slice(0, 50)}`);
  const webOnly = [...document.querySelectorAll('.hb-aliases, .hb-cited-by, .md-button, .hb-sublink, .hb-copy, .md-banner')]
    .filter(visible).map(el => el.className);
  return {
    small: small.slice(0, 20),
    writes: [...document.querySelectorAll('.hb-write')].filter(visible).map(w => rect(w).height / 96),
    overflow,
    webOnly,
    sheets: [...document.querySelectorAll('.hb-card-sheet')].map(s => {
      const cards = [...s.querySelectorAll(':scope > .hb-card')];
      return {
        cards: cards.map(c => ({left: rect(c).left, right: rect(c).right, brief: c.innerText})),
        cut: cards.slice(1).every(c => getComputedStyle(c).borderLeftStyle === 'dashed'),
      };
    }),
    grid: [...document.querySelectorAll('table.hb-ws-grid')].map(t => ({
      head: [...t.querySelectorAll('thead th')].map(th => th.innerText.trim()),
      rows: [...t.querySelectorAll('tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => rect(td).height / 96)),
    })),
    cuts: [...document.querySelectorAll('.hb-card-small')].map(c => getComputedStyle(c).borderBottomStyle),
  };
}"""

#: The width of a printed page's content, in CSS pixels: portrait Letter with 0.6in margins; one-page
#: sheets with 0.4in margins; landscape role cards with 0.5in margins (docs/assets/print.css).
WIDTHS = {"one-page": round(7.7 * 96), "landscape": round(10 * 96), "pages": round(7.3 * 96)}


@pytest.fixture(scope="module")
def measured(built_site, browser, pdfs) -> dict[str, dict]:
    """Every printed page opened once in print media, at the width it prints at, and measured."""
    handbook, *_ = pdfs
    context = browser.new_context(service_workers="block", viewport={"width": WIDTHS["pages"], "height": 1000})
    serve_from_folder(context, built_site.root, built_site.site_url)
    page = context.new_page()
    page.emulate_media(media="print")
    base = built_site.site_url.rstrip("/") + "/"
    found = {}
    try:
        for name, path in printed_here(handbook).items():
            page.goto(base + path, wait_until="load")
            hint = page.evaluate("() => document.querySelector('[data-hb-print]')?.dataset.hbPrint || 'pages'")
            width = WIDTHS["landscape"] if "landscape" in hint else WIDTHS.get(hint, WIDTHS["pages"])
            if page.viewport_size["width"] != width:
                page.set_viewport_size({"width": width, "height": 1000})
            found[name] = page.evaluate(MEASURE)
    finally:
        context.close()
    return found


def words(text: str) -> list[str]:
    """The words of a text, lower case, without punctuation: how titles are found in extracted text."""
    return re.findall(r"[a-z0-9]+", text.lower())


def find_words(haystack: list[str], needle: list[str], start: int = 0) -> int:
    """Where needle starts in haystack at or after start; -1 when it does not."""
    for i in range(start, len(haystack) - len(needle) + 1):
        if haystack[i : i + len(needle)] == needle:
            return i
    return -1


def test_one_page_printables_leave_room_to_write_and_cut_nothing_off(measured):
    """Every one-page printable that asks for answers gives each one at least half an inch of ruled lines, and no box overflows."""
    short, overflow = {}, {}
    for name, facts in measured.items():
        if facts["overflow"]:
            overflow[name] = facts["overflow"][:3]
        if name.startswith(ONE_PAGE) and not name.startswith("sign-in"):
            if not facts["writes"]:
                short[name] = "no room to write"
            elif min(facts["writes"]) < MIN_WRITE_IN:
                short[name] = round(min(facts["writes"]), 2)
    assert overflow == {}
    assert short == {}


def test_whole_handbook_pdf(pdfs, printed):
    """The handbook PDF has every principle and case study, each with its permanent link."""
    handbook, *_ = pdfs
    book = printed["handbook.pdf"]
    print(f"\nhandbook.pdf: {len(book.pages)} pages")
    assert len(book.pages) > 50
    missing = [
        i.title
        for kind in ("principle", "boundary", "dilemma")
        for i in handbook.kind(kind)
        if " ".join(i.title.split()) not in book.flat
    ]
    assert missing == []
    assert "/p/confidentiality/" in book.flat


def test_no_pdf_names_the_machine_that_printed_it(printed):
    """No PDF holds 127.0.0.1 or localhost, in its text or its links; the permanent links are public addresses."""
    found, links = [], 0
    for name, pdf in sorted(printed.items()):
        links += len(pdf.links)
        for word in ("127.0.0.1", "localhost"):
            found += [f"{name}: link {u}" for u in pdf.links if word in u]
            if word in pdf.text:
                found.append(f"{name}: text holds {word}")
    assert links > 100
    assert found == []
    text = printed["handout-keep-it-a-secret.pdf"].text
    assert "https://" in text and "/p/keep-it-a-secret/" in "".join(text.split())


def test_module_pdfs(pdfs, printed):
    """Each training module prints with its title and agenda, in at most 20 pages of 11pt text."""
    handbook, *_ = pdfs
    for module in handbook.kind("training"):
        pdf = printed[f"training-{module.id}.pdf"]
        assert 1 <= len(pdf.pages) <= 20, (module.id, len(pdf.pages))
        assert module.title in pdf.flat and "Agenda" in pdf.text


def test_handouts_fit_on_one_page(pdfs, printed):
    """Every handout, the worksheet and the course forms print on one Letter page; a long case on two (questions overleaf)."""
    from macros.render import case_sheets

    handbook, *_ = pdfs
    one_page = {name: len(pdf.pages) for name, pdf in printed.items() if name.startswith(ONE_PAGE)}
    expected = {f"handout-{i.id}.pdf" for kind in ("dilemma", "training") for i in handbook.kind(kind)}
    assert expected <= set(one_page) and "decision-model-worksheet.pdf" in one_page
    sheets = {f"handout-{i.id}.pdf": case_sheets(i.data) for i in handbook.kind("dilemma")}
    assert {name: n for name, n in one_page.items() if n != sheets.get(name, 1)} == {}
    assert 1 <= sum(n == 2 for n in sheets.values()) <= len(sheets) // 4  # the few long cases, not the many
    for kind in ("dilemma", "training"):
        for item in handbook.kind(kind):
            assert f"/p/{item.id}/" in "".join(printed[f"handout-{item.id}.pdf"].text.split()), item.id
    assert {
        name: pdf.sizes for name, pdf in printed.items() if pdf.sizes != (612.0, 792.0) and "role-cards" not in name
    } == {}


def test_body_text_is_at_least_11pt_in_print(measured, printed):
    """Every visible text node computes to at least 11pt in print media, and every PDF's text is at least 11pt except the running footer's 9pt in the bottom margin."""
    css = {name: facts["small"][:5] for name, facts in measured.items() if facts["small"]}
    assert css == {}
    pdf_small = {
        name: [s for s in pdf.small if not (s[2] < FOOTER_ZONE_PT and s[1] >= FOOTER_PT - 0.05)][:5]
        for name, pdf in printed.items()
    }
    assert {name: s for name, s in pdf_small.items() if s} == {}
    assert any(pdf.small for pdf in printed.values())  # the footers were seen, so the sizes were read


def test_handbook_has_a_cover_and_contents_with_the_right_page_numbers(pdfs, printed, built_site):
    """The handbook opens with a cover and a contents whose page numbers are where each part and item starts."""
    handbook, out = pdfs
    from pypdf import PdfReader

    book = printed["handbook.pdf"]
    cover = " ".join(book.pages[0].split())
    profile = handbook.profile
    for fact in (
        profile["handbook_title"],
        f"Edition {profile['edition']}",
        profile["effective_date"],
        profile["name"],
    ):
        assert fact in cover, fact
    assert "CC BY-SA 4.0" in cover and built_site.site_url in cover and built_site.site_url + "print/" in cover
    assert "Contents" in book.pages[1] and "Contents" not in book.pages[2]

    reader = PdfReader(str(out / "handbook.pdf"))
    outline = []

    def walk(entries):
        for entry in entries:
            walk(entry) if isinstance(entry, list) else outline.append(
                (words(entry.title), reader.get_destination_page_number(entry) + 1)
            )

    walk(reader.outline)
    parts = [
        ("Principles", "principle"),
        ("Boundaries", "boundary"),
        ("Case studies", "dilemma"),
        ("Training modules", "training"),
    ]
    entries = [title for part, kind in parts for title in [part, *(i.title for i in handbook.kind(kind))]]
    entries += ["Decision model", "Frequently asked questions", "Glossary", "Sources"]
    # The contents start on page 2 and may run on to page 3, where the first part then follows them.
    contents, at_text, at_outline, wrong = words(book.pages[1] + "\n" + book.pages[2]), 0, 0, []
    for title in entries:
        want = words(title)
        at_text = find_words(contents, want, at_text)
        assert at_text >= 0, f"{title!r} is not in the contents"
        at_text += len(want)
        printed_number = int(next(w for w in contents[at_text:] if w.isdigit()))
        at_outline = next(j for j in range(at_outline, len(outline)) if outline[j][0] == want)
        if printed_number != outline[at_outline][1]:
            wrong.append((title, printed_number, outline[at_outline][1]))
    assert wrong == []
    assert outline[0][1] == 1 and len(contents) > 300  # the cover holds the title; the contents page is full


def test_handbook_footer_on_every_page(pdfs, printed, built_site):
    """Every page of the handbook PDF has the running footer: title, edition, license, its page number and the print page's permanent address."""
    handbook, *_ = pdfs
    book = printed["handbook.pdf"]
    total, edition = len(book.pages), handbook.profile["edition"]
    missing = [
        n
        for n, text in enumerate(book.pages, start=1)
        if f"Page {n} of {total}" not in text
        or f"edition {edition}" not in text
        or "CC BY-SA 4.0" not in text
        or built_site.site_url + "print/" not in "".join(text.split())
    ]
    assert missing == []


def test_handbook_has_no_web_only_text_and_no_near_empty_pages(printed, measured):
    """The handbook PDF holds no buttons, search words, cited-by lists, copy links or crisis banner, prints the facilitators' analyses, and no page but the last is nearly empty."""
    book = printed["handbook.pdf"]
    assert [w for w in WEB_ONLY if w in book.text] == []
    assert measured["handbook.pdf"]["webOnly"] == []
    assert "The worked analysis, step by step" in book.flat and "1. Name the problem" in book.flat
    footer = re.compile(r"\S+, edition .*?Page \d+ of \d+", re.S)
    sparse = [n for n, text in enumerate(book.pages[:-1], start=1) if len(footer.sub("", text).strip()) < 600]
    assert sparse == []


def test_every_pdf_carries_the_edition_and_the_license(pdfs, printed):
    """Every PDF names the handbook's edition and its CC BY-SA 4.0 license."""
    handbook, *_ = pdfs
    words = {"en": "edition", "es": "edición"}  # the footer's word, in each PDF's language
    missing = {
        name
        for name, pdf in printed.items()
        if f"{words[name.split('/')[0] if '/' in name else 'en']} {handbook.profile['edition']}" not in pdf.flat
        or "CC BY-SA 4.0" not in pdf.flat
    }
    assert missing == set()
    assert len(printed) == len(printed_here(handbook))
    assert any(name.startswith("es/") for name in printed), "no Spanish PDF was printed"


def test_worksheet_has_every_step_the_grid_the_peer_check_and_its_address(pdfs, printed, measured, built_site):
    """The decision-model worksheet prints every step's prompt, a grid of three options by three consequences with room in each cell, the peer-check questions and its permanent address."""
    handbook, *_ = pdfs
    sheet = printed["decision-model-worksheet.pdf"]
    text = words(sheet.text)
    for step in handbook.kind("step"):
        assert find_words(text, words(step.data["prompt"])) >= 0, step.id
    for question in handbook.find("peer-check").data["questions"]:
        assert find_words(text, words(question)) >= 0, question
    assert built_site.site_url + "decision-model-worksheet/" in "".join(sheet.text.split())
    (grid,) = measured["decision-model-worksheet.pdf"]["grid"]
    assert grid["head"][2:] == ["Good for the person", "Risks, and for whom", "What the codes say"]
    assert len(grid["rows"]) == 3 and all(len(row) == 4 and min(row) >= 0.4 for row in grid["rows"])


def test_role_cards_keep_briefs_apart(pdfs, printed, measured):
    """Role cards print landscape, two to a sheet with a dashed cutting line between them, each brief whole on one page and never in another card."""
    handbook, *_ = pdfs
    for module in handbook.kind("training"):
        if not module.get("role_plays"):
            continue
        name = f"{module.id}-role-cards.pdf"
        pdf, facts = printed[name], measured[name]
        width, height = pdf.sizes
        assert width > height, name
        briefs = [role["brief"] for r in module.data["role_plays"] for role in r["roles"]]
        cards = [card for sheet in facts["sheets"] for card in sheet["cards"]]
        assert len(cards) == len(briefs), name
        assert all(len(s["cards"]) <= 2 and s["cut"] for s in facts["sheets"]), name
        for sheet in facts["sheets"]:
            if len(sheet["cards"]) == 2:
                assert sheet["cards"][0]["right"] <= sheet["cards"][1]["left"] + 1, name
        for brief in briefs:
            head, tail = words(brief)[:8], words(brief)[-8:]
            holders = [c for c in cards if find_words(words(c["brief"]), head) >= 0]
            assert len(holders) == 1 and find_words(words(holders[0]["brief"]), tail) >= 0, (name, brief[:40])
            pages = [n for n, text in enumerate(pdf.pages, start=1) if find_words(words(text), head) >= 0]
            assert len(pages) == 1 and find_words(words(pdf.pages[pages[0] - 1]), tail) >= 0, (name, brief[:40])
        assert len(pdf.pages) == 1 + len(facts["sheets"]) + sum(
            1 for r in module.data["role_plays"] if r.get("observe")
        )


def test_knowledge_check_never_splits_a_question(pdfs, printed):
    """Each module's knowledge check prints every question with all its options on one page."""
    handbook, *_ = pdfs
    for module in handbook.kind("training"):
        if not module.get("quiz"):
            continue
        pdf = printed[f"{module.id}-knowledge-check.pdf"]
        pages = [words(text) for text in pdf.pages]
        for q in module.data["quiz"]:
            first, last = words(q["text"]), words(q["options"][-1]["text"])[-6:]
            where = [n for n, text in enumerate(pages) if find_words(text, first) >= 0]
            assert where and find_words(pages[where[0]], last) >= 0, (module.id, q["id"])
        assert "feedback" not in pdf.text.lower()


def test_line_up_cards_print_as_a_cutting_grid(pdfs, printed, measured):
    """The line-up cards print an answer key, then one page per boundary topic with every situation in a dashed cutting grid."""
    handbook, *_ = pdfs
    pdf, facts = printed["line-up-cards.pdf"], measured["line-up-cards.pdf"]
    topics = handbook.kind("boundary")
    assert len(pdf.pages) == 1 + len(topics)
    total = sum(len(b.data["range"][k]) for b in topics for k in ("fine", "grey", "not_fine"))
    assert len(facts["cuts"]) == total and set(facts["cuts"]) == {"dashed"}
    for n, topic in enumerate(topics, start=2):
        page = words(pdf.pages[n - 1])
        for situation in (*topic.data["range"]["fine"], *topic.data["range"]["not_fine"]):
            assert find_words(page, words(situation)[:6]) >= 0, (topic.id, situation[:40])


def test_code_prints_on_two_sheets(pdfs, printed):
    """The code on two pages prints every commitment by its number on at most four Letter sides, in each language."""
    handbook, *_ = pdfs
    for name in ("code-on-two-pages.pdf", "es/code-on-two-pages.pdf"):
        pdf = printed[name]
        assert len(pdf.pages) <= 4, name
        for p in handbook.kind("principle"):
            for n, _ in enumerate(p.data["commitments"], start=1):
                assert f"{p.data['order']}.{n} " in pdf.text, f"{name}: {p.data['order']}.{n}"
