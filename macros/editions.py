"""Editions with no silent edits: a content hash per item, a changelog kept as data, ids that never vanish.

content.lock.json records, for the last released edition, a hash of every
item's fields, the address and anchors each item publishes, and every id
that was renamed or retired in any edition (with its address and anchors),
so that their redirects last across every later edition. An item whose hash
differs from the lock must be listed under `unreleased` in
data/changelog.yml; `handbook release X.Y` files those entries under a new
edition and writes the new lock.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .model import Handbook, Item, Moved, thaw
from .problems import Problem

LOCK_FILE = "content.lock.json"
LOCK_FORMAT = 2
VERSION = re.compile(r"^(\d+)\.(\d+)$")

_ENTRY = {
    "type": "object",
    "required": ["hash", "kind", "title", "url"],
    "properties": {
        "hash": {"type": "string", "pattern": "^[0-9a-f]{16}$"},
        "kind": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "anchors": {"type": "array", "items": {"type": "string"}},
        "number": {"type": "integer"},
        "commitments": {"type": "array", "items": {"type": "string"}},
    },
}
_MOVED = {
    "type": "object",
    "required": ["change", "edition", "kind", "title", "url"],
    "properties": {
        "change": {"enum": ["renamed", "retired"]},
        "to": {"type": "string"},
        "edition": {"type": "string"},
        "kind": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string"},
        "anchors": {"type": "array", "items": {"type": "string"}},
        "note": {"type": "string"},
        "see": {"type": "array", "items": {"type": "string"}},
    },
}
LOCK_SCHEMA = {
    "type": "object",
    "required": ["edition", "items"],
    "properties": {
        "format": {"const": LOCK_FORMAT},
        "edition": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$"},
        "items": {"type": "object", "additionalProperties": _ENTRY},
        "moved": {"type": "object", "additionalProperties": _MOVED},
    },
}
REPAIR = "restore it with `git checkout content.lock.json` (it is written by `handbook release`, never by hand)"


def item_hash(item: Item) -> str:
    from .i18n import hash_of  # one content hash, for the lock and for translations alike

    return hash_of(item.data)


def read_lock(root: Path | str) -> tuple[dict | None, list[Problem]]:
    """The lock file, or None when there is none; a damaged one is a problem, never a crash."""
    path = Path(root) / LOCK_FILE
    if not path.exists():
        return None, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(LOCK_FILE, 0, "", f"file is not UTF-8 text: {REPAIR}")]
    try:
        lock = json.loads(text)
    except json.JSONDecodeError as err:
        return None, [Problem(LOCK_FILE, err.lineno, "", f"not valid JSON: {err.msg}; {REPAIR}")]
    problems = []
    for error in jsonschema.Draft202012Validator(LOCK_SCHEMA).iter_errors(lock):
        path_ = list(error.absolute_path)
        where = ".".join(str(p) for p in path_) or "(top)"
        line = _line_of(text, path_)
        problems.append(Problem(LOCK_FILE, line, where, f"{_lock_message(error)}; {REPAIR}"))
    return (None if problems else lock), problems


def _lock_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return (
            f"'{error.validator_value[-1]}' is missing"
            if len(error.validator_value) == 1
            else "a required entry is missing"
        )
    if error.validator == "type":
        return f"should be {error.validator_value}"
    if error.validator == "pattern" and error.absolute_path and error.absolute_path[-1] == "hash":
        return f"'{error.instance}' is not a content hash"
    return error.message.split("\n")[0][:120]


def _line_of(text: str, path: list) -> int:
    """The line of the deepest key of path that can be found in the JSON text."""
    at, line = 0, 1
    for key in path:
        if isinstance(key, int):
            continue
        found = text.find(f'"{key}"', at)
        if found < 0:
            break
        at = found
        line = text.count("\n", 0, found) + 1
    return line


def lock_of(handbook: Handbook, edition: str, moved: Mapping[str, dict] | None = None) -> dict:
    """The lock of an edition: every item's hash, title, address and anchors, and every id that moved."""
    items = {}
    for item in sorted(handbook.items.values(), key=lambda i: i.id):
        entry: dict[str, Any] = {"hash": item_hash(item), "kind": item.kind, "title": item.title, "url": item.path}
        if handbook.sub_ids.get(item.id):
            entry["anchors"] = ordered_anchors(item, handbook.sub_ids[item.id])
        if item.kind == "principle" and isinstance(item.data.get("order"), int):
            entry["number"] = item.data["order"]
            entry["commitments"] = [c["id"] for c in item.get("commitments")]
        items[item.id] = entry
    lock = {"format": LOCK_FORMAT, "edition": edition, "items": items}
    if moved:
        lock["moved"] = dict(sorted(moved.items()))
    return lock


def ordered_anchors(item: Item, anchors) -> list[str]:
    """An item's anchors in the order they appear (commitments keep their numbering), then any others."""
    from .validate import sub_ids_of

    seen = [sub for _, sub in sub_ids_of(item.kind, item.data)]
    return [a for a in seen if a in anchors] + sorted(set(anchors) - set(seen))


def _changes(changelog: Mapping) -> list[tuple[str, Mapping]]:
    """(edition, change) for every change, unreleased first ('' as its edition), then newest edition first."""
    out = [("", c) for c in _entries(changelog.get("unreleased")) if isinstance(c, Mapping)]
    for edition in _entries(changelog.get("editions")):
        if isinstance(edition, Mapping):
            out += [
                (str(edition.get("version", "")), c) for c in _entries(edition.get("changes")) if isinstance(c, Mapping)
            ]
    return out


def _entries(value) -> tuple | list:
    """A list as written, or nothing when the file holds something else there (its check says so)."""
    return value if isinstance(value, (list, tuple)) else ()


def moves_of(changelog: Mapping, lock: Mapping | None, current: set[str]) -> dict[str, dict]:
    """Every published id that is gone, with what was published: from the lock's record and the changelog."""
    moved: dict[str, dict] = {k: dict(v) for k, v in ((lock or {}).get("moved") or {}).items()}
    published = (lock or {}).get("items") or {}
    for edition, change in reversed(_changes(changelog)):  # oldest first, so later records win
        item_id = change.get("id")
        if (
            not isinstance(item_id, str)
            or not isinstance(change.get("to", ""), str)
            or not isinstance(published.get(item_id), dict)
        ):
            continue  # a damaged entry: its shape is reported by the check
        if change.get("change") not in ("renamed", "retired") or item_id in current:
            continue
        entry = {**published[item_id], "change": change["change"], "edition": edition}
        entry.pop("hash", None)
        entry.pop("number", None)
        entry.pop("commitments", None)
        if change.get("to"):
            entry["to"] = change["to"]
        if change.get("note"):
            entry["note"] = str(change["note"])
        if change.get("see"):
            entry["see"] = list(change["see"])
        moved[item_id] = entry
    return {k: v for k, v in moved.items() if k not in current}


def resolve_moves(moved: Mapping[str, dict], current: set[str]) -> tuple[Moved, ...]:
    """Moved records, each rename followed through later renames to an id that exists."""
    out = []
    for item_id, entry in sorted(moved.items()):
        to = entry.get("to")
        seen = {item_id}
        while to and to not in current and to in moved and moved[to].get("to") and to not in seen:
            seen.add(to)
            to = moved[to]["to"]
        out.append(
            Moved(
                id=item_id,
                kind=entry["kind"],
                change=entry["change"],
                edition=entry.get("edition", ""),
                title=entry["title"],
                path=entry["url"],
                anchors=tuple(entry.get("anchors", ())),
                to=to if entry["change"] == "renamed" else None,
                note=entry.get("note", ""),
                see=tuple(entry.get("see", ())),
            )
        )
    return tuple(out)


def unlisted_changes(handbook: Handbook, lock: Mapping) -> list[str]:
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


def item_editions(changelog: Mapping) -> dict[str, tuple[str, str | None]]:
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
    """File unreleased changes under a new edition, write the new lock, set the profile's edition and date.

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
    lock = thaw(handbook.lock) if handbook.lock else {"edition": "", "items": {}}
    changes = [dict(c) for c in data.get("unreleased") or []]
    for line in unlisted_changes(handbook, lock):
        item_id, _, what = line.partition(": ")
        kind = "added" if what.startswith("new") else "retired" if what.startswith("removed") else "changed"
        changes.append({"id": item_id, "change": kind, "note": "TODO: say what changed"})
    entry = {"version": version, "date": today.isoformat(), "summary": "TODO: say what this edition brings.\n"}
    if changes:
        entry["changes"] = changes
    behind = _translations_behind(handbook, changes)
    if behind:
        entry["translations_behind"] = behind
    data["unreleased"] = []
    data["editions"].insert(0, entry)
    moved = moves_of(data, lock, set(handbook.items))
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    _write(changelog_path, _leading_comments(text) + body)
    _write(root / LOCK_FILE, json.dumps(lock_of(handbook, version, moved), indent=1, ensure_ascii=False) + "\n")
    profile_path = root / "data" / "profile.yml"
    profile = profile_path.read_text(encoding="utf-8")
    profile = re.sub(r"(?m)^edition:.*$", f'edition: "{version}"', profile, count=1)
    profile = re.sub(r"(?m)^effective_date:.*$", f'effective_date: "{today.isoformat()}"', profile, count=1)
    _write(profile_path, profile)
    said = []
    if handbook.languages:
        from .i18n import I18N_DIR, SNAPSHOTS, snapshot_of

        snapshot = {"edition": version, **snapshot_of(handbook)}
        _write(
            root / "data" / I18N_DIR / SNAPSHOTS / f"{version}.json",
            json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        )
        said.append(f"data/{I18N_DIR}/{SNAPSHOTS}/{version}.json: the English of {version}, for translations")
        for lang, ids in behind.items():
            said.append(f"translations behind the English ({lang}): {len(ids)}: {', '.join(ids)}")
    return said + [
        f"data/changelog.yml: edition {version} ({today.isoformat()}) with {len(changes)} change(s); fill in every TODO",
        f"{LOCK_FILE}: {len(handbook.items)} items locked at edition {version}; {len(moved)} renamed or retired id(s) kept",
        f"data/profile.yml: edition set to {version}, in effect from {today.isoformat()}",
    ]


def _translations_behind(handbook: Handbook, changes: list[dict]) -> dict[str, list[str]]:
    """Per language, the ids (and page:<file>) whose translation is behind this edition's English."""
    if not handbook.languages:
        return {}
    from .i18n import stale_ids

    return {lang: sorted(ids) for lang, ids in stale_ids(handbook).items() if ids}


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


def tag_prefix(handbook) -> str:
    """How this code's edition tags begin: 'v' for the base; for an organization, its profile's `tag_prefix`,
    else its short name (or name) as a slug and '-v' ('rpn-v1.0'), so its tags never clash with the base's."""
    if handbook.overlay is None:
        return "v"
    profile = handbook.profile
    if profile.get("tag_prefix"):
        return str(profile["tag_prefix"])
    slug = re.sub(r"[^a-z0-9]+", "-", str(profile.get("short_name") or profile.get("name") or "org").lower()).strip("-")
    return f"{slug or 'org'}-v"
