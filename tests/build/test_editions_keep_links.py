"""Editions keep their promise: every address and anchor of today's edition resolves after renames and releases.

The real handbook is copied; an item and an FAQ entry are renamed through the
changelog, `handbook release` publishes the next edition (1.2 after 1.1), then
the item is renamed again and the one after is released. After each release the
site is built, and every address of today's lock (each item's page, its /p/ link, each anchor's /p/ link
and the anchor on its page) must resolve: a redirect counts when its target and
anchor resolve.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

from macros.linkcheck import SiteLinks
from tests.build.conftest import mkdocs_build, unresolved_addresses
from tests.conftest import ROOT, base_edition, next_edition

KEEP = ("data", "docs", "overrides", "mkdocs.yml", "content.lock.json")
SITE_URL = "https://peer-support-ethics.github.io/handbook/"


#: Edition 1.0 had English only: its addresses are checked in an English build (the check still reads
#: every translation, and tests/build/test_spanish.py checks the Spanish site).
ENGLISH_ONLY = {"HANDBOOK_LANGUAGES": "en"}


def copy_project(dest):
    dest.mkdir()
    for name in KEEP:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def rename(project, old: str, new: str, kind_folder: str | None) -> None:
    """Rename an id everywhere it is used as an id (file, `id:`, reference lists, [[links]])."""
    if kind_folder:
        (project / "data" / kind_folder / f"{old}.yml").rename(project / "data" / kind_folder / f"{new}.yml")
    for translation in (project / "data" / "i18n").glob(f"*/*/{old}.yml"):  # its translations follow it
        translation.rename(translation.with_name(f"{new}.yml"))
    patterns = [
        (rf"^(\s*-?\s*[a-z_]+: ){re.escape(old)}$", rf"\g<1>{new}"),  # id: old, tests: old, dilemma: old
        (rf"\[\[{re.escape(old)}(?=[#|\]])", f"[[{new}"),
        (rf"(?<=[\[ ,]){re.escape(old)}(?=[,\]])", new),
        (rf"^(\s*- ){re.escape(old)}$", rf"\g<1>{new}"),
    ]
    for path in [*(project / "data").rglob("*.yml"), *(project / "docs").rglob("*.md")]:
        if path.name in ("changelog.yml", "search-words.yml"):  # history, and everyday words (not ids)
            continue
        text = path.read_text(encoding="utf-8")
        changed = text
        for pattern, repl in patterns:
            changed = re.sub(pattern, repl, changed, flags=re.M)
        if changed != text:
            path.write_text(changed, encoding="utf-8")


def record(project, *renames: tuple[str, str]) -> None:
    """Add renames to the changelog's `unreleased` entries, as a maintainer would."""
    import yaml

    log = project / "data" / "changelog.yml"
    text = log.read_text(encoding="utf-8")
    header = "".join(line for line in text.splitlines(keepends=True) if line.startswith("#"))
    data = yaml.safe_load(text)
    new_ids = dict(renames)
    for entry in data["unreleased"] or []:  # earlier entries about the item follow it to its new id
        entry["id"] = new_ids.get(entry["id"], entry["id"])
    data["unreleased"] = [{"id": old, "change": "renamed", "to": new} for old, new in renames] + (
        data["unreleased"] or []
    )
    log.write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def release(project, version: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "macros.cli", "release", version], cwd=project, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    log = project / "data" / "changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8")
        .replace("TODO: say what this edition brings.", f"Edition {version} of the test.")
        .replace("TODO: say what changed", "Changed in the test."),
        encoding="utf-8",
    )


def unresolved(site, lock: dict) -> list[str]:
    return unresolved_addresses(site, SITE_URL, lock)


def test_every_address_of_edition_1_0_resolves_after_renames_and_releases(tmp_path):
    """Rename, release the next edition, rename again, release another: each address of today's edition still resolves."""
    project = copy_project(tmp_path / "project")
    lock_10 = json.loads((project / "content.lock.json").read_text(encoding="utf-8"))
    first = lock_10["edition"]  # the edition published now; the test releases the next two
    second, third = next_edition(first), next_edition(next_edition(first))
    assert first == base_edition() and len(lock_10["items"]) > 150
    rename(project, "ending-support-well", "ending-with-care", "principles")
    rename(project, "can-i-lend-money", "lending-money", None)
    record(project, ("ending-support-well", "ending-with-care"), ("can-i-lend-money", "lending-money"))
    release(project, second)
    lock_11 = json.loads((project / "content.lock.json").read_text(encoding="utf-8"))
    assert set(lock_11["moved"]) >= {"ending-support-well", "can-i-lend-money"}
    assert lock_11["moved"]["ending-support-well"]["anchors"] == lock_10["items"]["ending-support-well"].get(
        "anchors", []
    )
    site = tmp_path / "site-11"
    run = mkdocs_build(project, site, env=ENGLISH_ONLY)
    assert run.returncode == 0, run.stderr[-3000:]
    assert unresolved(site, lock_10) == []

    rename(project, "ending-with-care", "closing-well", "principles")
    record(project, ("ending-with-care", "closing-well"))
    release(project, third)
    lock_12 = json.loads((project / "content.lock.json").read_text(encoding="utf-8"))
    assert (
        lock_12["moved"]["ending-support-well"]["to"] == "ending-with-care"
    )  # as recorded; the build follows the chain
    site = tmp_path / "site-12"
    run = mkdocs_build(project, site, env=ENGLISH_ONLY)
    assert run.returncode == 0, run.stderr[-3000:]
    assert unresolved(site, lock_10) == []
    assert unresolved(site, lock_11) == []
    final, _ = SiteLinks(site, SITE_URL).resolve(site / "index.html", SITE_URL + "principles/ending-support-well/")
    assert final == (site / "principles" / "closing-well" / "index.html").resolve()
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert f'href="{SITE_URL}editions/{second}/"' in changes and f'href="{SITE_URL}editions/{first}/"' in changes


def test_a_link_to_a_renamed_id_names_the_new_one(tmp_path):
    """After a release renames an id, a [[link]] or list entry that still names the old id says what it became."""
    project = copy_project(tmp_path / "project")
    rename(project, "ending-support-well", "ending-with-care", "principles")
    record(project, ("ending-support-well", "ending-with-care"))
    second = next_edition(base_edition())
    release(project, second)
    path = project / "data" / "principles" / "hope-and-recovery.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[[self-determination]]", "[[ending-support-well]]", 1),
        encoding="utf-8",
    )
    run = subprocess.run([sys.executable, "-m", "macros.cli", "check"], cwd=project, capture_output=True, text=True)
    assert run.returncode == 1
    assert (
        f"unknown id 'ending-support-well' in [[...]]: renamed to 'ending-with-care' in edition {second}; use 'ending-with-care'"
        in run.stderr
    )
    assert "data/principles/hope-and-recovery.yml:" in run.stderr and "Traceback" not in run.stderr
