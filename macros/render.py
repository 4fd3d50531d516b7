"""Render the handbook into Markdown pages, with Jinja templates.

Pure functions of a Handbook and a URL model: no MkDocs here, so the
renderer is tested as plain Python and survives a change of site generator.
Links between pages are written in Markdown as relative links to the
target's Markdown file, which every generator checks and resolves for its own
URL style; links in raw HTML and every address printed for people to copy
come from the URL model (macros/urls.py).

Text from the data is Markdown, never a template: templates insert it, and
no page made here is rendered by Jinja a second time.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from functools import cached_property

import jinja2

from .docs import DELIMITERS
from .i18n import ENGLISH, Catalog
from .kinds import KINDS, kind_of_page
from .model import Handbook, Item
from .schemas import NAPS_VALUES, SAMHSA_COMPETENCIES, SETTINGS
from .urls import Urls, permalink_file, relative, src_of_path
from .validate import REF

NAPS_LABELS = {
    "voluntary": "Peer support is voluntary",
    "hopeful": "Peer supporters are hopeful",
    "open-minded": "Peer supporters are open-minded",
    "empathetic": "Peer supporters are empathetic",
    "respectful": "Peer supporters are respectful",
    "facilitates-change": "Peer supporters facilitate change",
    "honest-and-direct": "Peer supporters are honest and direct",
    "mutual-and-reciprocal": "Peer support is mutual and reciprocal",
    "equally-shared-power": "Peer support is equally shared power",
    "strengths-focused": "Peer support is strengths-focused",
    "transparent": "Peer support is transparent",
    "person-driven": "Peer support is person-driven",
}
SAMHSA_LABELS = {
    "engages-peers": "Engages peers in collaborative and caring relationships",
    "provides-support": "Provides support",
    "shares-lived-experience": "Shares lived experiences of recovery",
    "personalizes-peer-support": "Personalizes peer support",
    "supports-recovery-planning": "Supports recovery planning",
    "links-to-resources": "Links to resources, services, and supports",
    "provides-information-on-skills": "Provides information about skills related to health, wellness, and recovery",
    "helps-manage-crises": "Helps peers to manage crises",
    "values-communication": "Values communication",
    "supports-collaboration": "Supports collaboration and teamwork",
    "promotes-leadership-and-advocacy": "Promotes leadership and advocacy",
    "promotes-growth-and-development": "Promotes growth and development",
}
ICRC_LABELS = {
    "advocacy": "Advocacy",
    "mentoring-and-education": "Mentoring and education",
    "recovery-and-wellness-support": "Recovery and wellness support",
    "ethical-responsibility": "Ethical responsibility",
}
SETTING_LABELS = {
    "clinic": "Clinic",
    "community": "Community",
    "inpatient": "Inpatient unit",
    "rural": "Rural town",
    "online": "Online and phone",
    "harm-reduction": "Harm-reduction program",
    "justice": "Justice system",
    "reentry": "Jail, prison and reentry",
    "housing": "Housing",
    "crisis-service": "Crisis service",
    "youth-and-family": "Youth and family",
}
assert set(NAPS_LABELS) == set(NAPS_VALUES) and set(SAMHSA_LABELS) == set(SAMHSA_COMPETENCIES)
assert set(SETTING_LABELS) == set(SETTINGS)

#: Pages made from a list file, by their Markdown file.
LIST_PAGES = {
    "faq.md": "faq",
    "glossary.md": "glossary",
    "sources.md": "sources",
    "history.md": "history",
    "decision-model.md": "decision-model",
    "decision-model-worksheet.md": "worksheet",
    "raise-a-concern.md": "raise-a-concern",
    "differences.md": "differences",
    "changes.md": "changes",
    "print.md": "print",
    "code.md": "code",
    "crisis.md": "crisis",
    "course.md": "course",
    "upstream.md": "upstream",
}
LIST_TITLES = {
    "faq.md": "Frequently asked questions",
    "glossary.md": "Glossary",
    "sources.md": "Sources",
    "history.md": "History and context",
    "decision-model.md": "Peer ethical decision-making model",
    "changes.md": "What changed",
    "raise-a-concern.md": "Raise a concern",
    "differences.md": "How our code differs",
    "code.md": "The code on two pages",
    "crisis.md": "Get help now",
    "course.md": "Plan a course",
    "upstream.md": "Changes in the base since our last edition",
}
#: Printables of each training module: what -> (template, title, the field it needs).
MODULE_HANDOUTS = {
    "role-cards": ("role-cards.md.j2", "role cards", "role_plays"),
    "test": ("test.md.j2", "knowledge check", "quiz"),
    "facilitator": ("facilitator.md.j2", "facilitator guide", ""),
}
#: Printables of the course builder: what -> (template, title).
COURSE_HANDOUTS = {
    "line-up-cards": ("lineup-cards.md.j2", "Line-up cards"),
    "my-codes-card": ("mycodes-card.md.j2", "My codes card"),
    "sign-in-sheet": ("signin.md.j2", "Sign-in sheet"),
    "evaluation-form": ("evaluation.md.j2", "Course evaluation"),
}
#: Pages for printing: kept out of the navigation and out of search.
PRINT_PAGES = ("print.md",)


def _as_text(value: object) -> str:
    if hasattr(value, "items"):
        return "\n".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "\n".join(f"- {_as_text(v)}" for v in value)
    return str(value)


#: HTML's own escapes, and the marks that Markdown, Jinja or a link check would read in a diff of source
#: text as character references: the reader sees them as written, and nothing runs or links
#: ("[how we differ](differences.md)", "{{ crisis() }}" in a page's old English).
_LITERAL = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
    | {c: f"&#{ord(c)};" for c in "[](){}*_`#|~\\!%"}
)


def word_diff(old: str, new: str) -> str:
    """Words removed in <del>, words added in <ins>, line breaks kept; everything HTML-escaped, and Markdown
    and Jinja marks written as character references, so that a diff of source text shows it and runs nothing."""
    a, b = re.findall(r"\S+|\n", old), re.findall(r"\S+|\n", new)

    def text(tokens: list[str]) -> str:
        shown = " ".join(tokens).translate(_LITERAL)
        return shown.replace(" \n ", "\n").replace("\n ", "\n").replace(" \n", "\n")

    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(text(a[i1:i2]))
            continue
        if i2 > i1:
            out.append(f"<del>{text(a[i1:i2])}</del>")
        if j2 > j1:
            out.append(f"<ins>{text(b[j1:j2])}</ins>")
    return " ".join(out).replace(" \n", "\n").replace("\n ", "\n")


def _prefix_anchors(text: str, prefix: str) -> str:
    """Make an item's explicit anchors unique on a page that holds many items."""
    text = re.sub(r"\{#([a-z0-9-]+)\}", lambda m: f"{{#{prefix}--{m.group(1)}}}", text)
    text = re.sub(r'id="([a-z0-9-]+)"', lambda m: f'id="{prefix}--{m.group(1)}"', text)
    return re.sub(r"\]\(#([a-z0-9-]+)\)", lambda m: f"](#{prefix}--{m.group(1)})", text)


def _demote(text: str, levels: int, title_attrs: str | None, drop_title: bool = False) -> str:
    """Push Markdown headings down; the first one (the title) gets title_attrs or is dropped."""
    out, first = [], True
    fence = False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fence = not fence
        if not fence and re.match(r"#{1,6} ", line):
            if first and line.startswith("# "):
                first = False
                if drop_title:
                    continue
                line = "#" * levels + line + (f" {title_attrs}" if title_attrs else "")
            else:
                line = "#" * levels + line
        out.append(line)
    return "\n".join(out) + "\n"


def escape_md(text: str) -> str:
    """Text that Markdown shows as written (titles from data inside links)."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B, and C'."""
    if len(names) < 3:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def source_label(source: Item) -> str:
    """Short in-text citation: 'Knopes et al. 2023', 'SAMHSA 2015'."""
    d = source.data
    authors = list(d.get("authors", ()))
    if d.get("short"):
        who = d["short"]
    elif authors:
        families = [a.split(",")[0].strip() for a in authors]
        who = (
            families[0]
            if len(families) == 1
            else (f"{families[0]} and {families[1]}" if len(families) == 2 else f"{families[0]} et al.")
        )
    else:
        who = d.get("short") or d.get("organization") or d.get("title")
    return f"{who} {d.get('year', 'n.d.')}"


class _MemoryCache(jinja2.BytecodeCache):
    """Compiled templates kept for the process: every handbook's renderer compiles the same templates."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _MemoryCache()


#: How much a case handout's one printed page holds with half an inch to write under each question, in
#: words (the scenario's and the questions'), counting each question as QUESTION_WORDS more for its room.
#: Measured on the printed handouts (tests/browser/test_pdf.py): the longest case that still leaves half an
#: inch under each answer comes to about 561; the shortest that does not, to about 585.
ONE_SHEET_WORDS = 575
QUESTION_WORDS = 25


def case_sheets(d) -> int:
    """1 when a case's scenario and questions fit one printed page with room to write, else 2 (questions overleaf)."""
    if not isinstance(d, Mapping) or "scenario" not in d:
        return 1
    questions = d.get("questions") or ()
    size = len(str(d.get("scenario", "")).split()) + sum(
        len(str(q.get("text", "")).split()) + QUESTION_WORDS for q in questions if isinstance(q, Mapping)
    )
    return 1 if size <= ONE_SHEET_WORDS else 2


class Renderer:
    """Turns a Handbook into Markdown, page by page, for one URL model."""

    def __init__(
        self, handbook: Handbook, urls: Urls | None = None, offline: bool = False, catalog: Catalog | None = None
    ):
        self.hb = handbook
        self.urls = urls or Urls()
        self.offline = offline  # the offline copy: no web-only controls that need a server
        self._ = catalog or ENGLISH  # the words of the page chrome, in the language of these pages
        self.lang = self._.lang

    # --- what moved since an earlier edition ---------------------------------------------------------

    def moved_pages(self, kind: str) -> list[str]:
        """Pages kept for base items of a per-item kind retired since a published edition."""
        return [
            src_of_path(m.path)
            for m in self.hb.moved
            if m.change == "retired" and m.kind == kind and KINDS[kind].per_item
        ]

    def moved_entries(self, kind: str) -> list:
        """List-page entries (FAQ, terms...) renamed or retired since a published edition: their anchors live on."""
        return [m for m in self.hb.moved if m.kind == kind and not KINDS[kind].per_item]

    def retired_entries(self, kind: str) -> list[tuple[Item, object]]:
        """Entries of a list kind the organization retired, to keep their anchors alive on its page."""
        if self.hb.overlay is None:
            return []
        return [(r.item, r) for r in self.hb.overlay.retired.values() if r.item.kind == kind]

    def labels(self, table: Mapping[str, str]) -> Mapping[str, str]:
        """A table of labels in the language of these pages."""
        return {key: self._(label) for key, label in table.items()}

    @cached_property
    def kinds(self) -> Mapping[str, object]:
        """The registry of kinds with its labels in the language of these pages (for templates)."""
        if self.lang == "en":
            return KINDS
        import dataclasses

        _ = self._
        return {
            name: dataclasses.replace(
                k, label=_(k.label), plural=_(k.plural), nav_title=_(k.nav_title) if k.nav_title else None
            )
            for name, k in KINDS.items()
        }

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.PackageLoader("macros", "templates"),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_COMPILED,
            **DELIMITERS,
        )
        env.filters["esc"] = escape_md
        env.filters["extract"] = lambda key, mapping: mapping[key]
        env.filters["html"] = lambda s: jinja2.utils.markupsafe.escape(str(s))
        env.globals.update(
            renderer=self,
            _=self._,
            lang=self.lang,
            urls=self.urls,
            offline=self.offline,
            KINDS=self.kinds,
            ICRC=self.labels(ICRC_LABELS),
            NAPS=self.labels(NAPS_LABELS),
            SAMHSA=self.labels(SAMHSA_LABELS),
            SETTINGS=self.labels(SETTING_LABELS),
            hb=self.hb,
            profile=self.hb.profile,
        )
        return env

    # --- links ---------------------------------------------------------------------------------

    def link(self, target: str, from_src: str, sub: str | None = None, words: str | None = None) -> str:
        """A Markdown link from a page to an item (or one of its anchors)."""
        item = self.hb.find(target)
        if words is None:
            words = source_label(item) if item.kind == "source" else item.title
            if sub is not None:
                words = f"{words}: {self.sub_title(item, sub)}"
        if target not in self.hb.items:  # retired by the organization: the link says so, and leads to why
            words = f"{words} (retired)"
        anchor = sub if sub is not None else item.anchor
        return f"[{escape_md(words)}]({relative(from_src, item.src, anchor)})"

    def sub_title(self, item: Item, sub: str) -> str:
        for info in item.info.subs:
            for entry in item.get(info.field):
                if entry.get("id") == sub:
                    return str(entry.get(info.title) or entry.get("text") or sub)
        return sub

    def mention(self, item_id: str, from_src: str) -> str:
        """A link to an id that may be gone since (changelog, moved items): followed through renames, else shown as text."""
        if self.hb.has(item_id):
            return self.link(item_id, from_src)
        moved = next((m for m in self.hb.moved if m.id == item_id), None)
        if moved is not None and moved.to and self.hb.has(moved.to):
            return f"{escape_md(moved.title)} (now {self.link(moved.to, from_src)})"
        if moved is not None and moved.change == "retired" and KINDS[moved.kind].per_item:
            return f"[{escape_md(moved.title)} (retired)]({relative(from_src, src_of_path(moved.path))})"
        return f"`{item_id}`"

    def prose(self, text: str, from_src: str, seen: set[str] | None = None) -> str:
        """Markdown with every [[ref]] turned into a checked relative link.

        With seen (the terms already linked on this page), glossary terms link to their entry the first
        time they appear on the page.
        """
        if seen is not None:
            text = self.linker.link(text, from_src, seen)
        return REF.sub(lambda m: self.link(m.group(1).strip(), from_src, m.group(2) or None, m.group(3) or None), text)

    @cached_property
    def linker(self):
        from .glossary import Linker

        return Linker(self.hb)

    def page_href(self, from_src: str, to_src: str, anchor: str | None = None) -> str:
        """A link for raw HTML, from one page to another, in this build's URL style."""
        return self.urls.page_to_page(from_src, to_src, anchor)

    def file_href(self, from_src: str, path: str) -> str:
        """A link for raw HTML, from a page to a static file of this build."""
        return self.urls.page_to_file(from_src, path)

    def permalink(self, item: Item | str, sub: str | None = None) -> str:
        """The public permanent address of an item or sub-item."""
        return self.urls.permalink(getattr(item, "id", item), sub)

    def permalink_html(self, from_src: str, item_id: str, sub: str | None = None) -> str:
        """The permanent address as a link: shows the public address, leads to the stub in this build."""
        href = self.file_href(from_src, permalink_file(item_id, sub))
        return (
            f'<a class="hb-permalink" href="{href}">{jinja2.utils.markupsafe.escape(self.permalink(item_id, sub))}</a>'
        )

    def numbers(self) -> dict[str, tuple[str, str]]:
        """Every commitment number now, '4.2' -> (principle id, commitment id)."""
        out = {}
        for p in self.hb.kind("principle"):
            for m, c in enumerate(p.get("commitments"), start=1):
                out[f"{p.data['order']}.{m}"] = (p.id, c["id"])
        return out

    def old_numbers(self) -> dict[str, tuple[str, str]]:
        """The commitment numbers of the last edition (content.lock.json), '4.2' -> (principle id, commitment id)."""
        out = {}
        for item_id, entry in ((self.hb.lock or {}).get("items") or {}).items():
            if entry.get("kind") == "principle" and entry.get("number") and entry.get("commitments"):
                for m, c in enumerate(entry["commitments"], start=1):
                    out[f"{entry['number']}.{m}"] = (item_id, c)
        return out

    def renumbered(self) -> list[tuple[str, str | None, str, str]]:
        """(number in the last edition, number now or None, principle id, commitment id) of each that changed."""
        now = {v: k for k, v in self.numbers().items()}
        out = []
        for old, (item_id, c) in sorted(self.old_numbers().items(), key=lambda x: [int(n) for n in x[0].split(".")]):
            new = now.get((item_id, c))
            if new != old and (new or not self.hb.has(item_id) or c not in self.hb.sub_ids.get(item_id, ())):
                out.append((old, new, item_id, c))
        return out

    def sublink(self, from_src: str, item_id: str, sub: str, title: str) -> str:
        """The link control of a sub-item: its permanent link, and a button that copies the public address."""
        esc = jinja2.utils.markupsafe.escape
        address = self.permalink(item_id, sub)
        href = self.file_href(from_src, permalink_file(item_id, sub))
        return (
            f'<span class="hb-sublink" data-pagefind-ignore><a class="hb-sub-permalink" href="{href}" '
            f'title="{esc(address)}">{esc(self._("Link"))}</a> <button type="button" class="hb-copy" data-copy="{esc(address)}" '
            f'aria-label="{esc(self._("Copy the permanent link to {title}", title=title))}">{esc(self._("Copy link"))}</button></span>'
        )

    def cite_block(self, src: str, title: str, label: str, item: Item | None = None) -> str:
        """How to cite: the APA citation with a copy button, and a BibTeX entry to open."""
        from . import cite

        esc = jinja2.utils.markupsafe.escape
        _ = self._
        plain = cite.apa(self.hb, self.urls, title, label, item, src, _)
        key = f"{self.hb.profile.get('short_name') or 'handbook'}-{item.id if item else src[:-3].replace('/', '-')}-{self.hb.profile['edition']}"
        bib = cite.bibtex(self.hb, self.urls, key, title, label, item, src, _)
        return (
            f"**{_('How to cite (APA):')}** {cite.apa_markdown(self.hb, self.urls, title, label, item, src, _)} "
            f'<button type="button" class="hb-copy" data-copy="{esc(plain)}" aria-label="{esc(_("Copy the citation"))}">{esc(_("Copy citation"))}</button>\n\n'
            f'<details class="hb-bibtex"><summary>BibTeX</summary><pre><code>{esc(bib)}</code></pre>'
            f'<button type="button" class="hb-copy" data-copy="{esc(bib)}" aria-label="{esc(_("Copy the BibTeX entry"))}">{esc(_("Copy BibTeX"))}</button></details>'
        )

    def page_cite(self, src: str, title: str = "") -> str:
        """How to cite a page that is not a single item: publisher, year, title, edition, address."""
        title = title or self._(LIST_TITLES.get(src, src))
        shown = self.urls.public_page(src)
        href = self.page_href(src, src)
        return (
            f'\n\n<aside class="hb-cite" aria-label="{jinja2.utils.markupsafe.escape(self._("How to cite this page"))}" data-pagefind-ignore markdown>\n'
            f'**{self._("Permanent link:")}** <a class="hb-permalink" href="{href}">{jinja2.utils.markupsafe.escape(shown)}</a>\n\n'
            f"{self.cite_block(src, title, 'page')}\n</aside>\n"
        )

    def crisis_lines(self) -> list[dict]:
        """Every crisis line of the profile, the main one first, with its tap-to-call and tap-to-text links."""
        c = self.hb.profile["crisis"]
        lines = [dict(line) for line in c.get("lines") or ()] or [
            {"name": c["name"], "call": c.get("call"), "text": c.get("text"), "url": c.get("url")}
        ]
        for line in lines:
            line["tel"] = "tel:" + re.sub(r"[^0-9+]", "", line["call"]) if line.get("call") else None
            line["sms"] = (
                "sms:"
                + re.sub(r"[^0-9+]", "", line["text"])
                + (f"?body={line['text_word']}" if line.get("text_word") else "")
                if line.get("text")
                else None
            )
        return lines

    @cached_property
    def upstream(self):
        """(base edition reviewed, base edition now, changes) for an adopted code with an edition of its own, else None."""
        from pathlib import Path

        from .load import load_handbook
        from .orgeditions import read_org_lock, upstream_changes

        if self.hb.overlay is None:
            return None
        folder = Path(self.hb.root) / self.hb.overlay.folder
        lock, _ = read_org_lock(folder)
        if lock is None:
            return None
        base = load_handbook(self.hb.root, org_dir=None, use_cache=True)
        return (
            lock["base"]["edition"],
            str(base.profile.get("edition", "")),
            upstream_changes(base, lock["base"], folder),
        )

    def doc_title(self, doc) -> str:
        """A hand-written page's title: its front matter's, else its first heading, else its file name."""
        from .site import _first_heading

        return str(doc.meta.get("title") or _first_heading(doc.body, self.hb) or doc.src)

    def code_facts(self, from_src: str) -> str:
        """The facts of this code: its edition (and the base edition it is built on), dates, where it applies,
        who reviewed it, and the license, as a Markdown list."""
        p, base = self.hb.profile, self.hb.base_profile
        _ = self._
        edition = f"{p.get('edition')}"
        if self.hb.overlay is not None:
            edition += _(
                ", based on base edition {edition} of the {title}",
                edition=base.get("edition"),
                title=escape_md(str(base.get("handbook_title"))),
            )
        rows = [(_("Edition"), edition)]
        if p.get("effective_date"):
            rows.append((_("In effect from"), str(p["effective_date"])))
        if p.get("next_review"):
            rows.append((_("Next review"), str(p["next_review"])))
        if p.get("jurisdiction"):
            rows.append((_("Where it applies"), escape_md(str(p["jurisdiction"]))))
        if p.get("reviewers"):
            rows.append((_("Reviewed by"), "; ".join(escape_md(str(r)) for r in p["reviewers"])))
        contact = p.get("contact") or {}
        if contact.get("name"):
            ways = [
                f"[{contact['email']}](mailto:{contact['email']})" if contact.get("email") else "",
                escape_md(str(contact.get("phone", ""))),
            ]
            rows.append((_("Ethics contact"), escape_md(str(contact["name"])) + "".join(f", {w}" for w in ways if w)))
        rows.append(
            (
                _("License"),
                "[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)"
                + (
                    _(", adapted from the {title}", title=escape_md(str(base.get("handbook_title"))))
                    if self.hb.overlay is not None
                    else ""
                ),
            )
        )
        return "\n".join(f"- **{k}:** {v}" for k, v in rows) + "\n"

    def crisis_box(self, from_src: str = "index.md") -> str:
        """The crisis box: the profile's note and every line, each a link to call or text."""
        c = self.hb.profile["crisis"]
        esc = jinja2.utils.markupsafe.escape
        main = self.crisis_lines()[0]
        _ = self._
        ways = [
            _("call {number}", number=main["call"]) if main.get("call") else "",
            _("text {number}", number=main["text"]) if main.get("text") else "",
        ]
        head = _("In crisis? {name}", name=main["name"]) + (
            ": " + _(" or ").join(w for w in ways if w) if any(ways) else ""
        )
        body = self.prose(str(c["note"]).strip(), from_src)
        items = []
        for line in self.crisis_lines():
            links = []
            if line.get("tel"):
                links.append(
                    f'<a class="hb-tel" href="{esc(line["tel"])}">{esc(_("Call {number}", number=line["call"]))}</a>'
                )
            if line.get("sms"):
                said = (
                    _("Text {word} to {number}", word=line["text_word"], number=line["text"])
                    if line.get("text_word")
                    else _("Text {number}", number=line["text"])
                )
                links.append(f'<a class="hb-tel" href="{esc(line["sms"])}">{esc(said)}</a>')
            if line.get("chat"):
                links.append(f'<a href="{esc(line["chat"])}">{esc(_("Chat"))}</a>')
            options = f" ({esc('; '.join(line['options']))})" if line.get("options") else ""
            who = f": {esc(line['for'])}" if line.get("for") else ""
            items.append(f"<li><strong>{esc(line['name'])}</strong>{who}. {' · '.join(links)}{options}</li>")
        lines_html = '<ul class="hb-crisis-lines">' + "".join(items) + "</ul>"
        indented = (body + "\n\n" + lines_html).replace("\n", "\n    ")
        return f'!!! warning "{_admonition_title(escape_md(head))}"\n    {indented}\n'

    def crisis_bar(self, crisis_href: str) -> str:
        """The line at the top of every page: the main crisis line, to call or text with one tap."""
        esc = jinja2.utils.markupsafe.escape
        _ = self._
        main = self.crisis_lines()[0]
        links = []
        if main.get("tel"):
            links.append(
                f'<a class="hb-tel" href="{esc(main["tel"])}">{esc(_("Call {number}", number=main["call"]))}</a>'
            )
        if main.get("sms"):
            links.append(
                f'<a class="hb-tel" href="{esc(main["sms"])}">{esc(_("Text {number}", number=main["text"]))}</a>'
            )
        links.append(f'<a href="{esc(crisis_href)}">{esc(_("More ways to get help"))}</a>')
        return (
            f'<div class="hb-crisis-bar" role="region" aria-label="{esc(_("Crisis help"))}"><strong>{esc(_("In crisis?"))}</strong> '
            f"{esc(main['name'])}: " + " · ".join(links) + "</div>"
        )

    def citation(self, source: Item) -> str:
        d = source.data
        parts = []
        authors = list(d.get("authors", ()))
        if authors:
            parts.append(escape_md(join_names(authors)))
        elif d.get("organization"):
            parts.append(escape_md(d["organization"]))
        parts.append(f"({d.get('date') or d.get('year', 'n.d.')})")
        head = " ".join(parts) + "."
        title = f"*{escape_md(d['title'])}*."
        tail = []
        if d.get("journal"):
            j = (
                d["journal"]
                + (f", {d['volume']}" if d.get("volume") else "")
                + (f"({d['issue']})" if d.get("issue") else "")
                + (f", {d['pages']}" if d.get("pages") else "")
            )
            tail.append(escape_md(j) + ".")
        if d.get("identifier"):
            tail.append(escape_md(d["identifier"]) + ".")
        if d.get("publisher"):
            tail.append(escape_md(d["publisher"]) + ".")
        elif authors and d.get("organization"):
            tail.append(escape_md(d["organization"]) + ".")
        if d.get("doi"):
            tail.append(f"[doi:{d['doi']}](https://doi.org/{d['doi']})")
        else:
            tail.append(f"<{d['url']}>")
        return " ".join([head, title, *tail])

    # --- pages ---------------------------------------------------------------------------------

    def _render(self, template: str, src: str, **context) -> str:
        seen: set[str] = set()  # glossary terms linked on this page so far
        md = lambda text: self.prose(str(text), src, seen)  # noqa: E731
        link = lambda target, sub=None, words=None: self.link(target, src, sub, words)  # noqa: E731
        rel = lambda target_src, anchor=None: relative(src, target_src, anchor)  # noqa: E731
        links = lambda targets: ", ".join(link(getattr(t, "id", t)) for t in targets)  # noqa: E731
        mention = lambda target: self.mention(target, src)  # noqa: E731
        link_kind = lambda kind: f"[{self.kinds[kind].plural}]({relative(src, KINDS[kind].page + '/index.md')})"  # noqa: E731
        mentions = lambda targets: ", ".join(mention(t) for t in targets)  # noqa: E731
        page_href = lambda to_src, anchor=None: self.page_href(src, to_src, anchor)  # noqa: E731
        file_href = lambda path: self.file_href(src, path)  # noqa: E731
        permalink_html = lambda item_id, sub=None: self.permalink_html(src, item_id, sub)  # noqa: E731
        sublink = lambda item_id, sub, title="": self.sublink(src, item_id, sub, str(title)[:80])  # noqa: E731
        return self.env.get_template(template).render(
            src=src,
            md=md,
            link=link,
            links=links,
            mention=mention,
            link_kind=link_kind,
            mentions=mentions,
            rel=rel,
            page_href=page_href,
            file_href=file_href,
            cite=self.citation,
            permalink=self.permalink,
            permalink_html=permalink_html,
            sublink=sublink,
            **context,
        )

    # --- translations ------------------------------------------------------------------------------

    def _english_href(self, src: str) -> str:
        """A Markdown link target from this language's page to the English page of the same content."""
        return relative(self.urls.prefix + src, src)

    def translation_notice(self, key: str, src: str) -> str:
        """What a reader of a translated page must know: untranslated, behind the English, not reviewed.

        key: an item's id, or 'page:<src>' for a hand-written page. Empty in English.
        """
        if self.lang == "en":
            return ""
        if self.lang not in self.hb.languages:
            return ""  # a catalog without the language's data (a renderer made by hand, as in tests)
        states = self.hb.extra.get("translations", {})
        found = states.get(key)
        language = self.hb.languages[self.lang]
        _ = self._
        lines: list[str] = []
        if found is None:
            lines.append(
                _("This page is not translated into {language} yet: it shows the English text.", language=language.name)
            )
        else:
            if found.status == "stale":
                diff = self._translation_diff(key, found) if found.old_prose is not None else ""
                if found.changed_in:
                    said = _(
                        "The English version changed in edition {edition}, after this translation was made.",
                        edition=found.changed_in,
                    )
                elif found.translated_from:
                    said = _(
                        "The English version has changed since this translation was made (from edition {edition}); the change comes with the next edition.",
                        edition=found.translated_from,
                    )
                else:
                    said = _("The English version has changed since this translation was made.")
                english = self._english_href(src)
                follow = (
                    _(
                        "[Read the current English]({href}) or [see what changed](#what-changed-in-english).",
                        href=english,
                    )
                    if diff
                    else _("[Read the current English]({href}).", href=english)
                )
                lines.append(said + " " + follow)
            if found.missing:
                lines.append(_("Some parts of this page are not translated yet and show in English."))
            if not found.reviewed:
                lines.append(
                    _(
                        "This translation has not yet been reviewed by native-speaking peer specialists. [Help review it]({href}).",
                        href=relative(src, "about.md", "translations"),
                    )
                )
        if not lines:
            return ""
        kind = "warning" if found is None or found.status == "stale" else "info"
        body = "\n\n".join("    " + line for line in lines)
        title = _("About this translation")
        out = f'!!! {kind} hb-translation "{title}"\n\n{body}\n\n'
        if found is not None and found.status == "stale" and found.old_prose is not None:
            out += diff
        return out

    def _translation_diff(self, key: str, found) -> str:
        from .i18n import changed_fields, english_prose

        english = self.hb.extra["english"]
        if found.kind == "page":
            old, new = found.old_prose.get("body", ""), english.docs[key[len("page:") :]].body
            rows = [("", old, new)] if old != new else []
        else:
            item = english.items[found.id]
            rows = changed_fields(item.info, found.old_prose, english_prose(item.info, item.data))
        if not rows:
            return ""
        parts = [
            '<details class="hb-translation-diff" id="what-changed-in-english">',
            f"<summary>{self._('What changed in the English')}</summary>",
            "<dl>",
        ]
        for field_name, old, new in rows:
            parts.append(
                f"<dt>{jinja2.utils.markupsafe.escape(field_name or self._('The page'))}</dt><dd>{self.diff(old, new)}</dd>"
            )
        parts += ["</dl>", "</details>", ""]
        return "\n".join(parts) + "\n"

    def list_notice(self, src: str) -> str:
        """The notice of a list page (FAQ, glossary...) in another language: its entries not translated or behind."""
        if self.lang == "en" or self.lang not in self.hb.languages:
            return ""
        states = self.hb.extra.get("translations", {})
        entries = [i for k in KINDS.values() if not k.per_item and k.page == src for i in self.hb.kind(k.name)]
        entries = [i for i in entries if i.kind != "source"]
        if not entries:
            return ""
        _ = self._
        missing = [i for i in entries if states.get(i.id) is None]
        stale = [i for i in entries if states.get(i.id) is not None and states[i.id].status == "stale"]
        unreviewed = any(states.get(i.id) is not None and not states[i.id].reviewed for i in entries)
        lines = []
        english = self._english_href(src)
        if missing:
            links = ", ".join(f"[{escape_md(i.title)}](#{i.anchor})" for i in missing)
            lines.append(_("Not translated yet, shown in English: {links}.", links=links))
        if stale:
            links = ", ".join(f"[{escape_md(i.title)}]({english}#{i.anchor})" for i in stale)
            lines.append(
                _(
                    "The English of these entries changed after their translation; read the current English: {links}.",
                    links=links,
                )
            )
        if unreviewed:
            lines.append(
                _(
                    "This translation has not yet been reviewed by native-speaking peer specialists. [Help review it]({href}).",
                    href=relative(src, "about.md", "translations"),
                )
            )
        if not lines:
            return ""
        kind = "warning" if missing or stale else "info"
        body = "\n\n".join("    " + line for line in lines)
        return f'!!! {kind} hb-translation "{_("About this translation")}"\n\n{body}\n\n'

    def notice_for_page(self, src: str) -> str:
        """The notice of a hand-written page in this language (before its text)."""
        return self.translation_notice("page:" + src, src)

    def item_page(self, item_id: str) -> str:
        text = self._item_page(item_id)
        if self.lang == "en" or not self.hb.has(item_id):
            return text
        return _after_title(text, self.translation_notice(item_id, self.hb.find(item_id).src))

    def _item_page(self, item_id: str) -> str:
        for m in self.hb.moved:
            if m.id == item_id:
                return self._render("moved.md.j2", src_of_path(m.path), m=m)
        if item_id in self.hb.retired:
            item = self.hb.retired[item_id]
            return self._render("retired.md.j2", item.src, item=item, d=item.data, why=self.hb.overlay.retired[item_id])
        item = self.hb[item_id]
        return self._render(item.info.template, item.src, item=item, d=item.data)

    def index_page(self, kind: str) -> str:
        info = KINDS[kind]
        return self._render(info.index_template, f"{info.page}/index.md", items=self.hb.kind(kind))

    def list_page(self, src: str) -> str:
        return _after_title(self._render(f"{LIST_PAGES[src]}.md.j2", src), self.list_notice(src))

    def page(self, src: str) -> str:
        """The Markdown of any generated page, by its file under docs/."""
        if src in LIST_PAGES:
            return self.list_page(src)
        if src.startswith("handouts/"):
            return self.handout(src[len("handouts/") : -len(".md")])
        folder, _, name = src.partition("/")
        kind = kind_of_page(folder)
        return self.index_page(kind.name) if name == "index.md" else self.item_page(name[: -len(".md")])

    def handout(self, name: str) -> str:
        """A printable page: handouts/<id> (an item's handout), handouts/<module>/<what>, handouts/course/<what>."""
        src = f"handouts/{name}.md"
        first, _, what = name.partition("/")
        if first == "course" and what in COURSE_HANDOUTS:
            return self._render(COURSE_HANDOUTS[what][0], src)
        item = self.hb[first]
        if what:
            return self._render(MODULE_HANDOUTS[what][0], src, item=item, d=item.data)
        return self._render(item.info.handout, src, item=item, d=item.data, sheets=case_sheets(item.data))

    def handout_pages(self) -> list[str]:
        """Every printable page, by its Markdown file."""
        pages = [f"handouts/{i.id}.md" for kind in KINDS.values() if kind.handout for i in self.hb.kind(kind.name)]
        for module in self.hb.kind("training"):
            pages += [
                f"handouts/{module.id}/{what}.md"
                for what, (_, _, needs) in MODULE_HANDOUTS.items()
                if not needs or module.has(needs)
            ]
        if self.hb.courses:
            pages += [f"handouts/course/{what}.md" for what in COURSE_HANDOUTS]
        return pages

    def handout_title(self, src: str) -> str:
        name = src[len("handouts/") : -len(".md")]
        first, _, what = name.partition("/")
        if first == "course" and what in COURSE_HANDOUTS:  # (a module may be called 'course': its handouts differ)
            return self._(COURSE_HANDOUTS[what][1])
        item = self.hb[first]
        if what:
            return self._("{title}: {what}", title=item.title, what=self._(MODULE_HANDOUTS[what][1]))
        return self._("{title} (handout)", title=item.title)

    def print_item(self, item_id: str) -> str:
        """An item's page for the print page: headings two levels down, anchors made unique."""
        item = self.hb[item_id]
        text = self._render(item.info.template, "print.md", item=item, d=item.data)
        return _demote(_prefix_anchors(text, item.id), 2, f"{{#{item.id} .hb-print-item}}")

    def print_list(self, src: str) -> str:
        text = self._render(f"{LIST_PAGES[src]}.md.j2", "print.md")
        return _demote(_prefix_anchors(text, "p-" + src[:-3]), 1, None, drop_title=True)

    def diff(self, old: object, new: object) -> str:
        """A word-level diff of two field values, as HTML with <del> and <ins>."""

        def words(text: str) -> str:  # show [[refs]] as the words a reader sees
            def one(m: re.Match) -> str:
                target = m.group(1).strip()
                return m.group(3) or (self.hb.find(target).title if self.hb.has(target) else target)

            return REF.sub(one, text)

        return word_diff(words(_as_text(old)), words(_as_text(new)))

    def short_diff(self, old: str, new: str) -> str:
        """A word diff with long unchanged stretches cut to their ends, [[refs]] shown as their words."""
        from .orgeditions import html_diff

        def words(text: str) -> str:
            return REF.sub(
                lambda m: (
                    m.group(3)
                    or (
                        self.hb.find(m.group(1).strip()).title
                        if self.hb.has(m.group(1).strip())
                        else m.group(1).strip()
                    )
                ),
                text,
            )

        return html_diff(words(old), words(new))


def _after_title(text: str, insert: str) -> str:
    """Markdown with insert placed after its first '# ' heading (or at the top)."""
    if not insert:
        return text
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    return "\n".join([*lines[: at + 1], "", insert.rstrip("\n"), "", *lines[at + 1 :]])


def _admonition_title(text: str) -> str:
    """A title for a Markdown admonition: in double quotes, so no double quote inside."""
    return text.replace('"', "\u201d")
