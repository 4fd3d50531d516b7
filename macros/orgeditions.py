"""An organization's own editions, and what changed in the base since it last reviewed it.

An adopted code has editions of its own, kept in the organization's folder
so that they never touch the base's files: `org/changelog.yml` (the same
shape as data/changelog.yml) and `org/content.lock.json`. `handbook release
--org X.Y` files the organization's unreleased changes under edition X.Y,
lists every item that changed because the base changed, and writes the lock.
The lock also keeps a copy of the base as it was reviewed: each base item's
fields and each base page's text, at the base edition the organization
built on. `handbook upstream` compares that copy with the base of today, so
that the organization sees, word by word, what a new base edition would
change in its code before it adopts it.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .editions import LOCK_FILE, VERSION, _key, _leading_comments, _write, item_hash, lock_of, tag_prefix
from .model import Handbook, thaw
from .problems import Problem

CHANGELOG_FILE = "changelog.yml"
#: The base as the organization reviewed it, beside its lock: gzip-compressed JSON, written by release --org.
SNAPSHOT_FILE = "base-reviewed.json.gz"
NEW_CHANGELOG = """\
# yaml-language-server: $schema={schema}
# The editions of our own code. List what you add, change or retire under
# `unreleased`; `handbook release --org X.Y` files them under a new edition.
unreleased: []
editions: []
"""


def org_folder(handbook: Handbook) -> Path:
    return Path(handbook.root) / handbook.overlay.folder


def read_org_lock(folder: Path) -> tuple[dict | None, list[Problem]]:
    """The organization's lock, or None; a damaged one is a problem with the fix, never a crash."""
    path = folder / LOCK_FILE
    shown = f"{folder.name}/{LOCK_FILE}"
    if not path.exists():
        return None, []
    fix = f"restore it with `git checkout {shown}` (it is written by `handbook release --org`, never by hand)"
    try:
        lock = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return None, [Problem(shown, getattr(err, "lineno", 0), "", f"not valid JSON: {fix}")]
    if not (
        isinstance(lock, dict) and isinstance(lock.get("edition"), str) and isinstance(lock.get("base_edition"), str)
    ):
        return None, [Problem(shown, 1, "", f"not an organization's lock (no edition or base_edition): {fix}")]
    snapshot = folder / SNAPSHOT_FILE
    try:
        base = json.loads(gzip.decompress(snapshot.read_bytes()))
    except (OSError, EOFError, ValueError) as err:
        return None, [
            Problem(
                f"{folder.name}/{SNAPSHOT_FILE}",
                0,
                "",
                f"cannot be read ({err}): restore it with `git checkout {folder.name}/{SNAPSHOT_FILE}` "
                "(it is written by `handbook release --org` with the lock)",
            )
        ]
    if (
        not isinstance(base, dict)
        or not isinstance(base.get("items"), dict)
        or base.get("hash") != lock.get("base_hash")
    ):
        return None, [Problem(f"{folder.name}/{SNAPSHOT_FILE}", 0, "", f"does not belong to {shown}: {fix}")]
    return {**lock, "base": base}, []


def base_snapshot(base: Handbook) -> dict:
    """The base as an organization reviewed it: every item's fields and every hand-written page's text."""
    return {
        "edition": str(base.profile.get("edition", "")),
        "items": {
            item.id: {"kind": item.kind, "title": item.title, "hash": item_hash(item), "fields": thaw(item.data)}
            for item in sorted(base.items.values(), key=lambda i: i.id)
        },
        "pages": {src: doc.body for src, doc in sorted(base.docs.items()) if doc.origin == "base"},
    }


def release_org(handbook: Handbook, base: Handbook, version: str, today: datetime.date | None = None) -> list[str]:
    """File the organization's unreleased changes under its edition `version`, write its lock, set its profile.

    Items that differ from the organization's last edition only because the base changed are listed too,
    with the base edition that changed them. Raises ValueError for a version that is not newer.
    """
    today = today or datetime.date.today()
    folder = org_folder(handbook)
    log_path = folder / CHANGELOG_FILE
    if log_path.exists():
        text = log_path.read_text(encoding="utf-8")
        data = yaml.safe_load(text) or {}
    else:
        text = NEW_CHANGELOG.format(schema=_schema_path(handbook, folder))
        data = {"unreleased": [], "editions": []}
    data.setdefault("unreleased", [])
    data.setdefault("editions", [])
    editions = data["editions"] or []
    latest = editions[0]["version"] if editions else None
    if not VERSION.match(version) or (latest and _key(version) <= _key(latest)):
        raise ValueError(
            f"'{version}' must be X.Y" + (f" and newer than your latest edition, {latest}" if latest else "")
        )
    old, _ = read_org_lock(folder)
    listed = {c.get("id") for c in data["unreleased"] or []} | {c.get("to") for c in data["unreleased"] or []}
    changes = [dict(c) for c in data["unreleased"] or []]
    overlay = handbook.overlay
    base_edition = str(base.profile.get("edition", ""))
    if old is None:  # the first edition of the code: what the organization did to the base
        for item_id in overlay.added:
            if item_id not in listed:
                changes.append({"id": item_id, "change": "added", "note": "Added by us."})
        for item_id, entry in overlay.changed.items():
            if item_id not in listed:
                changes.append(
                    {"id": item_id, "change": "changed", "note": f"We changed: {', '.join(entry['fields'])}."}
                )
        for item_id in overlay.retired:
            if item_id not in listed:
                changes.append({"id": item_id, "change": "retired", "note": "Retired by us."})
    else:
        before = old.get("items") or {}
        ours = set(overlay.added) | set(overlay.changed)
        for item in sorted(handbook.items.values(), key=lambda i: i.id):
            if item.id in listed:
                continue
            if item.id not in before:
                note = "Added by us." if item.id in overlay.added else f"New in base edition {base_edition}."
                changes.append({"id": item.id, "change": "added", "note": note})
            elif before[item.id].get("hash") != item_hash(item):
                note = "TODO: say what we changed" if item.id in ours else f"Changed in base edition {base_edition}."
                changes.append({"id": item.id, "change": "changed", "note": note})
        for gone in sorted(set(before) - set(handbook.items) - listed):
            moved = next((m for m in base.moved if m.id == gone), None)
            if moved is not None and moved.to:
                changes.append(
                    {
                        "id": gone,
                        "change": "renamed",
                        "to": moved.to,
                        "note": f"Renamed in base edition {moved.edition or base_edition}.",
                    }
                )
            elif gone in overlay.retired:
                continue  # retired by us, and still at its address: listed when it was retired
            else:
                changes.append({"id": gone, "change": "retired", "note": f"Retired in base edition {base_edition}."})
    entry: dict[str, Any] = {
        "version": version,
        "date": today.isoformat(),
        "base_edition": base_edition,
        "summary": "TODO: say what this edition of our code brings.",
    }
    if changes:
        entry["changes"] = changes
    data["unreleased"] = []
    data["editions"] = [entry, *editions]
    _write(log_path, _leading_comments(text) + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100))
    snapshot = base_snapshot(base)
    packed = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256(packed).hexdigest()[:16]
    snapshot_bytes = gzip.compress(
        json.dumps({**snapshot, "hash": digest}, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8"
        ),
        9,
        mtime=0,
    )
    tmp = folder / (SNAPSHOT_FILE + ".tmp")
    tmp.write_bytes(snapshot_bytes)
    tmp.replace(folder / SNAPSHOT_FILE)
    lock = lock_of(handbook, version)
    lock["base_edition"] = base_edition
    lock["base_hash"] = digest
    _write(folder / LOCK_FILE, json.dumps(lock, indent=1, ensure_ascii=False, sort_keys=False) + "\n")
    profile_path = folder / "profile.yml"
    profile = profile_path.read_text(encoding="utf-8")
    for key, value in (("edition", version), ("effective_date", today.isoformat())):
        if re.search(rf"(?m)^{key}:", profile):
            profile = re.sub(rf"(?m)^{key}:.*$", f'{key}: "{value}"', profile, count=1)
        else:
            profile = profile.rstrip("\n") + f'\n{key}: "{value}"\n'
    _write(profile_path, profile)
    shown = folder.name
    return [
        f"{shown}/{CHANGELOG_FILE}: edition {version} ({today.isoformat()}), on base edition {base_edition}, "
        f"with {len(changes)} change(s); fill in every TODO",
        f"{shown}/{LOCK_FILE}: {len(handbook.items)} items locked at edition {version}; {shown}/{SNAPSHOT_FILE}: "
        f"base edition {base_edition} as you reviewed it, to compare later bases with (`handbook upstream`)",
        f"{shown}/profile.yml: edition set to {version}, in effect from {today.isoformat()}",
        f"then commit, and tag the edition: git tag {tag_prefix(handbook)}{version}",
    ]


def _schema_path(handbook: Handbook, folder: Path) -> str:
    import os

    return os.path.relpath(Path(handbook.root) / "schemas" / "org-changelog.schema.json", folder).replace(os.sep, "/")


# --- what changed upstream ---------------------------------------------------------------------------


@dataclass
class Change:
    """One base item (or page) that changed since the reviewed edition."""

    change: str  # "added", "changed", "renamed", "retired", "removed", "page changed", "page added", "page removed"
    id: str
    title: str
    kind: str = ""
    to: str = ""
    edition: str = ""
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (field, old text, new text)
    yours: str = ""  # what the organization does with it: "changed", "retired", "replaced page"...


def overlay_of(folder: Path) -> dict:
    """What an organization's folder touches, read loosely (it may not pass the check after a base change):
    {"changed": {id: [fields]}, "retired": set of ids, "pages": set of replaced page paths}."""
    out: dict = {"changed": {}, "retired": set(), "pages": set()}
    for path in sorted((folder / "change").glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            out["changed"][data["id"]] = [k for k in data if k != "id"]
    try:
        retire = (
            yaml.safe_load((folder / "retire.yml").read_text(encoding="utf-8"))
            if (folder / "retire.yml").exists()
            else None
        )
    except (yaml.YAMLError, UnicodeDecodeError):
        retire = None
    if isinstance(retire, dict) and isinstance(retire.get("retired"), list):
        out["retired"] = {e.get("id") for e in retire["retired"] if isinstance(e, dict)}
    docs = folder / "docs"
    out["pages"] = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")} if docs.is_dir() else set()
    return out


def upstream_changes(base: Handbook, snapshot: dict, folder: Path | None = None) -> list[Change]:
    """Every difference between the base as reviewed (snapshot) and the base of today, and how it touches
    the organization's folder."""
    old_items = snapshot.get("items") or {}
    moved = {m.id: m for m in base.moved}
    mine = overlay_of(folder) if folder is not None else {"changed": {}, "retired": set(), "pages": set()}
    out: list[Change] = []

    def yours(item_id: str) -> str:
        if item_id in mine["retired"]:
            return "you retire it"
        if item_id in mine["changed"]:
            return f"you change its {', '.join(mine['changed'][item_id])}"
        return ""

    renamed_to = set()
    for item_id, old in sorted(old_items.items()):
        now = base.items.get(item_id)
        if now is not None:
            if old.get("hash") != item_hash(now):
                diffs = _field_diffs(old["fields"], thaw(now.data))
                out.append(Change("changed", item_id, now.title, now.kind, fields=diffs, yours=yours(item_id)))
            continue
        m = moved.get(item_id)
        title, kind = old.get("title", item_id), old.get("kind", "")
        if m is not None and m.to and m.to in base.items:
            renamed_to.add(m.to)
            diffs = _field_diffs(old["fields"], thaw(base.items[m.to].data), skip=("id",))
            out.append(
                Change("renamed", item_id, title, kind, to=m.to, edition=m.edition, fields=diffs, yours=yours(item_id))
            )
        elif m is not None:
            out.append(Change("retired", item_id, title, kind, edition=m.edition, yours=yours(item_id)))
        else:
            out.append(Change("removed", item_id, title, kind, yours=yours(item_id)))
    for item_id in sorted(set(base.items) - set(old_items) - renamed_to):
        item = base.items[item_id]
        out.append(Change("added", item_id, item.title, item.kind))
    old_pages = snapshot.get("pages") or {}
    pages = {src: doc.body for src, doc in base.docs.items() if doc.origin == "base"}
    for src in sorted(set(old_pages) | set(pages)):
        replaced = "you replace this page" if src in mine["pages"] else ""
        if src not in pages:
            out.append(Change("page removed", src, src, yours=replaced))
        elif src not in old_pages:
            out.append(Change("page added", src, src))
        elif old_pages[src] != pages[src]:
            out.append(Change("page changed", src, src, fields=[("text", old_pages[src], pages[src])], yours=replaced))
    return out


def _field_diffs(old: dict, new: dict, skip: tuple = ()) -> list[tuple[str, str, str]]:
    """(where, old text, new text) of every text that differs, where being a field path such as
    'agenda[check-in].activity' (list entries are named by their id where they have one)."""
    a, b = dict(leaves(old)), dict(leaves(new))
    out = []
    for where in [*a, *(k for k in b if k not in a)]:
        if where.split(".", 1)[0].split("[", 1)[0] in skip or a.get(where) == b.get(where):
            continue
        out.append((where, a.get(where, ""), b.get(where, "")))
    return out


def leaves(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every text of a value with its path; a list of plain values is one text, its items joined by commas."""
    if isinstance(value, dict):
        return [pair for key, v in value.items() for pair in leaves(v, f"{path}.{key}" if path else str(key))]
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            return [(path, ", ".join(str(v) for v in value))]
        out = []
        for i, v in enumerate(value):
            name = v.get("id") if isinstance(v, dict) and isinstance(v.get("id"), str) else i
            out += leaves(v, f"{path}[{name}]")
        return out
    return [(path, "" if value is None else str(value))]


def as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value in (None, "", [], {}):
        return ""
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=100).strip()


def _diff_parts(old: str, new: str, context: int | None) -> list[tuple[str, str]]:
    """(op, words) runs of a word diff: op is '=', '-' or '+'; long unchanged runs cut to `context` words
    at each end with '...' between (None keeps them whole, line breaks included)."""
    import difflib

    a, b = re.findall(r"\S+|\n", old), re.findall(r"\S+|\n", new)
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    out: list[tuple[str, str]] = []

    def join(words: list[str]) -> str:
        words = words if context is None else [w for w in words if w != "\n"]
        return " ".join(words).replace(" \n ", "\n").replace(" \n", "\n").replace("\n ", "\n")

    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            words = a[i1:i2]
            if context is not None:
                plain = [w for w in words if w != "\n"]
                head = [] if n == 0 else plain[:context]
                tail = [] if n == len(ops) - 1 else plain[-context:]
                words = [*head, "...", *tail] if len(plain) > len(head) + len(tail) else plain
            out.append(("=", join(words)))
            continue
        if i2 > i1:
            out.append(("-", join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", join(b[j1:j2])))
    return [(op, text) for op, text in out if text]


def terminal_diff(old: str, new: str, context: int | None = 8) -> str:
    """A word diff as text: [-removed words-] and {+added words+}, as `git diff --word-diff` writes it."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return " ".join(marks[op][0] + text + marks[op][1] for op, text in _diff_parts(old, new, context))


def html_diff(old: str, new: str, context: int | None = 12) -> str:
    """A word diff as HTML, removed words in <del> and added ones in <ins>, long unchanged stretches cut."""
    import html

    tags = {"=": ("", ""), "-": ("<del>", "</del>"), "+": ("<ins>", "</ins>")}
    return " ".join(
        tags[op][0] + html.escape(text).replace("\n", " ") + tags[op][1] for op, text in _diff_parts(old, new, context)
    )


LABELS = {
    "added": "New in the base",
    "changed": "Changed in the base",
    "renamed": "Renamed in the base",
    "retired": "Retired by the base",
    "removed": "Removed from the base",
    "page added": "New base page",
    "page changed": "Base page changed",
    "page removed": "Base page removed",
}


def report_text(changes: list[Change], reviewed: str, now: str, full: bool = False) -> str:
    """The report `handbook upstream` prints."""
    if not changes:
        return f"The base has not changed since edition {reviewed}, the one your code was last released on."
    lines = [
        f"What changed in the base since edition {reviewed} (the one your code was last released on), up to {now}:"
    ]
    for c in changes:
        head = f"\n{LABELS[c.change]}: {c.title} ({c.id})" if c.title != c.id else f"\n{LABELS[c.change]}: {c.id}"
        if c.to:
            head += f" -> '{c.to}'" + (f" in edition {c.edition}" if c.edition else "")
        if c.yours:
            head += f"  [{c.yours}]"
        lines.append(head)
        for name, old, new in c.fields:
            diff = terminal_diff(old, new, None if full else 8)
            lines.append(f"  {name}: " + diff.replace("\n", "\n    "))
    renamed = [c for c in changes if c.change == "renamed"]
    if renamed:
        lines.append(
            "\nRenamed ids: `handbook upgrade` shows how your folder would follow them, and `--write` does it."
        )
    return "\n".join(lines)
