"""Load the handbook: the one function that reads data/.

Its three callers are the site build (macros.plugin), the `handbook` command
(macros.cli) and the tests. It returns a validated, immutable Handbook or
raises HandbookError with every problem found.
"""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path
from types import MappingProxyType

from . import schemas
from .kinds import FOLDERS, LIST_FILES, REF_FIELDS, SUB_ITEMS
from .model import Handbook, Item, freeze
from .overlay import OVERLAY_LAYOUT, Changes, apply_changes, apply_retirements, check_profile, find_org
from .editions import item_editions
from .problems import HandbookError, Problem, did_you_mean, field_path
from .validate import Record, check_records, check_shape, refs_in, select, walk
from .yamlio import Parsed, read

SCHEMAS = schemas.all_schemas()
ADDABLE = ("faq", "glossary", "sources", "timeline")  # list files an overlay may add entries to
SINGLE_FILES = ("profile", "changelog")  # one-off files of the base handbook


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _discover(data: Path, root: Path, required: bool = True) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """(file, schema name) for every data file, and problems with the folder layout."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in sorted(data.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(data)
        shown = _rel(path, root)
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 0, "", f"rename to {path.stem}.yml: data files end in .yml"))
        elif path.suffix != ".yml":
            continue
        elif len(rel.parts) == 2 and rel.parts[0] in FOLDERS:
            found.append((path, FOLDERS[rel.parts[0]]))
        elif len(rel.parts) == 1 and (path.stem in LIST_FILES or path.stem in SINGLE_FILES) and (required or path.stem in ADDABLE):
            found.append((path, path.stem))
        else:
            known = ", ".join([f"{f}/<id>.yml" for f in FOLDERS] + [f"{s}.yml" for s in [*LIST_FILES, *SINGLE_FILES]])
            problems.append(Problem(shown, 0, "", f"not a known data file; data/ holds: {known}"))
    for stem in [*LIST_FILES, *SINGLE_FILES] if required else []:
        if not (data / f"{stem}.yml").exists():
            problems.append(Problem(_rel(data / f"{stem}.yml", root), 0, "", "required file is missing"))
    return found, problems


def _records(parsed: Parsed, schema_name: str, stem: str) -> tuple[list[Record], list[Problem]]:
    data = parsed.data
    if schema_name in LIST_FILES:
        kind, key = LIST_FILES[schema_name]
        records = [
            Record(kind, entry["id"], entry, parsed, (key, i))
            for i, entry in enumerate(data.get(key) or [])
            if isinstance(entry, dict) and isinstance(entry.get("id"), str)
        ]
        if schema_name == "decision-model":
            top = {k: v for k, v in data.items() if k != "steps"}
            records.append(Record("model", "decision-model", top, parsed))
        return records, []
    if schema_name == "profile":
        return [], []
    item_id = data.get("id")
    if not isinstance(item_id, str):
        return [], []
    rec = Record(schema_name, item_id, data, parsed)
    problems = []
    if item_id != stem:
        problems.append(rec.problem(("id",), f"id '{item_id}' differs from the file name '{stem}.yml': rename the file to {item_id}.yml or change the id"))
    return [rec], problems


def _read_files(files, root: Path, origin: str, unreadable: set[str]):
    """Parse and shape-check files; return (records, the parses of profile/changelog by name, problems)."""
    records: list[Record] = []
    problems: list[Problem] = []
    singles: dict[str, Parsed] = {}
    for path, schema_name in files:
        parsed, file_problems = read(path, _rel(path, root))
        problems += file_problems
        if parsed is None:
            unreadable.add(LIST_FILES[schema_name][0] if schema_name in LIST_FILES else path.stem)
            if schema_name == "decision-model":
                unreadable.add("decision-model")
            continue
        problems += check_shape(parsed, SCHEMAS[schema_name])
        if schema_name in SINGLE_FILES:
            singles[schema_name] = parsed
        recs, rec_problems = _records(parsed, schema_name, path.stem)
        if rec_problems:  # the id differs from the file name: references by either name are moot
            unreadable.add(path.stem)
        problems += rec_problems
        records += [Record(r.kind, r.id, r.data, r.parsed, r.base, origin) for r in recs]
    return records, singles, problems


def _read_overlay(org: Path, root: Path, records: list[Record], unreadable: set[str], changes: Changes):
    """Apply the organization's folder to the base records; return (records, profile parse, problems)."""
    problems: list[Problem] = []
    for path in sorted(org.iterdir()):
        known = path.name in ("profile.yml", "retire.yml") or (path.is_dir() and path.name in ("add", "change", "docs"))
        if path.suffix in (".yml", ".yaml") and not known or path.is_dir() and not known:
            problems.append(Problem(_rel(path, root), 0, "", f"not a known overlay file; {_rel(org, root)}/ holds: {OVERLAY_LAYOUT}"))
    if (org / "add").is_dir():
        files, found = _discover(org / "add", root, required=False)
        problems += found
        added, _, found = _read_files(files, root, "added", unreadable)
        problems += found
        records = records + added
        changes.added = [r.id for r in added]
    change_files = []
    if (org / "change").is_dir():
        for path in sorted((org / "change").iterdir()):
            if path.suffix != ".yml":
                problems.append(Problem(_rel(path, root), 0, "", "change files end in .yml"))
                continue
            parsed, found = read(path, _rel(path, root))
            problems += found
            if parsed is not None:
                change_files.append(parsed)
    problems += apply_changes(records, change_files, changes)
    retire = None
    if (org / "retire.yml").exists():
        retire, found = read(org / "retire.yml", _rel(org / "retire.yml", root))
        problems += found
    records, found = apply_retirements(records, retire, changes)
    problems += found
    profile = None
    if (org / "profile.yml").exists():
        profile, found = read(org / "profile.yml", _rel(org / "profile.yml", root))
        problems += found
        if profile is not None:
            problems += check_shape(profile, {**SCHEMAS["profile"], "required": []})
    return records, profile, problems


def load_handbook(root: Path | str = ".", data_dir: str = "data", org_dir: str | None = "org",
                  today: datetime.date | None = None) -> Handbook:
    """Read, validate and index the handbook under root/data_dir, with the organization's overlay if any.

    org_dir=None reads the base alone, whatever $HANDBOOK_ORG says.
    """
    root = Path(root).resolve()
    data = root / data_dir
    if not data.is_dir():
        raise HandbookError([Problem(_rel(data, root), 0, "", "folder not found: run this in the handbook's folder")], f"{data_dir}/")
    files, problems = _discover(data, root)
    unreadable: set[str] = set()  # ids and kinds we could not read: no "unknown id" noise for them
    records, singles, found = _read_files(files, root, "base", unreadable)
    problems += found
    base_profile = singles.get("profile")
    changelog = singles.get("changelog")
    org, found = find_org(root, org_dir)
    problems += found
    changes = Changes()
    located = [(base_profile, base_profile.data)] if base_profile is not None and isinstance(base_profile.data, dict) else []
    where = f"{data_dir}/"
    if org is not None:
        changes.folder = _rel(org, root)
        where = f"{data_dir}/ and {changes.folder}/"
        records, org_profile, found = _read_overlay(org, root, records, unreadable, changes)
        problems += found
        if org_profile is not None and isinstance(org_profile.data, dict):
            located.append((org_profile, org_profile.data))
    profile = {k: v for _, data_ in located for k, v in data_.items()}
    if located:
        problems += check_profile(profile, located, today)
    steps = [r.id for r in records if r.kind == "step"]
    problems += check_records(records, steps, unreadable, changes.retired)
    if changelog is not None and isinstance(changelog.data, dict):
        problems += _check_changelog(changelog, {r.id for r in records} | set(changes.retired))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise HandbookError(problems, where)
    base = base_profile.data if base_profile is not None else {}
    handbook = build(records, profile, tuple(p for p in problems if p.warning), changes if org else None, base)
    log = changelog.data if changelog is not None else {"unreleased": [], "editions": []}
    return dataclasses.replace(handbook, changelog=freeze(log), editions=MappingProxyType(item_editions(log)))


def _check_changelog(parsed: Parsed, ids: set[str]) -> list[Problem]:
    """Changelog entries name real items (renamed and retired ones may be gone)."""
    problems = []
    data = parsed.data
    places = [(("unreleased", i), c) for i, c in enumerate(data.get("unreleased") or [])]
    for e, edition in enumerate(data.get("editions") or []):
        if isinstance(edition, dict):
            places += [(("editions", e, "changes", i), c) for i, c in enumerate(edition.get("changes") or [])]
    for e, edition in enumerate(data.get("editions") or []):
        if isinstance(edition, dict) and "TODO" in str(edition.get("summary", "")):
            problems.append(Problem(*parsed.where(("editions", e, "summary")), f"editions[{e}].summary", "still says TODO: fill it in before publishing", warning=True))
    for path, change in places:
        if not isinstance(change, dict):
            continue
        if change.get("change") in ("added", "changed") and change.get("id") not in ids:
            problems.append(Problem(*parsed.where(path + ("id",)), field_path(path + ("id",)), f"unknown id '{change.get('id')}'{did_you_mean(str(change.get('id')), ids)}"))
        if any("TODO" in str(v) for v in change.values()):
            problems.append(Problem(*parsed.where(path), field_path(path), "still says TODO: fill it in before publishing", warning=True))
        if change.get("change") == "renamed" and change.get("to") not in ids:
            problems.append(Problem(*parsed.where(path + ("to",)), field_path(path + ("to",)), f"a renamed item needs `to:` naming its new id{did_you_mean(str(change.get('to')), ids)}"))
    return problems


def _order_key(item: Item) -> tuple:
    return (item.data.get("order", 10_000), item.title.lower())


def build(records: list[Record], profile: dict, warnings: tuple = (), changes: Changes | None = None,
          base_profile: dict | None = None) -> Handbook:
    """Freeze validated records into a Handbook with indexes both ways."""
    items = {r.id: Item(r.kind, r.id, freeze(r.data), *r.where(), r.origin) for r in records}
    cited: dict[str, list[str]] = {}

    def cite(target: str, by: str) -> None:
        if target in items and target != by and by not in cited.setdefault(target, []):
            cited[target].append(by)

    for r in records:
        for pattern, _ in REF_FIELDS.get(r.kind, []):
            for _, target in select(r.data, pattern):
                cite(target, r.id)
        for _, value in walk(r.data):
            if isinstance(value, str):
                for target, _, _ in refs_in(value):
                    cite(target, r.id)
    by_kind: dict[str, list[Item]] = {}
    for item in items.values():
        by_kind.setdefault(item.kind, []).append(item)
    ordered = {}
    for kind, group in by_kind.items():
        keep_file_order = kind in ("step", "event", "faq")
        ordered[kind] = tuple(group if keep_file_order else sorted(group, key=_order_key))
    sub_ids = {
        r.id: frozenset(v for _, v in _all_sub_ids(r)) for r in records
    }
    return Handbook(
        items=MappingProxyType(items),
        by_kind=ordered,
        cited_by={k: tuple(v) for k, v in cited.items()},
        sub_ids=sub_ids,
        profile=freeze(profile),
        warnings=warnings,
        base_profile=freeze(base_profile or profile),
        overlay=changes,
        retired=MappingProxyType({
            rid: Item(e["record"].kind, rid, freeze(e["record"].data), *e["record"].where(), "retired")
            for rid, e in (changes.retired.items() if changes else ())
        }),
    )


def _all_sub_ids(rec: Record):
    for list_name in SUB_ITEMS.get(rec.kind, []):
        yield from select(rec.data, (list_name, "*", "id"))
