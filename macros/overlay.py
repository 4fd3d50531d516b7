"""An organization's overlay: items it adds, fields it changes, items it retires, its profile.

Everything lives in one folder of the organization's own (default org/), so
the base files under data/ are never edited and new base editions merge
without conflicts. Overlay files are validated like base data, and every
problem names the overlay file and line.
"""

from __future__ import annotations

import datetime
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .kinds import KINDS
from .problems import Problem, did_you_mean, field_path
from .validate import Names, Record, check_prose, check_shape, walk
from .yamlio import Merged, Parsed

OVERLAY_LAYOUT = (
    "profile.yml, a logo file, add/ (same layout as data/), change/<name>.yml, retire.yml, "
    "docs/ (pages of your own), changelog.yml (your own editions), "
    "i18n/<lang>/ (your changes and additions in other languages, laid out as data/i18n/<lang>/)"
)
#: Text that only stands in for an organization's own details: TODO, example domains (RFC 2606, and the
#: .example top-level domain), and the 555-01xx numbers reserved for fiction.
PLACEHOLDER = re.compile(
    r"\bTODO\b|@example\.(com|org|net)\b|\bexample\.(com|org|net)\b|[\w-]+\.example\b|\b555[-. ]?01\d\d\b", re.I
)


def find_org(root: Path, setting: str | None) -> tuple[Path | None, list[Problem]]:
    """The overlay folder: $HANDBOOK_ORG if set, else the setting's folder if it exists; none for setting None."""
    if setting is None:
        return None, []
    wanted = os.environ.get("HANDBOOK_ORG")
    if wanted:
        folder = Path(wanted).expanduser()
        folder = folder if folder.is_absolute() else root / folder
        if not folder.is_dir():
            return None, [Problem(wanted, 0, "", "HANDBOOK_ORG names a folder that does not exist")]
        return folder, []
    folder = root / setting
    return (folder if folder.is_dir() else None), []


@dataclass
class Changes:
    """What the overlay did, for the site's differences page."""

    folder: str = ""
    added: list[str] = field(default_factory=list)
    changed: dict[str, dict] = field(default_factory=dict)  # id -> {"fields": [...], "base": base data, "file": ...}
    retired: dict[str, dict] = field(default_factory=dict)  # id -> {"record", "reason", "see", "where"}
    changelog: dict | None = None  # the organization's own editions (changelog.yml), once valid


def apply_changes(records: list[Record], change_files: list[Parsed], changes: Changes, names: Names) -> list[Problem]:
    """Replace fields of base records, in place in records; report unknown ids, fields and conflicts."""
    problems: list[Problem] = []
    index = {r.id: i for i, r in enumerate(records)}
    claimed: dict[tuple[str, str], tuple[str, int]] = {}
    for parsed in change_files:
        data = parsed.data
        target = data.get("id")
        if not isinstance(target, str):
            problems.append(
                Problem(
                    parsed.file,
                    parsed.line(()),
                    "id",
                    "a change file names the base item it changes: add `id: <id of the item>`",
                )
            )
            continue
        if target not in index:
            if names.renamed and target in names.renamed:
                new, edition = names.renamed[target]
                message = (
                    f"'{target}' was renamed to '{new}' in base edition {edition or '(unreleased)'}: write `id: {new}` "
                    f"and name the file {new}.yml"
                )
            elif names.retired and target in names.retired:
                message = (
                    f"'{target}' was retired by the base in edition {names.retired[target] or '(unreleased)'}: "
                    "to keep it, copy its base file into add/ as an item of your own; else delete this change file"
                )
            else:
                message = names.unknown(target, index) + ": a change file can only change an item of the base handbook"
            problems.append(Problem(*parsed.where(("id",)), "id", message))
            continue
        rec = records[index[target]]
        allowed = list(KINDS[rec.kind].entry_schema["properties"])
        fields = [k for k in data if k != "id"]
        ok = True
        for name in fields:
            if name not in allowed:
                hint = did_you_mean(name, allowed) or f" (a {KINDS[rec.kind].label} has: {', '.join(allowed)})"
                problems.append(
                    Problem(
                        *parsed.key_where((name,)),
                        name,
                        f"unknown field '{name}' for {KINDS[rec.kind].label} '{target}'{hint}",
                    )
                )
                ok = False
            elif (target, name) in claimed:
                file, line = claimed[(target, name)]
                problems.append(
                    Problem(
                        *parsed.key_where((name,)),
                        name,
                        f"'{target}' {name} is also changed by {file}:{line}; keep the change in one file",
                    )
                )
                ok = False
            else:
                claimed[(target, name)] = parsed.key_where((name,))
        if not fields:
            problems.append(
                Problem(*parsed.where(("id",)), "", "this change file changes nothing: add the fields to replace")
            )
        if not ok or not fields:
            continue
        base_parsed = rec.parsed if isinstance(rec.parsed, Merged) else None
        merged = Merged(
            base_parsed.base if base_parsed else rec.parsed,
            base_parsed.prefix if base_parsed else rec.base,
            dict(base_parsed.changes) if base_parsed else {},
        )
        merged.changes.update({name: parsed for name in fields})
        merged.data = {**rec.data, **{name: data[name] for name in fields}}
        problems += [
            p
            for p in check_shape(merged, KINDS[rec.kind].schema, merged.data, part=f"entry:{rec.kind}")
            if p.file == parsed.file
        ]
        entry = changes.changed.setdefault(target, {"fields": [], "base": rec.data, "file": parsed.file})
        entry["fields"] += fields
        records[index[target]] = Record(rec.kind, rec.id, merged.data, merged, (), origin="changed")
    return problems


def apply_retirements(
    records: list[Record], retire: Parsed | None, changes: Changes, names: Names
) -> tuple[list[Record], list[Problem]]:
    """Take retired items out of records; remember them, with where they were retired."""
    if retire is None:
        return records, []
    problems = check_shape(retire, "retire")
    if problems:
        return records, problems
    ids = {r.id: r for r in records}
    keep = set(ids)
    for i, entry in enumerate(retire.data["retired"]):
        item_id = entry["id"]
        where = retire.where(("retired", i, "id"))
        if item_id not in ids:
            message = names.unknown(item_id, ids)
            if names.retired and item_id in names.retired:
                message = f"'{item_id}' was already retired by the base handbook in {names.retired[item_id] or 'its next edition'}: remove this entry"
            problems.append(Problem(*where, f"retired[{i}].id", message))
            continue
        if item_id in changes.retired:
            problems.append(
                Problem(*where, f"retired[{i}].id", f"'{item_id}' is already retired above; keep one entry")
            )
            continue
        changes.retired[item_id] = {
            "record": ids[item_id],
            "reason": entry["reason"],
            "see": entry.get("see", []),
            "where": where,
            "field": f"retired[{i}]",
        }
        keep.discard(item_id)
    for i, entry in enumerate(retire.data["retired"]):
        for j, see in enumerate(entry.get("see", [])):
            if see not in keep:
                problems.append(
                    Problem(
                        *retire.where(("retired", i, "see", j)),
                        f"retired[{i}].see[{j}]",
                        f"'{see}' is not an item that remains{did_you_mean(see, keep)}",
                    )
                )
    return [r for r in records if r.id in keep], problems


#: Image files a logo may be, by their first bytes.
LOGO_KINDS = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".svg": (),
}
LOGO_BYTES = 512 * 1024


def logo_problem(folder: Path, name: str) -> str:
    """What is wrong with the logo file `name` of the profile in folder, or ''. It is published as it is, so it
    must be an image inside that folder, small, and (an SVG) fetch nothing from elsewhere and run no script."""
    shown = f"logo file '{name}'"
    path = folder / name
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, ValueError):
        inside = False
    if not inside or Path(name).is_absolute():
        return f"{shown} is outside the organization's folder: put the image in {folder.name}/ and name it from there"
    if not path.is_file():
        return f"{shown} not found next to the profile: put the image in the folder of the profile"
    suffix = path.suffix.lower()
    if suffix not in LOGO_KINDS:
        return f"{shown} is not an image the site can show: use a .svg, .png, .jpg, .gif or .webp file"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(LOGO_BYTES + 1)
    except OSError as err:
        return f"{shown} cannot be read ({err.strerror or err}): check its permissions"
    if size > LOGO_BYTES:
        return f"{shown} is {size / 1024:.0f} KB; the limit is {LOGO_BYTES // 1024} KB (every page loads it): make it smaller"
    magic = LOGO_KINDS[suffix]
    if magic and not head.startswith(magic):
        return (
            f"{shown} is not a {suffix[1:].upper()} image (its first bytes say otherwise): export it again as {suffix}"
        )
    if suffix == ".svg":
        text = head.decode("utf-8", "replace")
        if "<svg" not in text:
            return f"{shown} is not an SVG image: export it again as SVG"
        if re.search(r"<script|\bon[a-z]+\s*=|javascript:", text, re.I):
            return f"{shown} holds a script: export it again as a plain SVG (or a PNG)"
        if re.search(
            r"""(?:href|src)\s*=\s*["']\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//|@import""", text, re.I
        ):
            return (
                f"{shown} loads something from another site (a font or image by its web address), which would tell "
                "that site who reads the handbook: embed it in the file, or use a PNG"
            )
    return ""


def check_profile(
    profile: dict, located: list[tuple[Parsed, dict]], names: Names, today: datetime.date | None = None
) -> list[Problem]:
    """Placeholders, the logo file, readable colours, the review date, and the profile's texts and links."""
    problems: list[Problem] = []
    today = today or datetime.date.today()
    for parsed, data in located:
        problems += check_prose(Record("profile", "profile", data, parsed), names)
        for path, value in walk(data):
            if isinstance(value, str) and PLACEHOLDER.search(value) and profile.get("example") is not True:
                problems.append(
                    Problem(
                        *parsed.where(path),
                        field_path(path),
                        f"still holds a placeholder ('{PLACEHOLDER.search(value).group(0)}'): fill in your organization's own {field_path(path)}",
                    )
                )
        if "logo" in data and isinstance(data["logo"], str):
            message = logo_problem(parsed.path.parent, data["logo"])
            if message:
                problems.append(Problem(*parsed.where(("logo",)), "logo", message))
        colors = data.get("colors") if isinstance(data.get("colors"), dict) else {}
        for name, value in colors.items():
            if isinstance(value, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", value) and contrast(value, "#ffffff") < 4.5:
                problems.append(
                    Problem(
                        *parsed.where(("colors", name)),
                        f"colors.{name}",
                        f"'{value}' is too light for white text (contrast {contrast(value, '#ffffff'):.1f}:1, needs 4.5:1): choose a darker colour",
                    )
                )
    review = profile.get("next_review")
    if (
        isinstance(review, str)
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", review)
        and datetime.date.fromisoformat(review) < today
    ):
        parsed = next((p for p, d in reversed(located) if "next_review" in d), located[0][0])
        problems.append(
            Problem(
                *parsed.where(("next_review",)),
                "next_review",
                f"the review date {review} has passed: review the code and set the next date",
                warning=True,
            )
        )
    return problems


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
