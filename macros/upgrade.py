"""`handbook upgrade`: follow the base's renamed ids in an organization's folder.

When a new base edition renames an item, the organization's change files,
retirements, links and pages still name the old id, and the check says so.
This tool finds every such place and shows the edit as a diff. Only with
--write does it change files, and only when the original is kept: either
the folder has no uncommitted changes in git (git then holds the original),
or a copy of the folder is made first, next to it.
"""

from __future__ import annotations

import datetime
import difflib
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .model import Handbook

#: Files of the folder that record history and keep the ids they had: never rewritten.
HISTORY = ("changelog.yml", "content.lock.json")


@dataclass
class Plan:
    """What following the renames would do to the folder."""

    edits: dict[Path, tuple[str, str]] = field(default_factory=dict)  # file -> (old text, new text)
    moves: dict[Path, Path] = field(default_factory=dict)  # change file -> its new name
    blocked: list[str] = field(default_factory=list)  # what needs a person's decision


def renames_of(base: Handbook) -> dict[str, tuple[str, str]]:
    """old id -> (id it leads to now, edition of the rename), chains of renames followed."""
    return {m.id: (m.to, m.edition) for m in base.moved if m.change == "renamed" and m.to}


def plan(folder: Path, base: Handbook) -> Plan:
    """Every edit that makes the folder name today's ids, without writing anything."""
    renames = renames_of(base)
    retired = {m.id: m.edition for m in base.moved if m.change == "retired"}
    out = Plan()
    if not renames and not retired:
        return out
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix not in (".yml", ".yaml", ".md") or path.name in HISTORY:
            continue
        if path.relative_to(folder).parts[0] in ("add", "change", "docs") or path.parent == folder:
            text = path.read_text(encoding="utf-8")
            new = rewrite(text, renames, markdown=path.suffix == ".md")
            if new != text:
                out.edits[path] = (text, new)
    change = folder / "change"
    for path in sorted(change.glob("*.yml")) if change.is_dir() else ():
        stem = path.stem
        if stem in renames:
            target = path.with_name(f"{renames[stem][0]}.yml")
            if target.exists():
                out.blocked.append(
                    f"{_shown(path, folder)} and {_shown(target, folder)} both change '{renames[stem][0]}' now: "
                    "merge them into one file by hand"
                )
            else:
                out.moves[path] = target
        text = out.edits.get(path, (None, path.read_text(encoding="utf-8")))[1]
        match = re.search(r"(?m)^id:\s*['\"]?([a-z0-9-]+)", text)
        if match and match.group(1) in retired:
            out.blocked.append(
                f"{_shown(path, folder)} changes '{match.group(1)}', which the base retired in "
                f"{retired[match.group(1)] or 'its next edition'}: keep it as an item of your own in add/ "
                "(copy the base file there), or delete this change file"
            )
    return out


def rewrite(text: str, renames: dict[str, tuple[str, str]], markdown: bool = False) -> str:
    """text naming every renamed id by its new one: in [[links]], link('...') macros, and YAML values
    that are exactly an id (`id: old`, `- old`, `[a, old]`). Words in running text are left alone."""

    def new(old: str) -> str:
        return renames[old][0] if old in renames else old

    text = re.sub(r"\[\[\s*([a-z0-9-]+)(\s*(?:[|#][^\]]*)?)\]\]", lambda m: f"[[{new(m.group(1))}{m.group(2)}]]", text)
    text = re.sub(
        r"(\blink\(\s*)(['\"])([a-z0-9-]+)\2", lambda m: f"{m.group(1)}{m.group(2)}{new(m.group(3))}{m.group(2)}", text
    )
    if markdown:
        return text
    text = re.sub(
        r"(?m)^(\s*(?:-\s+)?[A-Za-z_][\w-]*:\s+|\s*-\s+)(['\"]?)([a-z0-9-]+)\2(\s*(?:#.*)?)$",
        lambda m: f"{m.group(1)}{m.group(2)}{new(m.group(3))}{m.group(2)}{m.group(4)}",
        text,
    )
    return re.sub(
        r"(?<=[\[,])(\s*)(['\"]?)([a-z0-9-]+)\2(?=\s*[,\]])",
        lambda m: f"{m.group(1)}{m.group(2)}{new(m.group(3))}{m.group(2)}",
        text,
    )


def diff_text(result: Plan, folder: Path, root: Path) -> str:
    """The plan as a unified diff, with the files it renames."""
    chunks = []
    for path, (old, new) in result.edits.items():
        name = path.relative_to(root).as_posix()
        target = result.moves.get(path)
        after = target.relative_to(root).as_posix() if target else name
        chunks += difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{after}"
        )
    for path, target in result.moves.items():
        if path not in result.edits:
            chunks.append(f"rename {path.relative_to(root).as_posix()} -> {target.relative_to(root).as_posix()}\n")
    return "".join(chunks)


def keep_original(folder: Path, root: Path, now: datetime.datetime | None = None) -> str:
    """Make sure the folder's present state can be had back; say how. Raises OSError when it cannot."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", str(folder)], cwd=root, capture_output=True, text=True
    )
    if status.returncode == 0 and not status.stdout.strip():
        shown = folder.relative_to(root).as_posix()
        return (
            f"git holds the original: `git status -- {shown}` lists the edits; "
            f"`git checkout -- {shown} && git clean -fd -- {shown}` undoes them"
        )
    stamp = (now or datetime.datetime.now()).strftime("%Y%m%d-%H%M%S")
    backup = folder.with_name(f"{folder.name}.before-upgrade-{stamp}")
    shutil.copytree(folder, backup)  # fails rather than overwrite: the name is new each second
    return f"a copy of the folder as it was is in {backup.relative_to(root).as_posix()}/"


def write(result: Plan) -> None:
    for path, (_, new) in result.edits.items():
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(new, encoding="utf-8")
        tmp.replace(path)
    for path, target in result.moves.items():
        path.rename(target)


def _shown(path: Path, folder: Path) -> str:
    return f"{folder.name}/{path.relative_to(folder).as_posix()}"
