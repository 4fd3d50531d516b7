"""Check the data: the shape of each file, then every reference and rule.

Validation collects every problem and never stops at the first; it renders
nothing. Each message names the field and, where it can, the fix.

Shape is checked twice over when a file is wrong: a compiled validator
(fastjsonschema) answers "valid or not" quickly for every file, and only a
file that fails is explained by jsonschema, which lists every error in it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import fastjsonschema
import jsonschema

from .kinds import ALL, KINDS, RESERVED_ANCHORS
from .model import FrozenDict
from .problems import Problem, did_you_mean, field_path
from .schemas import all_schemas
from .yamlio import Merged, Parsed

#: A [[link]]: no part of it holds a "[" (so that a run of thousands of them is read in linear time).
REF = re.compile(r"\[\[([^\][|#]*)(?:#([^\][|]*))?(?:\|([^\][]*))?\]\]")
RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*|/[A-Za-z]|!|\?)")
ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a list of `name: value` lines",
    "null": "nothing",
}


def _kind_of_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a list of `name: value` lines"
    return "nothing" if value is None else type(value).__name__


@dataclass
class Record:
    """An item read from a file, before cross-checks: where it is and what it says."""

    kind: str
    id: str
    data: dict
    parsed: Parsed | Merged
    base: tuple = ()  # path of the item inside its file
    origin: str = "base"  # "base", or "added" / "changed" by an organization's overlay
    known: Any = None  # its Scan, when the parse cache holds it

    @property
    def scanned(self) -> Scan:
        """What the record says on its own (scan()), worked out once."""
        if self.known is None:
            self.known = scan(self)
        return self.known

    def line(self, path: tuple = ()) -> int:
        return self.where(path)[1]

    def where(self, path: tuple = ()) -> tuple[str, int]:
        return self.parsed.where(self.base + tuple(path))

    def problem(
        self, path: tuple, message: str, key: bool = False, warning: bool = False, nth_ref: int = -1
    ) -> Problem:
        """A problem at path; nth_ref places it on the line of the nth [[reference]] of a long text."""
        full = self.base + tuple(path)
        file, line = self.parsed.key_where(full) if key else self.parsed.where(full)
        if nth_ref >= 0:
            line = self.parsed.text_line(full, nth_ref)
        return Problem(file, line, field_path(full), message, warning)


# --- dates -----------------------------------------------------------------------------------------

MONTHS = "January February March April May June July August September October November December".split()


def date_problem(value: str, partial: bool) -> str | None:
    """Why a YYYY[-MM[-DD]] text is not a day (or month) that exists, or None."""
    parts = value.split("-")
    if not partial and len(parts) != 3:
        return None  # the pattern reports the form
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return None
    if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
        return f"'{value}' is not a real date: there is no month {numbers[1]}; write YYYY-MM-DD"
    if len(numbers) == 3:
        try:
            datetime.date(*numbers)
        except ValueError:
            return f"'{value}' is not a real date: {MONTHS[numbers[1] - 1]} {numbers[0]} has no day {numbers[2]}; write YYYY-MM-DD"
    return None


def _is_date(value: Any, partial: bool) -> bool:
    return not isinstance(value, str) or date_problem(value, partial) is None


FORMATS = {"date": lambda v: _is_date(v, False), "partial-date": lambda v: _is_date(v, True)}


# --- shape ---------------------------------------------------------------------------------------


@cache
def _fast(schema_name: str, part: str):
    """A compiled validator for a schema (or one of its parts), cached by name."""
    return fastjsonschema.compile(schema_for(schema_name, part), formats=FORMATS)


@cache
def _full(schema_name: str, part: str) -> jsonschema.protocols.Validator:
    checker = jsonschema.FormatChecker(formats=())
    for name, test in FORMATS.items():
        checker.checks(name)(test)
    return jsonschema.Draft202012Validator(schema_for(schema_name, part), format_checker=checker)


def schema_for(schema_name: str, part: str = "") -> dict:
    """A schema by name; part "entry:<kind>" is one entry of a list kind; "partial" drops required fields."""
    schema = all_schemas()[schema_name]
    if part.startswith("entry:"):
        schema = KINDS[part[len("entry:") :]].entry_schema
    if part.endswith("partial"):
        schema = {**schema, "required": []}
    return schema


def check_shape(parsed: Parsed | Merged, schema_name: str, data: Any = None, part: str = "") -> list[Problem]:
    """Every way the data (default: parsed.data) differs from its schema, as problems with lines."""
    data = parsed.data if data is None else data
    try:
        _fast(schema_name, part)(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in _full(schema_name, part).iter_errors(data):
        problems.extend(p for p in _explain(parsed, error) if p not in problems)  # jsonschema may repeat an error
    # A misspelt field ("sumary") is one mistake: drop the "missing" report of the field it was meant to be.
    meant = set()
    for p in problems:
        match = re.search(r"unknown field '[^']*' \(did you mean '([^']*)'\?\)", p.message)
        if match:
            meant.add((p.field.rpartition(".")[0], match.group(1)))
    return [
        p for p in problems if not (p.message == "required field is missing" and p.field.rpartition(".")[0::2] in meant)
    ]


def _explain(parsed: Parsed | Merged, error: jsonschema.ValidationError) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    value = error.instance
    where = field_path(path)
    kind = error.validator
    if kind == "required":
        for name in error.validator_value:
            if isinstance(value, dict) and name not in value:
                yield Problem(*parsed.where(path), field_path(path + (name,)), "required field is missing")
        return
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for name in value:
            if name not in allowed:
                hint = did_you_mean(name, allowed) or f" (allowed: {', '.join(allowed)})"
                yield Problem(
                    *parsed.key_where(path + (name,)), field_path(path + (name,)), f"unknown field '{name}'{hint}"
                )
        return
    file, line = parsed.where(path)
    if kind == "type":
        message = (
            f"should be {TYPE_NAMES.get(error.validator_value, error.validator_value)}, not {_kind_of_value(value)}"
        )
        message += _quote_hint(value, error.validator_value, _source_line(parsed, file, line))
    elif kind == "minItems":
        n = error.validator_value
        message = f"needs at least {n} {'entry' if n == 1 else 'entries'}, has {len(value)}"
    elif kind == "minLength":
        message = "must not be empty"
    elif kind == "maxLength":
        message = f"is {len(value)} characters long; the limit is {error.validator_value}: shorten it"
    elif kind == "pattern":
        message = _pattern_message(path, value, error)
    elif kind == "format":
        message = date_problem(value, error.validator_value == "partial-date") or f"'{value}' is not a date"
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        message = f"'{value}' is not allowed{did_you_mean(str(value), choices)}; should be one of: {', '.join(choices)}"
    elif kind == "const":
        message = f"must be {str(error.validator_value).lower()}"
    elif kind == "uniqueItems":
        seen, dup = [], None
        for v in value:
            if v in seen:
                dup = v
                break
            seen.append(v)
        message = f"lists '{dup}' more than once; keep one"
    elif kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        message = f"is {value}; it must be {word} {error.validator_value}"
    else:  # pragma: no cover - every keyword our schemas use is handled above
        message = error.message
    yield Problem(file, line, where, message)


def _source_line(parsed, file: str, line: int) -> str:
    """The text of a line of the file a value came from (a merged item's fields come from several)."""
    candidates = [parsed] if isinstance(parsed, Parsed) else [parsed.base, *parsed.changes.values()]
    found = next((c for c in candidates if c.file == file), None)
    text = (found.source or "") if found is not None else ""
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _quote_hint(value: Any, wanted: Any, source: str = "") -> str:
    """What to write instead when YAML read the value as something other than text."""
    if wanted != "string":
        return ""
    comment = re.match(r"\s*(?:-\s+)?([\w-]+):\s+(#\S*)", source)
    if value is None and comment:
        key, text = comment.groups()
        return (
            f": YAML reads everything from # on as a comment, so '{key}' is empty; "
            f'put the value in double quotes: {key}: "{text}"'
        )
    if value is None:
        return (
            ": write the text after the colon; if it starts with # or contains ': ', put it in quotes, e.g. \"#0b3d5c\""
        )
    if isinstance(value, (int, float, bool)):
        return f': put it in quotes, e.g. "{str(value).lower() if isinstance(value, bool) else value}"'
    if isinstance(value, dict):
        return ": the text holds ': ' (a colon and a space), so YAML read a field; put the whole text in quotes"
    return ""


def _pattern_message(path: tuple, value: str, error: jsonschema.ValidationError) -> str:
    name = path[-1] if path and isinstance(path[-1], str) else ""
    pattern = error.validator_value
    if "\t" in str(value):
        return f"'{value}' holds a tab character: replace the tab with spaces"
    if pattern.startswith("^[a-z0-9]+") and "#" in pattern:
        return f"'{value}' is not a reference: write an id such as 'confidentiality', or an id and an anchor such as 'confidentiality#a-mother-on-the-phone'"
    if pattern.startswith("^[a-z0-9]+"):
        fixed = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        return f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. '{fixed}'"
    if error.schema.get("format") in ("date", "partial-date") or name in (
        "date",
        "accessed",
        "effective_date",
        "next_review",
    ):
        return f"'{value}' is not a date: write YYYY-MM-DD" + (
            ", YYYY-MM or YYYY" if error.schema.get("format") == "partial-date" else ""
        )
    if name in ("call", "text") or pattern.startswith("^\\+?[0-9]"):
        return f'\'{value}\' is not a phone number: write its digits, with spaces or dashes if you like, e.g. "988" or "1-866-488-7386"'
    if name in ("primary", "accent"):
        return f"'{value}' is not a colour: write it as #rrggbb in quotes, e.g. \"#1f4e79\""
    if name == "url":
        return f"'{value}' is not a full https:// address"
    if name == "doi":
        return f"'{value}' is not a DOI: write it as 10.xxxx/..., without https://doi.org/"
    if name == "edition" or name == "version":
        return f"'{value}' is not an edition number: write it as X.Y in quotes, e.g. \"1.1\""
    return f"'{value}' does not have the expected form: {error.schema.get('description', '')}"


# --- references and prose ------------------------------------------------------------------------


def walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) below data, depth first."""
    yield path, data
    kind = type(data)
    if (
        kind is dict
        or kind is FrozenDict
        or kind is MappingProxyType
        or (kind is not str and isinstance(data, Mapping))
    ):
        for key, value in data.items():
            yield from walk(value, path + (key,))
    elif kind is list or kind is tuple:
        for i, value in enumerate(data):
            yield from walk(value, path + (i,))


def select(data: Any, pattern: tuple) -> Iterator[tuple[tuple, Any]]:
    """Values at pattern ('*' matches every list entry) with their concrete paths."""
    if not pattern:
        yield (), data
        return
    head, rest = pattern[0], pattern[1:]
    if head == ALL:
        if isinstance(data, (list, tuple)):
            for i, value in enumerate(data):
                for sub, found in select(value, rest):
                    yield (i,) + sub, found
    elif isinstance(data, Mapping) and head in data:
        for sub, found in select(data[head], rest):
            yield (head,) + sub, found


def sub_ids_of(kind: str, data: Mapping) -> Iterator[tuple[tuple, str]]:
    """(path, id) of every anchored sub-item of an item."""
    for sub in KINDS[kind].subs:
        for path, sub_id in select(data, (sub.field, ALL, "id")):
            if isinstance(sub_id, str):
                yield path, sub_id


@dataclass(frozen=True)
class Names:
    """What references can resolve to: ids with their kinds and anchors, and ids that moved."""

    kinds: Mapping[str, str]  # id -> kind
    anchors: Mapping[str, frozenset[str]]  # id -> sub-item anchors
    renamed: Mapping[str, tuple[str, str]] = None  # old id -> (new id, edition)
    retired: Mapping[str, str] = None  # id retired in the base -> edition
    unreadable: frozenset[str] = frozenset()  # ids and kinds of files that could not be read
    published: Mapping[str, str] = None  # id -> kind, of the last edition (content.lock.json)

    @property
    def lists_unreadable(self) -> bool:
        return any(not KINDS[k].per_item for k in self.unreadable if k in KINDS)

    def moot(self, item_id: str) -> bool:
        """An id that may live in a file that could not be read: its file's own problem is what to fix."""
        if item_id in self.unreadable or self.lists_unreadable:
            return True  # a list file (FAQ, glossary...) could not be read: any id may have been in it
        kind = (self.published or {}).get(item_id)
        return kind is not None and (kind in self.unreadable or KINDS[kind].schema in self.unreadable)

    def unknown(self, item_id: str, choices, where: str = "") -> str:
        """The message for an id that names nothing; where says in what ('in [[...]]')."""
        at = f" {where}" if where else ""
        if self.renamed and item_id in self.renamed:
            new, edition = self.renamed[item_id]
            return f"unknown id '{item_id}'{at}: renamed to '{new}' in {f'edition {edition}' if edition else 'the next edition'}; use '{new}'"
        if self.retired and item_id in self.retired:
            return f"unknown id '{item_id}'{at}: retired in {f'edition {self.retired[item_id]}' if self.retired[item_id] else 'the next edition'}; remove it or cite what replaced it"
        guess = did_you_mean(item_id, choices)
        if guess:
            return f"unknown id '{item_id}'{at}{guess}"
        return (
            f"unknown id '{item_id}'{at}: no item has this id; write the id of an existing item (a principle's, case's or "
            "topic's file name, or the `id:` of an FAQ entry, term or source), or remove the reference"
        )


def check_ref(item_id: str, sub: str | None, names: Names) -> str | None:
    """Why [[item_id#sub]] does not resolve, or None."""
    if not ID.match(item_id):
        return f"[[{item_id}]] is not a valid reference: write [[id]], [[id|words]] or [[id#anchor]]"
    if item_id not in names.kinds:
        return None if names.moot(item_id) else names.unknown(item_id, names.kinds, "in [[...]]")
    if sub is not None and sub not in names.anchors.get(item_id, ()):
        have = sorted(names.anchors.get(item_id, ()))
        hint = did_you_mean(sub, have) or (f"; it has: {', '.join(have)}" if have else "; it has no anchors")
        return f"'{item_id}' has no anchor '{sub}'{hint}"
    return None


def refs_in(text: str) -> Iterator[tuple[str, str | None, str | None, int]]:
    """(id, anchor, words, offset in text) of every [[ref]]."""
    for m in REF.finditer(text):
        yield m.group(1).strip(), (m.group(2) or None), (m.group(3) or None), m.start()


def strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every string below data, depth first, without recursion."""
    stack = [(path, data)]
    while stack:
        path, value = stack.pop()
        kind = type(value)
        if kind is str:
            yield path, value
        elif kind is dict or kind is FrozenDict or kind is MappingProxyType:
            stack.extend((path + (k,), v) for k, v in reversed(list(value.items())))
        elif kind is list or kind is tuple:
            stack.extend((path + (i,), v) for i, v in reversed(list(enumerate(value))))


def check_text(text: str) -> list[str]:
    """What is wrong with one piece of prose (not its references)."""
    if "<" not in text and "{" not in text and "](" not in text:
        return []
    found = []
    html = RAW_HTML.search(text)
    if html:
        found.append(f"raw HTML is not allowed in text (found '{html.group(0)}'); write Markdown instead")
    if ATTR_LIST.search(REF.sub("", text)):
        found.append("attribute lists such as '{: ...}' are not allowed in text; remove the braces")
    for match in MD_LINK.finditer(text):
        target = match.group(1)
        if not target.startswith(("https://", "mailto:", "tel:", "sms:")):
            found.append(f"link '{target}' is not allowed: link handbook items as [[id]], other sites with https://")
    return found


def _expected(kinds: frozenset[str]) -> str:
    labels = sorted(KINDS[k].label for k in kinds)
    return f"a {labels[0]}" if len(labels) == 1 else "one of: " + ", ".join(labels)


@dataclass
class Scan:
    """What one record says, found once per file and kept in the parse cache.

    problems: what is wrong with the record on its own (its texts, its anchors);
    refs: every reference it makes, as (path, target, anchor, nth [[ref]] of the text or -1 for a field,
    kinds a field may name or None for a [[ref]] in prose);
    sub_ids: the anchors it publishes.
    """

    problems: list[Problem]
    refs: list[tuple]
    sub_ids: frozenset[str]


def scan(rec: Record) -> Scan:
    """Everything about one record that does not depend on any other file."""
    problems: list[Problem] = []
    refs: list[tuple] = []
    info = KINDS[rec.kind]
    for pattern, kinds in info.refs:
        for path, target in select(rec.data, pattern):
            if isinstance(target, str):
                refs.append((path, target, None, -1, kinds))
    for pattern in info.anchored_refs:
        for path, value in select(rec.data, pattern):
            if isinstance(value, str) and ID.match(value.split("#")[0]):
                item_id, _, sub = value.partition("#")
                refs.append((path, item_id, sub or None, -1, None))
    for path, value in strings(rec.data):
        for message in check_text(value):
            problems.append(rec.problem(path, message))
        if "TODO" in value:
            problems.append(rec.problem(path, "still says TODO: fill it in before publishing", warning=True))
        if "[[" in value:
            for item_id, sub, _, offset in refs_in(value):
                refs.append((path, item_id, sub, value.count("[[", 0, offset), None))
    sub_ids, found = check_sub_ids(rec)
    return Scan(problems + found, refs, frozenset(sub_ids))


def resolve_refs(rec: Record, refs: list[tuple], names: Names) -> Iterator[Problem]:
    """Each reference of a record leads to an item of the right kind (and anchor), else a problem on its line."""
    for path, target, anchor, nth, kinds in refs:
        if nth >= 0 or kinds is None:  # a [[ref]] in a text, or an 'id#anchor' field
            message = check_ref(target, anchor, names)
            if message:
                if nth < 0:
                    message = message.replace(" in [[...]]", "", 1)
                yield rec.problem(path, message, nth_ref=nth)
            continue
        if target not in names.kinds and (kinds & names.unreadable or names.moot(target)):
            continue
        found = names.kinds.get(target)
        if found is None:
            choices = [r for r, k in names.kinds.items() if k in kinds]
            yield rec.problem(path, names.unknown(target, choices))
        elif found not in kinds:
            yield rec.problem(path, f"'{target}' is a {KINDS[found].label}; this field takes {_expected(kinds)}")
        elif target == rec.id:
            yield rec.problem(path, f"'{target}' refers to the item itself; remove it")


def check_prose(rec: Record, names: Names) -> list[Problem]:
    """Every text of a record that is not an item (the profile): no raw HTML or unsafe links, no TODO, [[refs]] resolve."""
    problems: list[Problem] = []
    refs: list[tuple] = []
    for path, value in strings(rec.data):
        problems += [rec.problem(path, message) for message in check_text(value)]
        if "TODO" in value:
            problems.append(rec.problem(path, "still says TODO: fill it in before publishing", warning=True))
        if "[[" in value:
            refs += [(path, i, sub, value.count("[[", 0, offset), None) for i, sub, _, offset in refs_in(value)]
    return problems + list(resolve_refs(rec, refs, names))


def check_sub_ids(rec: Record) -> tuple[set[str], list[Problem]]:
    """The anchors an item publishes, and problems with them (duplicates, reserved names)."""
    found: dict[str, tuple] = {}
    problems = []
    for path, sub_id in sub_ids_of(rec.kind, rec.data):
        if sub_id in found:
            problems.append(
                rec.problem(
                    path,
                    f"duplicate id '{sub_id}' inside this item (first at {field_path(found[sub_id])}); each anchor must be unique",
                )
            )
        elif sub_id in RESERVED_ANCHORS:
            problems.append(
                rec.problem(
                    path, f"'{sub_id}' is a section name of the page; choose another id, e.g. '{rec.id}-{sub_id}'"
                )
            )
        found[sub_id] = path
    return set(found), problems
