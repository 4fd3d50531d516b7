"""Load the handbook: the one function that reads data/, the overlay, the lock and the hand-written pages.

Its callers are the site build, the `handbook` command, the tests and the
benchmarks. It returns a validated, immutable Handbook or raises
HandbookError with every problem found.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import gc
import os
from pathlib import Path
from types import MappingProxyType

from . import cache as parse_cache
from .docs import check_doc, check_org_docs, read_docs
from .editions import item_editions, moves_of, read_lock, resolve_moves
from .i18n import I18N_DIR, load_languages
from .kinds import FOLDERS, KINDS, LIST_FILES, SINGLE_FILES
from .model import Doc, Handbook, Item, Overlay, Retired, freeze
from .overlay import OVERLAY_LAYOUT, Changes, apply_changes, apply_retirements, check_profile, find_org
from .pagemacros import MACRO_NAMES
from .problems import HandbookError, Problem, did_you_mean, field_path
from .rules import check_rules
from .validate import Names, Record, check_shape, resolve_refs
from .yamlio import Parsed

ADDABLE = tuple(k.list_file for k in KINDS.values() if not k.per_item and k.addable)  # list files an overlay may add to
REQUIRED_SINGLE = ("profile", "changelog")


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _discover(data: Path, root: Path, required: bool = True) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """(file, schema name) for every data file, and problems with the folder layout."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    singles = SINGLE_FILES if required else ()
    lists = LIST_FILES if required else ADDABLE
    for path in sorted(data.rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        rel = path.relative_to(data)
        shown = _rel(path, root)
        if rel.parts[0] == I18N_DIR:
            continue  # translations: read by macros.i18n
        if path.suffix == ".yaml":
            problems.append(Problem(shown, 0, "", f"rename to {path.stem}.yml: data files end in .yml"))
        elif path.suffix != ".yml":
            continue
        elif len(rel.parts) == 2 and rel.parts[0] in FOLDERS:
            found.append((path, FOLDERS[rel.parts[0]]))
        elif len(rel.parts) == 1 and (path.stem in lists or path.stem in singles):
            found.append((path, path.stem))
        else:
            known = ", ".join([f"{f}/<id>.yml" for f in FOLDERS] + [f"{s}.yml" for s in [*lists, *singles]])
            problems.append(Problem(shown, 0, "", f"not a known data file; {_rel(data, root)}/ holds: {known}"))
    for stem in [*LIST_FILES, *REQUIRED_SINGLE] if required else []:
        if not (data / f"{stem}.yml").exists():
            problems.append(Problem(_rel(data / f"{stem}.yml", root), 0, "", "required file is missing"))
    return found, problems


def _records(parsed: Parsed, schema_name: str, stem: str) -> tuple[list[Record], list[Problem]]:
    data = parsed.data
    if schema_name in LIST_FILES:
        records = []
        for kind in LIST_FILES[schema_name]:
            key = KINDS[kind].list_key
            if key == "":  # the decision model itself
                records.append(Record(kind, "decision-model", {k: v for k, v in data.items() if k != "steps"}, parsed))
                continue
            entries = data.get(key)
            records += [
                Record(kind, entry["id"], entry, parsed, (key, i))
                for i, entry in enumerate(entries if isinstance(entries, list) else [])
                if isinstance(entry, dict) and isinstance(entry.get("id"), str)
            ]
        return records, []
    if schema_name in SINGLE_FILES:
        return [], []
    item_id = data.get("id")
    if not isinstance(item_id, str):
        return [], []
    rec = Record(schema_name, item_id, data, parsed)
    problems = []
    if item_id != stem:
        problems.append(
            rec.problem(
                ("id",),
                f"id '{item_id}' differs from the file name '{stem}.yml': rename the file to {item_id}.yml or change the id",
            )
        )
    return [rec], problems


def _read_files(
    files, root: Path, origin: str, unreadable: set[str], cache
) -> tuple[list[Record], dict[str, Parsed], list[Problem]]:
    """Parse and shape-check files; return (records, the parses of one-off files by name, problems)."""
    records: list[Record] = []
    problems: list[Problem] = []
    singles: dict[str, Parsed] = {}
    results = cache.read_many([(path, _rel(path, root), schema_name) for path, schema_name in files])
    for (path, schema_name), (parsed, file_problems, scans) in zip(files, results, strict=True):
        problems += file_problems
        if parsed is None:
            unreadable.update(LIST_FILES.get(schema_name, (path.stem,)))
            unreadable.add(path.stem)
            continue
        if schema_name in SINGLE_FILES:
            singles[schema_name] = parsed
        recs, rec_problems = _records(parsed, schema_name, path.stem)
        if rec_problems:  # the id differs from the file name: references by either name are moot
            unreadable.add(path.stem)
        problems += rec_problems
        recs = [Record(r.kind, r.id, r.data, r.parsed, r.base, origin) for r in recs]
        if scans is not None and len(scans) == len(recs):
            for rec, found in zip(recs, scans, strict=True):
                rec.known = found
        records += recs
    return records, singles, problems


def _read_overlay(
    org: Path, root: Path, records: list[Record], unreadable: set[str], changes: Changes, names: Names, cache
):
    """Apply the organization's folder to the base records; return (records, profile parse, problems)."""
    problems: list[Problem] = []
    for path in sorted(org.iterdir()):
        known = path.name in ("profile.yml", "retire.yml", "changelog.yml", "content.lock.json") or (
            path.is_dir() and path.name in ("add", "change", "docs", "i18n")
        )
        if (path.suffix in (".yml", ".yaml") or path.is_dir()) and not known:
            problems.append(
                Problem(
                    _rel(path, root), 0, "", f"not a known overlay file; {_rel(org, root)}/ holds: {OVERLAY_LAYOUT}"
                )
            )
    if (org / "add").is_dir():
        files, found = _discover(org / "add", root, required=False)
        problems += found
        added, _, found = _read_files(files, root, "added", unreadable, cache)
        problems += found
        records = records + added
        changes.added = [r.id for r in added]
    change_files = []
    if (org / "change").is_dir():
        for path in sorted((org / "change").iterdir()):
            if path.suffix != ".yml":
                problems.append(Problem(_rel(path, root), 0, "", "change files end in .yml"))
                continue
            parsed, found, _ = cache.read(path, _rel(path, root), None)
            problems += found
            if parsed is not None:
                change_files.append(parsed)
    problems += apply_changes(records, change_files, changes, names)
    retire = None
    if (org / "retire.yml").exists():
        retire, found, _ = cache.read(org / "retire.yml", _rel(org / "retire.yml", root), "retire")
        problems += found
    records, found = apply_retirements(records, retire, changes, names)
    problems += found
    if (org / "changelog.yml").exists():
        log, found, _ = cache.read(org / "changelog.yml", _rel(org / "changelog.yml", root), None)
        problems += found
        if log is not None:
            shape = check_shape(log, "org-changelog")
            problems += shape
            if not shape:
                changes.changelog = log.data
    profile = None
    if (org / "profile.yml").exists():
        profile, found, _ = cache.read(org / "profile.yml", _rel(org / "profile.yml", root), None)
        problems += found
        if profile is not None:
            problems += check_shape(profile, "profile", part="partial")
    return records, profile, problems


@contextlib.contextmanager
def collector_paused():
    """Pause Python's cycle collector while the data is read (and, in check_all, while the site is built from it).

    The data holds no cycles, and with hundreds of thousands of live values each collection would walk
    them all again: at 100 times the real items that more than doubles the time of a check.
    On the way out, what was made meanwhile is moved to the oldest generation (freeze, then unfreeze)
    without being walked: re-enabled as it was, the collector's next run would walk all of it at once
    (0.3 s at 100 times the real items).
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def load_handbook(
    root: Path | str = ".",
    data_dir: str = "data",
    org_dir: str | None = "org",
    today: datetime.date | None = None,
    use_cache: bool = False,
    translations: bool = True,
    aside: parse_cache.Aside | None = None,
) -> Handbook:
    """Read, validate and index the handbook under root/data_dir, with the organization's overlay if any.

    org_dir=None reads the base alone, whatever $HANDBOOK_ORG says. use_cache keeps parsed files in
    .cache/ under root, keyed by their content, so that a second check reads only what changed.
    translations=False leaves out the other languages (data/i18n/), for tools that work on the English.
    aside: writes the cache from a forked copy while this goes on (the caller waits with aside.finish()).
    """
    with collector_paused():
        return _load_handbook(root, data_dir, org_dir, today, use_cache, translations, aside)


def _load_handbook(
    root: Path | str = ".",
    data_dir: str = "data",
    org_dir: str | None = "org",
    today: datetime.date | None = None,
    use_cache: bool = False,
    translations: bool = True,
    aside: parse_cache.Aside | None = None,
) -> Handbook:
    """Read, validate and index the handbook under root/data_dir, with the organization's overlay if any.

    org_dir=None reads the base alone, whatever $HANDBOOK_ORG says. use_cache keeps parsed files in
    .cache/ under root, keyed by their content, so that a second check reads only what changed.
    """
    root = Path(root).resolve()
    data = root / data_dir
    if not data.is_dir():
        raise HandbookError(
            [Problem(_rel(data, root), 0, "", "folder not found: run this in the handbook's folder")], f"{data_dir}/"
        )
    cache = parse_cache.open_cache(root if use_cache else None, aside)
    files, problems = _discover(data, root)
    unreadable: set[str] = set()  # ids and kinds we could not read: no "unknown id" noise for them
    records, singles, found = _read_files(files, root, "base", unreadable, cache)
    problems += found
    base_profile, changelog = singles.get("profile"), singles.get("changelog")
    log = changelog.data if changelog is not None and isinstance(changelog.data, dict) else {}
    lock, found = read_lock(root)
    problems += found
    base_ids = {r.id for r in records}
    moved = resolve_moves(moves_of(log, lock, base_ids), base_ids)
    names = _names(records, moved, unreadable, lock)

    org, found = find_org(root, org_dir)
    problems += found
    changes = Changes()
    located = (
        [(base_profile, base_profile.data)] if base_profile is not None and isinstance(base_profile.data, dict) else []
    )
    if org is not None:
        changes.folder = _rel(org, root)
        records, org_profile, found = _read_overlay(org, root, records, unreadable, changes, names, cache)
        problems += found
        if org_profile is not None and isinstance(org_profile.data, dict):
            located.append((org_profile, org_profile.data))
        names = _names(records, moved, unreadable, lock)
    profile = {k: v for _, data_ in located for k, v in data_.items()}
    if located:
        problems += check_profile(profile, located, names, today)
    if (
        org is not None
        and org_profile is not None
        and isinstance(org_profile.data, dict)
        and not org_profile.data.get("site_url")
        and profile.get("example") is not True
        and not os.environ.get("SITE_URL", "").strip()
    ):
        problems.append(
            Problem(
                org_profile.file,
                1,
                "site_url",
                "no `site_url`: permanent links, citations, PDFs and handbook.json would give the base handbook's "
                "address; add a line `site_url: https://...` with the address where your code is published "
                "(the GitHub Pages workflow sets it for you)",
                warning=True,
            )
        )
    problems += _check_records(records, names, changes.retired)
    if changelog is not None and isinstance(changelog.data, dict):
        problems += _check_changelog(changelog, base_ids | set(changes.retired), names)
    problems += _check_promises(records, lock, moved, changelog, set(changes.retired), problems)
    search_words = singles.get("search-words")
    if search_words is not None:
        from .search import check_search_words

        problems += check_search_words(search_words, records)
    courses = singles.get("courses")
    if courses is not None:
        from .rules import check_courses

        problems += check_courses(courses, names)

    docs, found = read_docs(root / "docs", "docs", "base")
    problems += found
    if org is not None:
        org_docs, found = read_docs(org / "docs", f"{changes.folder}/docs", "org", docs)
        problems += check_org_docs(org_docs, docs, org_profile, records)
        docs = {**docs, **org_docs}
    for doc in docs.values():
        problems += [_still_cited(p, None, changes.retired) for p in check_doc(doc, names, MACRO_NAMES)]
    problems += _cited_retirements(problems, changes.retired)
    languages, found = (
        ({}, [])
        if not translations
        else load_languages(
            root,
            data,
            records,
            names,
            docs,
            org,
            base_profile.data if base_profile is not None else None,
            changes.retired,
            {p.file for p in problems if not p.warning},
            cache,
        )
    )
    problems += found
    cache.save()
    if org is not None:  # a renamed id in the organization's folder: the tool that follows renames
        hint = "; `handbook upgrade` shows this edit for your whole folder"
        problems = [
            Problem(p.file, p.line, p.field, p.message + hint, p.warning)
            if "renamed to '" in p.message and p.file.startswith(changes.folder + "/")
            else p
            for p in problems
        ]

    errors = [p for p in problems if not p.warning]
    if errors:
        raise HandbookError(problems)
    handbook = build(
        records,
        profile,
        tuple(p for p in problems if p.warning),
        changes if org else None,
        base_profile.data if base_profile is not None else {},
        log,
        docs,
        lock,
        moved,
        root,
        search_words.data if search_words is not None else None,
        courses.data.get("courses") if courses is not None and isinstance(courses.data, dict) else (),
    )
    return dataclasses.replace(handbook, languages=MappingProxyType(languages)) if languages else handbook


def _names(records: list[Record], moved, unreadable: set[str], lock: dict | None = None) -> Names:
    kinds = {}
    for r in records:
        kinds.setdefault(r.id, r.kind)
    anchors = {r.id: r.scanned.sub_ids for r in records}
    renamed = {m.id: (m.to, m.edition) for m in moved if m.change == "renamed"}
    retired = {m.id: m.edition for m in moved if m.change == "retired"}
    published = {i: e.get("kind") for i, e in ((lock or {}).get("items") or {}).items() if e.get("kind") in KINDS}
    return Names(kinds, anchors, renamed, retired, frozenset(unreadable), published)


def _check_records(records: list[Record], names: Names, retired: dict) -> list[Problem]:
    """Cross-checks over all records: ids, references, prose and per-kind rules."""
    problems: list[Problem] = []
    by_id: dict[str, Record] = {}
    for rec in records:
        if rec.id in by_id:
            file, line = by_id[rec.id].where(("id",))
            problems.append(
                rec.problem(
                    ("id",),
                    f"duplicate id '{rec.id}': already used at {file}:{line}; ids are unique across the handbook",
                )
            )
        else:
            by_id[rec.id] = rec
    for rec in records:
        own = (
            rec.scanned.problems
            if by_id.get(rec.id) is rec
            else [
                p
                for p in rec.scanned.problems
                if "anchor must be unique" not in p.message and "section name" not in p.message
            ]
        )
        found = own + list(resolve_refs(rec, rec.scanned.refs, names))
        problems += [_still_cited(p, rec, retired) for p in found]
    steps = [r.id for r in records if r.kind == "step"]
    problems += check_rules(records, steps)
    return problems


def _still_cited(problem: Problem, rec: Record | None, retired: dict) -> Problem:
    """An unknown id that the overlay retired: a warning where it is cited, since the link leads to its retired page."""
    import re

    match = re.search(r"unknown id '([^']*)'", problem.message)
    if not match or match.group(1) not in retired:
        return problem
    entry = retired[match.group(1)]
    file, line = entry["where"]
    folder = file.rsplit("/", 1)[0]
    if rec is None:
        page = problem.file.split("/", 1)[-1]
        fix = (
            "to reword it, edit your page"
            if problem.file.startswith(folder + "/")
            else f"to reword it, copy the page to {folder}/docs/{page} and edit the copy"
        )
    elif rec.id == "profile":
        fix = "reword it if you like"
    else:
        own = problem.field or ""
        prefix = field_path(rec.base) if rec.base else ""
        if prefix and own.startswith(prefix + "."):
            own = own[len(prefix) + 1 :]  # an entry of a list file: its own field
        top = re.split(r"[.\[]", own, maxsplit=1)[0]
        fix = f"to drop the citation, give '{rec.id}' a new `{top}` (the whole field) in {folder}/change/{rec.id}.yml"
    return Problem(
        problem.file,
        problem.line,
        problem.field,
        f"cites '{match.group(1)}', which you retire ({file}:{line}): the link now leads to its retired page, "
        f"which says why and where to look instead; {fix}",
        warning=True,
    )


def _cited_retirements(problems: list[Problem], retired: dict) -> list[Problem]:
    """One warning where each cited item is retired, counting the places that cite it."""
    import re

    count: dict[str, int] = {}
    for p in problems:
        match = re.match(r"cites '([^']*)', which you retire", p.message) if p.warning else None
        if match:
            count[match.group(1)] = count.get(match.group(1), 0) + 1
    out = []
    for item_id, n in sorted(count.items()):
        entry = retired[item_id]
        out.append(
            Problem(
                *entry["where"],
                entry["field"] + ".id",
                f"'{item_id}' is still cited in {n} place{'s' if n != 1 else ''} (listed as warnings above): "
                "each citation now links to its retired page; you may keep them, or change the citing fields",
                warning=True,
            )
        )
    return out


def _check_changelog(parsed: Parsed, ids: set[str], names: Names) -> list[Problem]:
    """Changelog entries name real items (renamed and retired ones may be gone)."""
    problems = []
    data = parsed.data
    from .editions import _entries

    places = [(("unreleased", i), c) for i, c in enumerate(_entries(data.get("unreleased")))]
    versions: dict[str, int] = {}
    for e, edition in enumerate(_entries(data.get("editions"))):
        version = edition.get("version") if isinstance(edition, dict) else None
        if isinstance(version, str) and version in versions:
            problems.append(
                Problem(
                    *parsed.where(("editions", e, "version")),
                    f"editions[{e}].version",
                    f"edition {version} is listed twice (also editions[{versions[version]}]): each edition is "
                    "listed once; put its changes together under one of them",
                )
            )
        elif isinstance(version, str):
            versions[version] = e
        if isinstance(edition, dict):
            places += [(("editions", e, "changes", i), c) for i, c in enumerate(_entries(edition.get("changes")))]
            if "TODO" in str(edition.get("summary", "")):
                problems.append(
                    Problem(
                        *parsed.where(("editions", e, "summary")),
                        f"editions[{e}].summary",
                        "still says TODO: fill it in before publishing",
                        warning=True,
                    )
                )
    gone = set(names.renamed or ()) | set(names.retired or ())  # published ids that moved in a later edition
    for path, change in places:
        if (
            not isinstance(change, dict)
            or not isinstance(change.get("id"), str)
            or not isinstance(change.get("to", ""), str)
        ):
            continue  # its shape is reported already
        known = ids if path[0] == "unreleased" else ids | gone  # a past edition may name ids that moved since
        if (
            change.get("change") in ("added", "changed")
            and change.get("id") not in known
            and not names.moot(str(change.get("id")))
        ):
            problems.append(
                Problem(
                    *parsed.where(path + ("id",)), field_path(path + ("id",)), names.unknown(str(change.get("id")), ids)
                )
            )
        if any("TODO" in str(v) for v in change.values()):
            problems.append(
                Problem(
                    *parsed.where(path), field_path(path), "still says TODO: fill it in before publishing", warning=True
                )
            )
        if change.get("change") == "renamed" and change.get("to") not in known:
            problems.append(
                Problem(
                    *parsed.where(path + ("to",)),
                    field_path(path + ("to",)),
                    f"a renamed item needs `to:` naming its new id{did_you_mean(str(change.get('to')), ids)}",
                )
            )
    return problems


def _check_promises(
    records: list[Record], lock: dict | None, moved, changelog: Parsed | None, retired: set, found: list[Problem]
) -> list[Problem]:
    """What the last edition published stays where it was: a published id that is gone is on the record as
    renamed or retired, each item keeps the anchors it published (its commitments', examples' and sections'
    ids, each a permanent link), and a renamed item's new id has them all. A file with a problem of its own
    (found) is left to that problem first: its ids may be what is wrong."""
    if not lock or not isinstance(lock.get("items"), dict):
        return []
    edition = lock.get("edition") or "the last edition"
    published = lock["items"]
    damaged = {p.file for p in found if not p.warning}
    mine: dict[str, Record] = {}
    for rec in records:  # the first of a duplicate id is the item (the other is reported as the duplicate)
        mine.setdefault(rec.id, rec)
    problems = []
    if not damaged:  # an unreadable or broken file may hold the ids that seem gone
        on_record = {m.id for m in moved} | retired
        gone = sorted(i for i, e in published.items() if isinstance(e, dict) and i not in mine and i not in on_record)
        if gone and changelog is not None:
            problems += [
                Problem(
                    *changelog.where(("unreleased",)),
                    "unreleased",
                    f"'{i}' ({published[i].get('kind', 'item')} '{published[i].get('title', i)}') was published in "
                    f"edition {edition} and is gone: record it here as `renamed` (with `to:` its new id) or "
                    "`retired`, so that its address and permanent link keep working",
                )
                for i in gone
            ]

    def kept(anchors) -> list[str]:
        return [a for a in anchors if isinstance(a, str)]

    for rec in mine.values():
        if rec.origin != "base" or rec.parsed.file in damaged:
            continue  # an organization's code keeps its own promises (org/changelog.yml, its own lock)
        entry = published.get(rec.id)
        gone = (
            [a for a in kept(entry.get("anchors") or ()) if a not in rec.scanned.sub_ids]
            if isinstance(entry, dict)
            else []
        )
        if gone:
            many = len(gone) > 1
            problems.append(
                rec.problem(
                    ("id",),
                    f"{'anchors' if many else 'anchor'} {', '.join(repr(a) for a in gone)} of '{rec.id}' "
                    f"{'were' if many else 'was'} published in edition {edition} (p/{rec.id}/{gone[0]}/ is a "
                    f"permanent link): keep {'those ids' if many else 'that id'} on this item's commitments, examples "
                    "or sections (their words may change)",
                )
            )
    entries = []
    if changelog is not None and isinstance(changelog.data, dict):
        from .editions import _entries

        entries = [(("unreleased", i), c) for i, c in enumerate(_entries(changelog.data.get("unreleased")))]
    for m in moved:
        target = mine.get(m.to) if m.change == "renamed" and m.to else None
        if target is None or target.parsed.file in damaged:
            continue
        gone = [a for a in m.anchors if a not in target.scanned.sub_ids]
        if not gone:
            continue
        many = len(gone) > 1
        message = (
            f"'{m.id}' is renamed to '{m.to}', but '{m.to}' has no {'ids' if many else 'id'} "
            f"{', '.join(repr(a) for a in gone)}, which '{m.id}' published (p/{m.id}/{gone[0]}/ is a permanent "
            f"link): rename to a new id, or give '{m.to}' {'those ids' if many else 'that id'}"
        )
        place = next(
            (
                path
                for path, c in entries
                if isinstance(c, dict) and c.get("id") == m.id and c.get("change") == "renamed"
            ),
            None,
        )
        if place is not None:
            problems.append(Problem(*changelog.where(place + ("to",)), field_path(place + ("to",)), message))
        else:
            problems.append(target.problem(("id",), message))
    return problems


def _locator(rec: Record):
    return lambda: rec.where()[1]


def _order_key(item: Item) -> tuple:
    order = item.data.get("order", 10_000)
    return (order if isinstance(order, int) else 10_000, item.title.lower())


def build(
    records: list[Record],
    profile: dict,
    warnings: tuple = (),
    changes: Changes | None = None,
    base_profile: dict | None = None,
    changelog: dict | None = None,
    docs: dict[str, Doc] | None = None,
    lock: dict | None = None,
    moved: tuple = (),
    root: Path | str = ".",
    search_words: dict | None = None,
    courses: tuple | list = (),
) -> Handbook:
    """Freeze validated records into a Handbook with indexes both ways."""
    items = {r.id: Item(r.kind, r.id, freeze(r.data), r.parsed.file, _locator(r), r.origin) for r in records}
    cited: dict[str, dict[str, None]] = {}  # target -> citing ids, in order (a dict is an ordered set)

    def cite(target: str, by: str) -> None:
        if target != by:
            cited.setdefault(target, {})[by] = None

    for r in records:
        for ref in r.scanned.refs:
            cite(ref[1], r.id)
    by_kind: dict[str, list[Item]] = {}
    for item in items.values():
        by_kind.setdefault(item.kind, []).append(item)
    ordered = {}
    for kind, group in by_kind.items():
        ordered[kind] = tuple(group if KINDS[kind].order == "file" else sorted(group, key=_order_key))
    sub_ids = {r.id: r.scanned.sub_ids for r in records}
    overlay = None
    if changes is not None:
        retired = {
            rid: Retired(
                Item(
                    e["record"].kind,
                    rid,
                    freeze(e["record"].data),
                    e["record"].parsed.file,
                    _locator(e["record"]),
                    "retired",
                ),
                e["reason"],
                tuple(e["see"]),
                *e["where"],
                e["field"],
            )
            for rid, e in changes.retired.items()
        }
        for rid, e in changes.retired.items():
            sub_ids[rid] = e["record"].scanned.sub_ids
        overlay = Overlay(
            changes.folder,
            tuple(changes.added),
            freeze(
                {i: {"fields": c["fields"], "base": c["base"], "file": c["file"]} for i, c in changes.changed.items()}
            ),
            MappingProxyType(retired),
            freeze(changes.changelog or {}),
        )
    log = changelog or {"unreleased": [], "editions": []}
    return Handbook(
        items=MappingProxyType(items),
        by_kind=MappingProxyType(ordered),
        cited_by=MappingProxyType({k: tuple(v) for k, v in cited.items()}),
        sub_ids=MappingProxyType(sub_ids),
        profile=freeze(profile),
        base_profile=freeze(base_profile if base_profile is not None else profile),
        warnings=tuple(warnings),
        overlay=overlay,
        changelog=freeze(log),
        editions=MappingProxyType(item_editions(log)),
        docs=MappingProxyType(dict(docs or {})),
        lock=freeze(lock) if lock is not None else None,
        moved=tuple(moved),
        root=str(root),
        courses=freeze(list(courses or ())),
        search_words=MappingProxyType(
            {say: tuple(g["means"]) for g in (search_words or {}).get("words") or () for say in g["say"]}
        ),
    )
