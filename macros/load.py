"""Load the handbook: the one function that reads data/.

Its three callers are the site build (macros.plugin), the `handbook` command
(macros.cli) and the tests. It returns a validated, immutable Handbook or
raises HandbookError with every problem found.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from . import schemas
from .kinds import FOLDERS, LIST_FILES, REF_FIELDS, SUB_ITEMS
from .model import Handbook, Item, freeze
from .problems import HandbookError, Problem
from .validate import Record, check_records, check_shape, refs_in, select, walk
from .yamlio import Parsed, read

SCHEMAS = schemas.all_schemas()


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _discover(data: Path, root: Path) -> tuple[list[tuple[Path, str]], list[Problem]]:
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
        elif len(rel.parts) == 1 and (path.stem in LIST_FILES or path.stem == "profile"):
            found.append((path, path.stem))
        else:
            known = ", ".join([f"{f}/<id>.yml" for f in FOLDERS] + [f"{s}.yml" for s in LIST_FILES] + ["profile.yml"])
            problems.append(Problem(shown, 0, "", f"not a known data file; data/ holds: {known}"))
    for stem in [*LIST_FILES, "profile"]:
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


def load_handbook(root: Path | str = ".", data_dir: str = "data") -> Handbook:
    """Read, validate and index the handbook under root/data_dir."""
    root = Path(root).resolve()
    data = root / data_dir
    if not data.is_dir():
        raise HandbookError([Problem(_rel(data, root), 0, "", "folder not found: run this in the handbook's folder")], f"{data_dir}/")
    files, problems = _discover(data, root)
    records: list[Record] = []
    profile: dict = {}
    unreadable: set[str] = set()  # ids and kinds we could not read: no "unknown id" noise for them
    for path, schema_name in files:
        parsed, file_problems = read(path, _rel(path, root))
        problems += file_problems
        if parsed is None:
            unreadable.add(LIST_FILES[schema_name][0] if schema_name in LIST_FILES else path.stem)
            if schema_name == "decision-model":
                unreadable.add("decision-model")
            continue
        shape = check_shape(parsed, SCHEMAS[schema_name])
        problems += shape
        if schema_name == "profile":
            profile = parsed.data
        recs, rec_problems = _records(parsed, schema_name, path.stem)
        if rec_problems:  # the id differs from the file name: references by either name are moot
            unreadable.add(path.stem)
        problems += rec_problems
        records += recs
    steps = [r.id for r in records if r.kind == "step"]
    problems += check_records(records, steps, unreadable)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise HandbookError(problems, f"{data_dir}/")
    return build(records, profile, tuple(p for p in problems if p.warning))


def _order_key(item: Item) -> tuple:
    return (item.data.get("order", 10_000), item.title.lower())


def build(records: list[Record], profile: dict, warnings: tuple = ()) -> Handbook:
    """Freeze validated records into a Handbook with indexes both ways."""
    items = {r.id: Item(r.kind, r.id, freeze(r.data), r.parsed.file, r.line()) for r in records}
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
    )


def _all_sub_ids(rec: Record):
    for list_name in SUB_ITEMS.get(rec.kind, []):
        yield from select(rec.data, (list_name, "*", "id"))
