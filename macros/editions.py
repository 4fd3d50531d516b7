"""Editions with no silent edits: a content hash per item, and a changelog kept as data.

content.lock.json records, for the last released edition, a hash of every
item's fields and the anchors each item publishes. An item whose hash
differs from the lock must be listed under `unreleased` in
data/changelog.yml; `handbook release X.Y` files those entries under a new
edition and writes a new lock.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
from pathlib import Path

import yaml

from .model import Handbook, Item, thaw

LOCK_FILE = "content.lock.json"
VERSION = re.compile(r"^(\d+)\.(\d+)$")




def item_hash(item: Item) -> str:
    text = json.dumps(thaw(item.data), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def lock_of(handbook: Handbook, edition: str) -> dict:
    """The lock, and the registry of what this edition publishes: every item's hash, title, URL and anchors."""
    items = {}
    for item in sorted(handbook.items.values(), key=lambda i: i.id):
        entry = {"hash": item_hash(item), "kind": item.kind, "title": item.title, "url": item.url}
        if handbook.sub_ids.get(item.id):
            entry["anchors"] = sorted(handbook.sub_ids[item.id])
        items[item.id] = entry
    return {"edition": edition, "items": items}


def read_lock(root: Path) -> dict | None:
    path = Path(root) / LOCK_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def unlisted_changes(handbook: Handbook, lock: dict) -> list[str]:
    """Items added, changed or removed since the lock that the changelog's `unreleased` does not list."""
    listed = {c["id"] for c in handbook.changelog.get("unreleased", ())}
    listed |= {c["to"] for c in handbook.changelog.get("unreleased", ()) if c.get("to")}
    found = []
    for item in sorted(handbook.items.values(), key=lambda i: i.id):
        before = lock["items"].get(item.id)
        if item.id in listed:
            continue
        if before is None:
            found.append(f"{item.id}: new since edition {lock['edition']} ({item.file})")
        elif before["hash"] != item_hash(item):
            found.append(f"{item.id}: text changed since edition {lock['edition']} ({item.file})")
    for gone in sorted(set(lock["items"]) - set(handbook.items) - listed):
        found.append(f"{gone}: removed since edition {lock['edition']}")
    return found


def broken_promises(handbook: Handbook, lock: dict) -> list[str]:
    """Published ids and anchors of the locked edition that no longer resolve and have no redirect."""
    moves = {}
    for edition in [{"changes": handbook.changelog.get("unreleased", ())}, *handbook.changelog.get("editions", ())]:
        for change in edition.get("changes", ()):
            if change["change"] in ("renamed", "retired"):
                moves[change["id"]] = change
    found = []
    for item_id, entry in lock["items"].items():
        if item_id in handbook.retired:
            continue  # an organization retired it: its page still says so
        if item_id not in handbook.items:
            if item_id not in moves:
                found.append(f"{item_id}: published in edition {lock['edition']} but gone; record it in data/changelog.yml as renamed (with `to:`) or retired")
            continue
        missing = sorted(set(entry.get("anchors", ())) - set(handbook.sub_ids.get(item_id, ())))
        if missing:
            found.append(f"{item_id}: anchors {', '.join(missing)} were published in edition {lock['edition']}; keep those ids")
    return found


def moved_items(handbook: Handbook, lock: dict | None) -> list[dict]:
    """Base items renamed or retired since a locked edition, with what the lock knew of them."""
    if not lock:
        return []
    out = []
    for edition in [{"changes": handbook.changelog.get("unreleased", ())}, *handbook.changelog.get("editions", ())]:
        for change in edition.get("changes", ()):
            old = lock["items"].get(change["id"])
            if change["change"] in ("renamed", "retired") and old and change["id"] not in handbook.items:
                out.append({**old, "id": change["id"], "change": change["change"], "to": change.get("to"),
                            "note": change.get("note", ""), "see": list(change.get("see", ()))})
    return out


def item_editions(changelog: dict) -> dict[str, tuple[str, str | None]]:
    """id -> (edition it was added in, edition it last changed in); unlisted items date from the first edition."""
    editions = list(reversed(changelog.get("editions", [])))  # oldest first
    first = editions[0]["version"] if editions else ""
    added: dict[str, str] = {}
    changed: dict[str, str] = {}
    for edition in editions:
        for change in edition.get("changes", ()):
            if change["change"] == "added":
                added[change["id"]] = edition["version"]
            elif change["change"] in ("changed", "renamed"):
                changed[change.get("to") or change["id"]] = edition["version"]
    ids = set(added) | set(changed)
    return {"*": (first, None), **{i: (added.get(i, first), changed.get(i)) for i in ids}}


def release(root: Path, version: str, handbook: Handbook, today: datetime.date | None = None) -> list[str]:
    """File unreleased changes under a new edition, write the new lock, set the profile's edition.

    Returns what it did, line by line. Raises ValueError when the version is not newer.
    """
    root = Path(root)
    today = today or datetime.date.today()
    changelog_path = root / "data" / "changelog.yml"
    text = changelog_path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    latest = data["editions"][0]["version"]
    if not VERSION.match(version) or _key(version) <= _key(latest):
        raise ValueError(f"'{version}' must be X.Y and newer than the latest edition, {latest}")
    lock = read_lock(root) or {"edition": "", "items": {}}
    changes = [dict(c) for c in data.get("unreleased") or []]
    for line in unlisted_changes(handbook, lock):
        item_id, _, what = line.partition(": ")
        kind = "added" if what.startswith("new") else "retired" if what.startswith("removed") else "changed"
        changes.append({"id": item_id, "change": kind, "note": "TODO: say what changed"})
    entry = {"version": version, "date": today.isoformat(), "summary": "TODO: say what this edition brings.\n"}
    if changes:
        entry["changes"] = changes
    data["unreleased"] = []
    data["editions"].insert(0, entry)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    _write(changelog_path, _leading_comments(text) + body)
    _write(root / LOCK_FILE, json.dumps(lock_of(handbook, version), indent=1, sort_keys=False) + "\n")
    profile_path = root / "data" / "profile.yml"
    profile = profile_path.read_text(encoding="utf-8")
    _write(profile_path, re.sub(r'(?m)^edition:.*$', f'edition: "{version}"', profile, count=1))
    return [
        f"data/changelog.yml: edition {version} ({today.isoformat()}) with {len(changes)} change(s); fill in every TODO",
        f"{LOCK_FILE}: {len(handbook.items)} items locked at edition {version}",
        f"data/profile.yml: edition set to {version}",
    ]


def _leading_comments(text: str) -> str:
    out = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        out.append(line)
    return "".join(out)


def _key(version: str) -> tuple[int, int]:
    major, minor = VERSION.match(version).groups()
    return int(major), int(minor)


def _write(path: Path, text: str) -> None:
    """Write through a temporary file, so an interrupted run never leaves half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
