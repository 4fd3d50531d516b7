"""The machine-readable export, handbook.json, and the JSON Schema it follows."""

from __future__ import annotations

import json

from .kinds import KINDS
from .model import Handbook, thaw

EXPORT_VERSION = 1


def export(handbook: Handbook, urls) -> dict:
    """Every item with its fields, public page address, permanent address and edition."""
    profile = handbook.profile
    items = []
    for kind in KINDS:
        for item in handbook.kind(kind):
            items.append(
                {
                    "id": item.id,
                    "kind": kind,
                    "title": item.title,
                    "url": urls.public(item.path),
                    "permalink": urls.permalink(item.id),
                    "edition": profile.get("edition"),
                    "cited_by": list(handbook.cited_by.get(item.id, ())),
                    "fields": thaw(item.data),
                }
            )
    return {
        "export_version": EXPORT_VERSION,
        "title": profile.get("handbook_title"),
        "publisher": profile.get("name"),
        "edition": profile.get("edition"),
        "effective_date": profile.get("effective_date"),
        "license": "CC BY-SA 4.0",
        "items": items,
    }


def export_schema() -> dict:
    """JSON Schema of handbook.json; each item's fields follow its kind's data schema in schemas/."""
    item = {
        "type": "object",
        "required": ["id", "kind", "title", "url", "permalink", "edition", "cited_by", "fields"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
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
        "$id": "handbook.schema.json",
        "title": "Peer Support Ethics Handbook export",
        "type": "object",
        "required": ["export_version", "title", "edition", "items"],
        "properties": {
            "export_version": {"const": EXPORT_VERSION},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "edition": {"type": "string"},
            "effective_date": {"type": ["string", "null"]},
            "license": {"type": "string"},
            "items": {"type": "array", "items": item},
        },
        "additionalProperties": False,
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
