"""Hand-written pages (docs/*.md, and an organization's org/docs/*.md): read them and check their text.

A hand-written page may use the same checked [[id]] links as the data, and
the handbook's macros such as {{ crisis() }}. Everything the build would
stumble on is reported here, with the page's file and line: bad front
matter, a [[typo]], a template error, a macro that does not exist.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import jinja2
import jinja2.meta
import yaml

from .model import Doc, freeze
from .problems import Problem, did_you_mean
from .validate import REF, Names, check_ref

CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]+`)", re.S)
META_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)
FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)

#: The delimiters of every Jinja template of the handbook, the engine's and mkdocs-macros' alike:
#: '{#' stays free for Markdown heading anchors such as '## Our rules {#our-rules}'.
DELIMITERS = {"comment_start_string": "{#-#", "comment_end_string": "#-#}"}

#: Names a hand-written page may use: the handbook's macros and variables (see macros/pagemacros.py),
#: and the variables mkdocs-macros itself provides.
MKDOCS_MACROS_NAMES = frozenset("config page navigation files environment plugin extra macros filters git".split())


def jinja_env(**options) -> jinja2.Environment:
    return jinja2.Environment(undefined=jinja2.StrictUndefined, **DELIMITERS, **options)


def read_docs(
    folder: Path, shown: str, origin: str, base: dict[str, Doc] | None = None
) -> tuple[dict[str, Doc], list[Problem]]:
    """Every Markdown page under folder (not assets/), by its path relative to folder."""
    docs: dict[str, Doc] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return docs, problems
    for path in sorted(folder.rglob("*.md")):
        src = path.relative_to(folder).as_posix()
        if src.startswith("assets/"):
            continue
        file = f"{shown}/{src}"
        try:
            if not path.is_file():
                raise OSError("not a regular file")
            text = path.read_text(encoding="utf-8-sig")  # as MkDocs reads a page: a byte-order mark is not text
        except OSError as err:
            problems.append(Problem(file, 0, "", f"cannot be read ({getattr(err, 'strerror', None) or err}): check it"))
            continue
        except UnicodeDecodeError as err:
            line = path.read_bytes()[: err.start].count(b"\n") + 1
            problems.append(Problem(file, line, "", "file is not UTF-8 text: save it as UTF-8"))
            continue
        meta, body, body_line, found = split_front_matter(text, file)
        problems += found
        replaced = (base or {}).get(src)
        docs[src] = Doc(
            src=src,
            file=file,
            body=body,
            body_line=body_line,
            meta=freeze(meta),
            meta_lines=freeze(
                {m.group(1): text.count("\n", 0, m.start()) + 1 for m in META_KEY.finditer(text, 0, body_start(text))}
            ),
            origin=origin,
            replaces=replaced is not None,
            base_hash=page_hash(replaced) if replaced is not None else "",
        )
    return docs, problems


def page_hash(doc: Doc) -> str:
    return hashlib.sha256(doc.body.encode("utf-8")).hexdigest()[:16]


def split_front_matter(text: str, file: str) -> tuple[dict, str, int, list[Problem]]:
    """(front matter, body, line where the body starts, problems)."""
    match = FRONT.match(text)
    if not match:
        return {}, text, 1, []
    body_line = text.count("\n", 0, match.end()) + 1
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return (
            {},
            text[match.end() :],
            body_line,
            [
                Problem(
                    file,
                    line,
                    "",
                    f"the front matter (between the --- lines) is not valid YAML: {getattr(err, 'problem', err)}",
                )
            ],
        )
    if not isinstance(meta, dict):
        return (
            {},
            text[match.end() :],
            body_line,
            [Problem(file, 2, "", "the front matter (between the --- lines) must be `name: value` lines")],
        )
    return meta, text[match.end() :], body_line, []


def outside_code(text: str) -> Iterator[tuple[int, str]]:
    """(offset, chunk) of the parts of Markdown text that are not code."""
    at = 0
    for i, part in enumerate(CODE.split(text)):
        if i % 2 == 0:  # split() puts the code it matched at the odd places
            yield at, part
        at += len(part)


def check_doc(doc: Doc, names: Names, macro_names: Iterable[str]) -> list[Problem]:
    """A hand-written page's [[links]], template and search weight, each problem on its own line."""
    problems = []
    search = doc.meta.get("search")
    if search is not None:
        boost = search.get("boost") if isinstance(search, Mapping) else None
        if not isinstance(search, Mapping) or "boost" in search and not is_search_weight(boost):
            field, value = ("search.boost", boost) if isinstance(search, Mapping) else ("search", search)
            problems.append(
                Problem(
                    doc.file,
                    _meta_line(doc, "search"),
                    field,
                    f"{field} is {value!r}: write `search: {{boost: 2}}` with a number above 0 and at most 100 (above 1 "
                    "ranks the page higher in search, below 1 lower), or `search: {exclude: true}`",
                )
            )
    for offset, chunk in outside_code(doc.body):
        for m in REF.finditer(chunk):
            message = check_ref(m.group(1).strip(), m.group(2) or None, names)
            if message:
                line = doc.body_line + doc.body.count("\n", 0, offset + m.start())
                problems.append(Problem(doc.file, line, "", message))
    env = jinja_env()
    try:
        ast = env.parse(doc.body)
    except jinja2.TemplateSyntaxError as err:
        return problems + [
            Problem(
                doc.file,
                doc.body_line + (err.lineno or 1) - 1,
                "",
                f"template error: {str(err.message).rstrip('.')}; macros are written {{{{ name() }}}} and blocks {{% if ... %}} ... {{% endif %}}",
            )
        ]
    known = set(macro_names) | MKDOCS_MACROS_NAMES
    for name in sorted(jinja2.meta.find_undeclared_variables(ast) - known):
        found = re.search(r"\{\{[^}]*\b" + re.escape(name) + r"\b", doc.body) or re.search(
            r"\b" + re.escape(name) + r"\b", doc.body
        )
        line = doc.body_line + doc.body.count("\n", 0, found.start()) if found else doc.body_line
        problems.append(
            Problem(
                doc.file,
                line,
                "",
                f"unknown macro or variable '{name}'{did_you_mean(name, sorted(set(macro_names)))}; "
                f"the handbook's macros are: {', '.join(sorted(macro_names))}",
            )
        )
    return problems


def convert_refs(doc_body: str, link) -> str:
    """The page's Markdown with every [[ref]] outside code written as a link by link(id, anchor, words)."""
    parts = CODE.split(doc_body)
    for i in range(0, len(parts), 2):
        parts[i] = REF.sub(lambda m: link(m.group(1).strip(), m.group(2) or None, m.group(3) or None), parts[i])
    return "".join(parts)


#: Folders of pages made from the data: no page of an organization's may live there.
GENERATED_FOLDERS = ("handouts", "p", "c", "editions", "exports", "search", "offline", "pagefind", "print")


def check_org_docs(org_docs: dict[str, Doc], base_docs: dict[str, Doc], profile, records) -> list[Problem]:
    """An organization's pages: none in place of a generated page, no two at one address, replaced pages
    that record which base version they copied, and a profile `nav:` that names each page once."""
    from .kinds import KINDS
    from .render import LIST_PAGES
    from .urls import canonical_path

    problems: list[Problem] = []
    folders = {k.page for k in KINDS.values() if k.per_item} | set(GENERATED_FOLDERS)
    addresses: dict[str, Doc] = {}
    for src, doc in sorted(org_docs.items()):
        top = src.split("/", 1)[0] if "/" in src else ""
        folder = doc.file.split("/docs/", 1)[0]
        if src in LIST_PAGES or top in folders:
            what = "the data" if src != "raise-a-concern.md" else "your profile's raise_concern"
            problems.append(
                Problem(
                    doc.file,
                    1,
                    "",
                    f"'{src}' is a page made from {what}, so a page of yours cannot replace it: "
                    f"change what it shows with files in {folder}/change/ or {folder}/add/ (see the adoption guide), "
                    "or give your page another name",
                )
            )
            continue
        address = canonical_path(src).lower()
        if address in addresses:
            other = addresses[address]
            problems.append(
                Problem(
                    doc.file,
                    1,
                    "",
                    f"this page and {other.file} would have the same address (/{canonical_path(src)}): rename one of them",
                )
            )
        addresses.setdefault(address, doc)
        base = base_docs.get(src)
        recorded = doc.meta.get("replaces")
        if base is not None:
            now = page_hash(base)
            if not recorded:
                problems.append(
                    Problem(
                        doc.file,
                        1,
                        "replaces",
                        f"replaces the base page {base.file}: add `replaces: {now}` to its front matter "
                        "(the version you copied), so that the check tells you when the base page changes",
                        warning=True,
                    )
                )
            elif str(recorded) != now:
                problems.append(
                    Problem(
                        doc.file,
                        _meta_line(doc, "replaces"),
                        "replaces",
                        f"the base page {base.file} has changed since you replaced it (you copied version {recorded}, "
                        f"it is now {now}): compare the two (`handbook upstream` shows what changed), bring in what "
                        f"you want, then set `replaces: {now}`",
                        warning=True,
                    )
                )
        elif recorded:
            problems.append(
                Problem(
                    doc.file,
                    _meta_line(doc, "replaces"),
                    "replaces",
                    f"says it replaces a base page, but the base has no page {src} any more (renamed or removed "
                    "upstream): remove `replaces:` to keep it as a page of your own, or move your text to the page "
                    "that took its place",
                    warning=True,
                )
            )
    if profile is None or not isinstance(profile.data, dict) or not isinstance(profile.data.get("nav"), list):
        return problems
    placed: dict[str, int] = {}
    for i, entry in enumerate(profile.data["nav"]):
        page = entry.get("page") if isinstance(entry, dict) else None
        if not isinstance(page, str):
            continue  # its shape is reported by the profile's schema
        file, line = profile.where(("nav", i, "page"))
        folder = file.rsplit("/", 1)[0] if "/" in file else "."
        if page not in org_docs:
            choices = sorted(s for s in org_docs if s not in base_docs)
            hint = did_you_mean(page, choices) or (
                f"; your pages are: {', '.join(choices)}" if choices else f"; {folder}/docs/ has no pages yet"
            )
            problems.append(Problem(file, line, f"nav[{i}].page", f"'{page}' is not a page in {folder}/docs/{hint}"))
        elif page in base_docs:
            problems.append(
                Problem(
                    file,
                    line,
                    f"nav[{i}].page",
                    f"'{page}' replaces a base page, which keeps its place in the navigation: remove this entry",
                )
            )
        elif page in placed:
            problems.append(
                Problem(
                    file, line, f"nav[{i}].page", f"'{page}' is already placed at line {placed[page]}: keep one entry"
                )
            )
        placed.setdefault(page, line)
    return problems


def is_search_weight(value) -> bool:
    """A search weight a page may set: a number above 0 and at most 100 (site.search_weight_of reads it)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value <= 100


def _meta_line(doc: Doc, key: str) -> int:
    return doc.meta_lines.get(key, 1)


def body_start(text: str) -> int:
    """Where the front matter ends (0 when there is none)."""
    match = FRONT.match(text)
    return match.end() if match else 0
