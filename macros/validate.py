"""Check the data: the shape of each file, then every reference and rule.

Validation collects every problem and never stops at the first; it renders
nothing. Each message names the field and, where it can, the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

import jsonschema

from .kinds import KINDS, REF_FIELDS, RESERVED_ANCHORS, SUB_ITEMS
from .problems import Problem, did_you_mean, field_path
from .yamlio import Merged, Parsed

REF = re.compile(r"\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]")
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
    "object": "a mapping of fields",
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
        return "a mapping of fields"
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

    def line(self, path: tuple = ()) -> int:
        return self.where(path)[1]

    def where(self, path: tuple = ()) -> tuple[str, int]:
        return self.parsed.where(self.base + tuple(path))

    def problem(self, path: tuple, message: str, key: bool = False, warning: bool = False) -> Problem:
        full = self.base + tuple(path)
        file, line = self.parsed.key_where(full) if key else self.parsed.where(full)
        return Problem(file, line, field_path(full), message, warning)


# --- shape ---------------------------------------------------------------------------------------


def check_shape(parsed: Parsed | Merged, schema: dict, data: Any = None) -> list[Problem]:
    """Every way the data (default: parsed.data) differs from schema, as problems with lines."""
    validator = _validator(id(schema), schema)
    problems = []
    for error in validator.iter_errors(parsed.data if data is None else data):
        problems.extend(_explain(parsed, error))
    # A misspelt field ("sumary") is one mistake: drop the "missing" report of the field it was meant to be.
    meant = set()
    for p in problems:
        match = re.search(r"unknown field '[^']*' \(did you mean '([^']*)'\?\)", p.message)
        if match:
            meant.add((p.field.rpartition(".")[0], match.group(1)))
    return [
        p for p in problems
        if not (p.message == "required field is missing" and p.field.rpartition(".")[0::2] in meant)
    ]


_VALIDATORS: dict[int, jsonschema.protocols.Validator] = {}


def _validator(key: int, schema: dict) -> jsonschema.protocols.Validator:
    if key not in _VALIDATORS:
        _VALIDATORS[key] = jsonschema.Draft202012Validator(schema)
    return _VALIDATORS[key]


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
                yield Problem(*parsed.key_where(path + (name,)), field_path(path + (name,)), f"unknown field '{name}'{hint}")
        return
    file, line = parsed.where(path)
    if kind == "type":
        message = f"should be {TYPE_NAMES.get(error.validator_value, error.validator_value)}, not {_kind_of_value(value)}"
    elif kind == "minItems":
        n = error.validator_value
        message = f"needs at least {n} {'entry' if n == 1 else 'entries'}, has {len(value)}"
    elif kind == "minLength":
        message = "must not be empty"
    elif kind == "maxLength":
        message = f"is {len(value)} characters long; the limit is {error.validator_value}: shorten it"
    elif kind == "pattern":
        message = _pattern_message(path, value, error)
    elif kind == "enum":
        choices = [str(c) for c in error.validator_value]
        message = f"'{value}' is not allowed{did_you_mean(str(value), choices)}; should be one of: {', '.join(choices)}"
    elif kind == "const":
        message = f"must be {str(error.validator_value).lower()}"
    elif kind == "uniqueItems":
        seen, dup = set(), None
        for v in value:
            if v in seen:
                dup = v
                break
            seen.add(v)
        message = f"lists '{dup}' more than once; keep one"
    elif kind in ("minimum", "maximum"):
        word = "at least" if kind == "minimum" else "at most"
        message = f"is {value}; it must be {word} {error.validator_value}"
    else:  # pragma: no cover - every keyword our schemas use is handled above
        message = error.message
    yield Problem(file, line, where, message)


def _pattern_message(path: tuple, value: str, error: jsonschema.ValidationError) -> str:
    name = path[-1] if path and isinstance(path[-1], str) else ""
    if error.validator_value.startswith("^[a-z0-9]+"):
        fixed = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        return f"'{value}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. '{fixed}'"
    if name in ("date", "accessed"):
        return f"'{value}' is not a date: write YYYY-MM-DD" + (", YYYY-MM or YYYY" if name == "date" else "")
    if name in ("primary", "accent"):
        return f"'{value}' is not a colour: write it as #rrggbb, e.g. #1f4e79"
    if name == "url":
        return f"'{value}' is not a full https:// address"
    if name == "doi":
        return f"'{value}' is not a DOI: write it as 10.xxxx/..., without https://doi.org/"
    return f"'{value}' does not have the expected form: {error.schema.get('description', '')}"


# --- references and rules ------------------------------------------------------------------------


def walk(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) below data, depth first."""
    yield path, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from walk(value, path + (i,))


def select(data: Any, pattern: tuple) -> Iterator[tuple[tuple, Any]]:
    """Values at pattern ('*' matches every list entry) with their concrete paths."""
    if not pattern:
        yield (), data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, value in enumerate(data):
                for sub, found in select(value, rest):
                    yield (i,) + sub, found
    elif isinstance(data, dict) and head in data:
        for sub, found in select(data[head], rest):
            yield (head,) + sub, found


def check_records(records: list[Record], step_order: list[str], unreadable: set[str] = frozenset(),
                  retired: dict | None = None) -> list[Problem]:
    """Cross-checks over all records: ids, references, prose and per-kind rules.

    unreadable holds the ids and kinds of files that could not be read: references
    to them are not reported, since the file's own problem already is.
    """
    problems: list[Problem] = []
    by_id: dict[str, Record] = {}
    for rec in records:
        if rec.id in by_id:
            first = by_id[rec.id]
            file, line = first.where(("id",))
            problems.append(rec.problem(("id",), f"duplicate id '{rec.id}': already used at {file}:{line}; ids are unique across the handbook"))
        else:
            by_id[rec.id] = rec
    subs = {rec.id: _sub_ids(rec, problems) for rec in by_id.values()}
    retired = retired or {}
    for rec in records:
        found = list(_check_refs(rec, by_id, unreadable)) + list(_check_prose(rec, by_id, subs))
        found = [_still_cited(p, rec, retired) for p in found]
        problems.extend(p for p in found if not _about_unreadable(p, unreadable))
        if rec.kind == "dilemma":
            problems.extend(_check_analysis(rec, step_order))
        if rec.kind == "training":
            problems.extend(_check_timing(rec))
    return problems


def _sub_ids(rec: Record, problems: list[Problem]) -> set[str]:
    found: dict[str, tuple] = {}
    for list_name in SUB_ITEMS.get(rec.kind, []):
        for path, sub_id in select(rec.data, (list_name, "*", "id")):
            if not isinstance(sub_id, str):
                continue
            if sub_id in found:
                problems.append(rec.problem(path, f"duplicate id '{sub_id}' inside this item (first at {field_path(found[sub_id])}); each anchor must be unique"))
            elif sub_id in RESERVED_ANCHORS:
                problems.append(rec.problem(path, f"'{sub_id}' is a section name of the page; choose another id, e.g. '{rec.id}-{sub_id}'"))
            found[sub_id] = path
    return set(found)


def _expected(kinds: frozenset[str]) -> str:
    labels = sorted(KINDS[k].label for k in kinds)
    return f"a {labels[0]}" if len(labels) == 1 else "one of: " + ", ".join(labels)


def _still_cited(problem: Problem, rec: Record, retired: dict) -> Problem:
    """An unknown id that the overlay retired: say so where it was retired, naming the citing item."""
    match = re.search(r"unknown id '([^']*)'", problem.message)
    if not match or match.group(1) not in retired:
        return problem
    entry = retired[match.group(1)]
    file, line = entry["where"]
    return Problem(file, line, entry["field"] + ".id",
                   f"'{match.group(1)}' is still cited by {rec.id} ({problem.file}:{problem.line}, {problem.field}): "
                   f"change that item in change/ too, or do not retire this one")


def _about_unreadable(problem: Problem, unreadable: set[str]) -> bool:
    match = re.search(r"unknown id '([^']*)'", problem.message)
    return bool(match and match.group(1) in unreadable)


def _check_refs(rec: Record, by_id: dict[str, Record], unreadable: set[str] = frozenset()) -> Iterator[Problem]:
    for pattern, kinds in REF_FIELDS.get(rec.kind, []):
        for path, target in select(rec.data, pattern):
            if not isinstance(target, str) or (target not in by_id and kinds & unreadable):
                continue
            found = by_id.get(target)
            if found is None:
                choices = [r for r, v in by_id.items() if v.kind in kinds]
                yield rec.problem(path, f"unknown id '{target}'{did_you_mean(target, choices)}")
            elif found.kind not in kinds:
                yield rec.problem(path, f"'{target}' is a {KINDS[found.kind].label}; this field takes {_expected(kinds)}")
            elif target == rec.id:
                yield rec.problem(path, f"'{target}' refers to the item itself; remove it")


def check_text(text: str) -> list[str]:
    """What is wrong with one piece of prose (not its references)."""
    found = []
    html = RAW_HTML.search(text)
    if html:
        found.append(f"raw HTML is not allowed in text (found '{html.group(0)}'); write Markdown instead")
    if ATTR_LIST.search(REF.sub("", text)):
        found.append("attribute lists such as '{: ...}' are not allowed in text; remove the braces")
    for match in MD_LINK.finditer(text):
        target = match.group(1)
        if not target.startswith(("https://", "mailto:")):
            found.append(f"link '{target}' is not allowed: link handbook items as [[id]], other sites with https://")
    return found


def refs_in(text: str) -> Iterator[tuple[str, str | None, str | None]]:
    for m in REF.finditer(text):
        yield m.group(1).strip(), (m.group(2) or None), (m.group(3) or None)


def check_ref(item_id: str, sub: str | None, by_id: dict, subs: dict[str, set[str]]) -> str | None:
    """Why [[item_id#sub]] does not resolve, or None."""
    if not ID.match(item_id):
        return f"[[{item_id}]] is not a valid reference: write [[id]], [[id|words]] or [[id#anchor]]"
    if item_id not in by_id:
        return f"unknown id '{item_id}' in [[...]]{did_you_mean(item_id, by_id)}"
    if sub is not None and sub not in subs.get(item_id, set()):
        have = sorted(subs.get(item_id, set()))
        hint = did_you_mean(sub, have) or (f"; it has: {', '.join(have)}" if have else "; it has no anchors")
        return f"'{item_id}' has no anchor '{sub}'{hint}"
    return None


def _check_prose(rec: Record, by_id: dict, subs: dict[str, set[str]]) -> Iterator[Problem]:
    for path, value in walk(rec.data):
        if not isinstance(value, str):
            continue
        for message in check_text(value):
            yield rec.problem(path, message)
        if "TODO" in value:
            yield rec.problem(path, "still says TODO: fill it in before publishing", warning=True)
        for item_id, sub, _ in refs_in(value):
            message = check_ref(item_id, sub, by_id, subs)
            if message:
                yield rec.problem(path, message)


def _check_analysis(rec: Record, step_order: list[str]) -> Iterator[Problem]:
    analysis = rec.data.get("analysis")
    if not isinstance(analysis, list) or not step_order:
        return
    steps = [entry.get("step") for entry in analysis if isinstance(entry, dict)]
    if steps == step_order:
        return
    missing = [s for s in step_order if s not in steps]
    if missing:
        yield rec.problem(("analysis",), f"the analysis must walk every step of the decision model; missing: {', '.join(missing)}")
        return
    for i, (got, want) in enumerate(zip(steps, step_order)):
        if got != want:
            yield rec.problem(("analysis", i, "step"), f"steps must follow the decision model's order: expected '{want}' here, found '{got}'")
            return
    if len(steps) > len(step_order):
        yield rec.problem(("analysis",), "each step of the decision model appears once; remove the repeated step")


def _check_timing(rec: Record) -> Iterator[Problem]:
    agenda = rec.data.get("agenda")
    duration = rec.data.get("duration_minutes")
    if not isinstance(agenda, list) or not isinstance(duration, int):
        return
    total = sum(a.get("minutes", 0) for a in agenda if isinstance(a, dict) and isinstance(a.get("minutes"), int))
    if total != duration:
        yield rec.problem(("duration_minutes",), f"the agenda's timings add up to {total} minutes, but duration_minutes is {duration}: make them agree")
