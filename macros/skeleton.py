"""Skeleton files for `handbook new`, generated from the schemas: valid YAML whose comments explain each field.

Every field of the kind's schema appears in schema order, with its description
as a comment. Required fields get a value that passes validation (a TODO
text, a real id of the right kind, a valid choice); optional fields appear as
comments, ready to fill in. `handbook check` warns about each TODO left, and
the content tests refuse them.
"""

from __future__ import annotations

import re

from .kinds import ALL, KINDS
from .model import Handbook

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WIDTH = 34  # the column where comments start

FALLBACK_IDS = {
    "principle": ["self-determination", "dignity-and-respect"],
    "boundary": ["gifts"],
    "source": ["naps-2013"],
    "dilemma": ["rent-money"],
    "step": [],
}


def skeleton(kind: str, item_id: str, hb: Handbook | None = None, schema_path: str = "../../schemas") -> str:
    """The text of a new file for kind with id item_id."""
    if not ID.match(item_id):
        raise ValueError(f"'{item_id}' is not a valid id: use lowercase letters, digits and single hyphens")
    info = KINDS[kind]
    lines = [
        f"# yaml-language-server: $schema={schema_path}/{info.schema}.schema.json",
        f"# A new {info.label}. Fill in every TODO, then run `handbook check`. Texts are Markdown;",
        "# link other items as [[id]], [[id|words]] or [[id#anchor]].",
    ]
    lines += _object(info.entry_schema, (), _Context(kind, item_id, hb), 0)
    return "\n".join(lines) + "\n"


class _Context:
    def __init__(self, kind: str, item_id: str, hb: Handbook | None):
        self.kind, self.item_id, self.hb = kind, item_id, hb
        self.refs = {pattern: kinds for pattern, kinds in KINDS[kind].refs}

    def ids(self, kinds: frozenset[str], n: int) -> list[str]:
        found: list[str] = []
        for k in sorted(kinds):
            found += [i.id for i in self.hb.kind(k)] if self.hb else FALLBACK_IDS.get(k, [])
        return found[:n]

    def steps(self) -> list[str]:
        return [i.id for i in self.hb.kind("step")] if self.hb else []

    def ref_kinds(self, path: tuple) -> frozenset[str] | None:
        for pattern, kinds in self.refs.items():
            if len(pattern) == len(path) and all(p == ALL or p == q for p, q in zip(pattern, path, strict=True)):
                return kinds
        return None


def _comment(schema: dict) -> str:
    text = schema.get("description", "")
    if "enum" in schema:
        text = (text + " One of: " + ", ".join(map(str, schema["enum"]))).strip()
    return text


def _line(indent: int, key: str, value: str, comment: str) -> str:
    head = " " * indent + (f"{key}: {value}" if value != "" else f"{key}:")
    return head + (" " * max(1, WIDTH - len(head)) + f"# {comment}" if comment else "")


def _object(schema: dict, path: tuple, ctx: _Context, indent: int) -> list[str]:
    lines = []
    required = set(schema.get("required", ()))
    for name, prop in schema.get("properties", {}).items():
        if name not in required:
            hint = _comment(prop) or "optional"
            if prop.get("type") == "array":
                lines.append(_line(indent, name, "[]", f"optional: {hint}"))
            else:
                lines.append(" " * indent + f"# {name}: (optional) {hint}")
            continue
        lines += _field(name, prop, path + (name,), ctx, indent)
    return lines


def _field(name: str, prop: dict, path: tuple, ctx: _Context, indent: int) -> list[str]:
    comment = _comment(prop)
    kind = prop.get("type")
    if path == ("analysis",) and ctx.kind == "dilemma":
        steps = ctx.steps() or ["TODO-step-id"]
        out = [_line(indent, name, "", comment)]
        for step in steps:
            out += [" " * indent + f"  - step: {step}", " " * indent + "    text: TODO apply this step to the case"]
        return out
    if kind == "object":
        return [_line(indent, name, "", comment), *_object(prop, path, ctx, indent + 2)]
    if kind == "array":
        items = prop.get("items", {})
        n = prop.get("minItems", 0)
        refs = ctx.ref_kinds(path + (ALL,))
        if refs is not None:
            return [_line(indent, name, "[" + ", ".join(ctx.ids(refs, max(n, 1) if n else 0)) + "]", comment)]
        if n == 0:
            return [_line(indent, name, "[]", comment)]
        out = [_line(indent, name, "", comment)]
        for i in range(n):
            entry_path = path + (i,)
            if items.get("type") == "object":
                body = _object(items, entry_path, ctx, indent + 4)
                body[0] = " " * (indent + 2) + "- " + body[0].lstrip()
                out += body
            else:
                out.append(" " * (indent + 2) + "- " + _scalar(items, entry_path, ctx, i))
        return out
    return [_line(indent, name, _scalar(prop, path, ctx, 0), comment)]


def _scalar(prop: dict, path: tuple, ctx: _Context, index: int) -> str:
    name = next((p for p in reversed(path) if isinstance(p, str)), "")
    if "const" in prop:
        return str(prop["const"]).lower() if isinstance(prop["const"], bool) else str(prop["const"])
    if "enum" in prop:
        return str(prop["enum"][0])
    kind = prop.get("type")
    if kind == "integer":
        if name == "duration_minutes":
            return "60"
        if name == "minutes":
            return "60"
        return str(max(prop.get("minimum", 1), 99 if name == "order" else prop.get("minimum", 1)))
    if kind == "boolean":
        return "true"
    if prop.get("format") == "date":
        return '"2026-01-01"'
    if prop.get("pattern", "").startswith("^[a-z0-9]+"):
        if name == "id" and len(path) == 1:
            return ctx.item_id
        refs = ctx.ref_kinds(path)
        if refs is not None:
            return (ctx.ids(refs, 1) or ["TODO-id"])[0]
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), "entry")
        number = next((p for p in reversed(path) if isinstance(p, int)), index)
        return f"{ctx.item_id}-{parent.rstrip('s').replace('_', '-')}-{number + 1}"
    words = {"title": "a short title", "summary": "one plain sentence", "text": "the text"}.get(
        name, name.replace("_", " ")
    )
    return f"TODO {words}"
