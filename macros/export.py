"""The machine-readable export, handbook.json, and the JSON Schema it follows.

Version 2 (edition 1.1): every address is absolute; every item lists its
sub-items (commitments, examples, questions, options, agenda segments...) with
their own addresses; every text comes twice, as written (Markdown, with
[[references]] made links to absolute addresses) and as plain text; each
item has its content hash and the editions it was added and last changed in;
the schema types each kind's `fields` with that kind's own data schema.
Version 1 stays readable for one more edition as handbook-v1.json (its
schema: handbook-v1.schema.json); what changed is listed in the schema's
description.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .editions import item_hash
from .kinds import KINDS
from .model import Handbook, thaw
from .validate import REF, sub_ids_of

EXPORT_VERSION = 2
CHANGES_FROM_V1 = (
    "Changes from version 1: `url` and `permalink` are absolute under the site's public address; "
    "`edition` is replaced by `edition_added` and `edition_changed`; new `hash`, `sub_items` (each with its "
    "absolute `url` and `permalink`), `markdown` (texts with [[references]] as links) and `plain` (texts as "
    "plain words); `fields` is typed per kind. Version 1 is published beside it as handbook-v1.json."
)


def _texts(value: Any, convert) -> Any:
    """value with every string passed through convert (structure kept)."""
    if isinstance(value, dict):
        return {k: _texts(v, convert) for k, v in value.items()}
    if isinstance(value, list):
        return [_texts(v, convert) for v in value]
    return convert(value) if isinstance(value, str) else value


def _linker(handbook: Handbook, urls, plain: bool):
    def one(match: re.Match) -> str:
        target, anchor, words = match.group(1).strip(), match.group(2), match.group(3)
        item = handbook.find(target) if handbook.has(target) else None
        shown = words or (item.title if item else target)
        if plain or item is None:
            return shown
        href = urls.permalink(target, anchor) if anchor else urls.public(item.path)
        return f"[{shown}]({href})"

    def convert(text: str) -> str:
        out = REF.sub(one, text)
        if plain:
            out = re.sub(r"\*\*([^*]+)\*\*|\*([^*]+)\*", lambda m: m.group(1) or m.group(2), out)
            out = re.sub(r"\[([^\]]*)\]\((?:https?|mailto):[^)]*\)", r"\1", out)
        return out

    return convert


def export(handbook: Handbook, urls) -> dict:
    """Every item with its fields, sub-items, absolute addresses, hash and editions (format version 2)."""
    profile = handbook.profile
    as_markdown, as_plain = _linker(handbook, urls, False), _linker(handbook, urls, True)
    items = []
    for kind in KINDS:
        info = KINDS[kind]
        for item in handbook.kind(kind):
            fields = thaw(item.data)
            added, changed = handbook.edition_of(item.id)
            subs = []
            for path, sub in sub_ids_of(kind, fields):
                entry = fields[path[0]][path[1]]
                sub_info = next(s for s in info.subs if s.field == path[0])
                page = urls.public(item.path.split("#")[0])
                subs.append(
                    {
                        "anchor": sub,
                        "kind": sub_info.label,
                        "number": path[1] + 1,
                        "text": as_plain(str(entry.get(sub_info.title) or entry.get("text") or sub)),
                        "url": f"{page}#{sub}",
                        "permalink": urls.permalink(item.id, sub),
                    }
                )
            items.append(
                {
                    "id": item.id,
                    "kind": kind,
                    "title": item.title,
                    "url": urls.public(item.path),
                    "permalink": urls.permalink(item.id),
                    "hash": item_hash(item),
                    "edition_added": added or None,
                    "edition_changed": changed,
                    "cited_by": list(handbook.cited_by.get(item.id, ())),
                    "sub_items": subs,
                    "fields": fields,
                    "markdown": _texts(fields, as_markdown),
                    "plain": _texts(fields, as_plain),
                }
            )
    return {
        "export_version": EXPORT_VERSION,
        "title": profile.get("handbook_title"),
        "publisher": profile.get("name"),
        "edition": profile.get("edition"),
        "effective_date": profile.get("effective_date"),
        "next_review": profile.get("next_review"),
        "jurisdiction": profile.get("jurisdiction"),
        "reviewers": list(profile.get("reviewers", ())),
        "site_url": urls.public(""),
        "license": "CC BY-SA 4.0",
        "license_url": "https://creativecommons.org/licenses/by-sa/4.0/",
        "items": items,
        "translations": translations(handbook, urls),
    }


def translations(handbook: Handbook, urls) -> dict:
    """Every other language: its title and address, and each item as its pages show it, with how its
    translation stands against the English (current, stale, missing) and whether it was reviewed."""
    import dataclasses

    from .i18n import UNTRANSLATED_KINDS, translated

    out = {}
    for code, language in handbook.languages.items():
        local = translated(handbook, code)
        local_urls = dataclasses.replace(urls, prefix=f"{code}/")
        states = local.extra["translations"]
        as_plain = _linker(local, local_urls, True)
        items = []
        for kind in KINDS:
            if kind in UNTRANSLATED_KINDS:
                continue
            for item in local.kind(kind):
                found = states.get(item.id)
                fields = thaw(item.data)
                items.append(
                    {
                        "id": item.id,
                        "kind": kind,
                        "title": item.title,
                        "url": local_urls.public(f"{code}/{item.path}"),
                        "permalink": local_urls.permalink(item.id),
                        "status": found.status if found is not None else "missing",
                        "reviewed": bool(found is not None and found.reviewed),
                        "source_hash": found.source_hash if found is not None else None,
                        "translated_from": (found.translated_from or None) if found is not None else None,
                        "fields": fields,
                        "plain": _texts(fields, as_plain),
                    }
                )
        out[code] = {
            "name": language.name,
            "title": local.profile.get("handbook_title"),
            "site_url": local_urls.public(code + "/"),
            "items": items,
        }
    return out


def export_v1(handbook: Handbook, urls) -> dict:
    """The version 1 export, kept for one more edition."""
    profile = handbook.profile
    items = [
        {
            "id": i.id,
            "kind": k,
            "title": i.title,
            "url": urls.public(i.path),
            "permalink": urls.permalink(i.id),
            "edition": profile.get("edition"),
            "cited_by": list(handbook.cited_by.get(i.id, ())),
            "fields": thaw(i.data),
        }
        for k in KINDS
        for i in handbook.kind(k)
    ]
    return {
        "export_version": 1,
        "title": profile.get("handbook_title"),
        "publisher": profile.get("name"),
        "edition": profile.get("edition"),
        "effective_date": profile.get("effective_date"),
        "license": "CC BY-SA 4.0",
        "items": items,
    }


def export_schema() -> dict:
    """JSON Schema of handbook.json version 2: each kind's `fields` (and its Markdown and plain copies) are typed."""
    sub_item = {
        "type": "object",
        "required": ["anchor", "kind", "number", "text", "url", "permalink"],
        "additionalProperties": False,
        "properties": {
            "anchor": {"type": "string"},
            "kind": {"type": "string"},
            "number": {"type": "integer"},
            "text": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "permalink": {"type": "string", "format": "uri"},
        },
    }
    common = {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "title": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "permalink": {"type": "string", "format": "uri"},
        "hash": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "edition_added": {"type": ["string", "null"]},
        "edition_changed": {"type": ["string", "null"]},
        "cited_by": {"type": "array", "items": {"type": "string"}},
        "sub_items": {"type": "array", "items": sub_item},
    }
    variants = []
    for name, info in KINDS.items():
        fields = {k: v for k, v in info.entry_schema.items() if k not in ("$schema", "$id", "title")}
        loose = _loose(fields)  # the Markdown and plain copies have the same shape, texts changed
        variants.append(
            {
                "type": "object",
                "required": [
                    "id",
                    "kind",
                    "title",
                    "url",
                    "permalink",
                    "hash",
                    "sub_items",
                    "fields",
                    "markdown",
                    "plain",
                ],
                "additionalProperties": False,
                "properties": {**common, "kind": {"const": name}, "fields": fields, "markdown": loose, "plain": loose},
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "handbook.schema.json",
        "title": "Peer Support Ethics Handbook export, version 2",
        "description": CHANGES_FROM_V1,
        "type": "object",
        "required": ["export_version", "title", "edition", "items"],
        "properties": {
            "export_version": {"const": EXPORT_VERSION},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "edition": {"type": "string"},
            "effective_date": {"type": ["string", "null"]},
            "next_review": {"type": ["string", "null"]},
            "jurisdiction": {"type": ["string", "null"]},
            "reviewers": {"type": "array", "items": {"type": "string"}},
            "site_url": {"type": "string"},
            "license": {"type": "string"},
            "license_url": {"type": "string"},
            "items": {"type": "array", "items": {"oneOf": variants}},
            "translations": {
                "type": "object",
                "description": "Each other language by its code: its pages' items, with how each stands against the English.",
                "additionalProperties": {
                    "type": "object",
                    "required": ["name", "title", "site_url", "items"],
                    "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string"},
                        "title": {"type": "string"},
                        "site_url": {"type": "string"},
                        "items": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["id", "kind", "title", "url", "permalink", "status", "reviewed", "fields"],
                                "additionalProperties": False,
                                "properties": {
                                    "id": {"type": "string"},
                                    "kind": {"enum": list(KINDS)},
                                    "title": {"type": "string"},
                                    "url": {"type": "string", "format": "uri"},
                                    "permalink": {"type": "string", "format": "uri"},
                                    "status": {"enum": ["current", "stale", "missing"]},
                                    "reviewed": {"type": "boolean"},
                                    "source_hash": {"type": ["string", "null"]},
                                    "translated_from": {"type": ["string", "null"]},
                                    "fields": {"type": "object"},
                                    "plain": {"type": "object"},
                                },
                            },
                        },
                    },
                },
            },
        },
        "additionalProperties": False,
    }


def export_v1_schema() -> dict:
    item = {
        "type": "object",
        "required": ["id", "kind", "title", "url", "permalink", "edition", "cited_by", "fields"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string"},
            "kind": {"enum": list(KINDS)},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "permalink": {"type": "string"},
            "edition": {"type": "string"},
            "cited_by": {"type": "array", "items": {"type": "string"}},
            "fields": {"type": "object"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "handbook-v1.schema.json",
        "title": "Peer Support Ethics Handbook export, version 1",
        "type": "object",
        "required": ["export_version", "title", "edition", "items"],
        "properties": {
            "export_version": {"const": 1},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "edition": {"type": "string"},
            "effective_date": {"type": ["string", "null"]},
            "license": {"type": "string"},
            "items": {"type": "array", "items": item},
        },
        "additionalProperties": False,
    }


def _loose(schema: Any) -> Any:
    """A schema with the same structure whose text limits and patterns are dropped (texts are rewritten)."""
    if isinstance(schema, dict):
        out = {k: _loose(v) for k, v in schema.items() if k not in ("pattern", "maxLength", "format", "enum", "const")}
        if schema.get("type") == "string" or "enum" in schema or "const" in schema:
            out.pop("enum", None)
            out.setdefault("type", ["string", "boolean", "integer"] if "const" in schema else "string")
        return out
    if isinstance(schema, list):
        return [_loose(v) for v in schema]
    return schema


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
