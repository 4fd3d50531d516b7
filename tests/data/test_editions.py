"""Editions with no silent edits: the lock, the changelog, and `handbook release`."""

from __future__ import annotations

from macros.cli import main
from macros.editions import item_editions, read_lock, unlisted_changes
from macros.load import load_handbook
from tests.conftest import ROOT
from tests.data.conftest import problems_of


def lock_of(root):
    """The lock file as the loader reads it (a damaged one would be a problem, not a crash)."""
    lock, problems = read_lock(root)
    assert problems == []
    return lock


def test_no_item_changed_without_a_changelog_entry():
    """Every item's text matches content.lock.json, or is listed under `unreleased` in data/changelog.yml."""
    handbook = load_handbook(ROOT, org_dir=None)
    lock = lock_of(ROOT)
    assert lock is not None, "content.lock.json is missing: run `handbook release`"
    assert unlisted_changes(handbook, lock) == [], "list these under `unreleased:` in data/changelog.yml"


def test_a_silent_edit_is_caught(handbook_copy):
    """Changing an item's text without an entry is reported; listing it under `unreleased` clears it."""
    path = handbook_copy / "data/principles/honesty.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Tell the truth", "Always tell the truth"), encoding="utf-8"
    )
    lock = lock_of(handbook_copy)
    assert unlisted_changes(load_handbook(handbook_copy), lock) == [
        "honesty: text changed since edition 1.0 (data/principles/honesty.yml)"
    ]
    log = handbook_copy / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "unreleased: []", "unreleased:\n  - id: honesty\n    change: changed\n    note: Stronger wording."
        ),
        encoding="utf-8",
    )
    assert unlisted_changes(load_handbook(handbook_copy), lock) == []


def test_new_and_removed_items_are_caught(handbook_copy):
    """An item added without a changelog entry is reported by its id; one removed without one is refused by the check."""
    glossary = handbook_copy / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("id: boundary-defined", "id: boundary-term"), encoding="utf-8"
    )
    assert any("'boundary-defined' (term 'Boundary') was published" in p for p in problems_of(handbook_copy))
    log = handbook_copy / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "unreleased: []", "unreleased:\n  - id: boundary-defined\n    change: retired\n    note: Merged."
        ),
        encoding="utf-8",
    )
    found = unlisted_changes(load_handbook(handbook_copy), lock_of(handbook_copy))
    assert found == ["boundary-term: new since edition 1.0 (data/glossary.yml)"]


def test_release_files_changes_and_locks(handbook_copy, monkeypatch, capsys):
    """`handbook release 1.1` files the changes under 1.1, writes the lock and sets the profile's edition."""
    monkeypatch.chdir(handbook_copy)
    path = handbook_copy / "data/principles/honesty.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Tell the truth", "Always tell the truth"), encoding="utf-8"
    )
    assert main(["release", "1.1"]) == 0
    log = (handbook_copy / "data/changelog.yml").read_text(encoding="utf-8")
    assert log.startswith("# yaml-language-server: $schema=")  # the header comments are kept
    handbook = load_handbook(handbook_copy)
    newest = handbook.changelog["editions"][0]
    assert newest["version"] == "1.1" and newest["changes"][0]["id"] == "honesty"
    assert handbook.changelog["unreleased"] == ()
    assert handbook.profile["edition"] == "1.1"
    assert lock_of(handbook_copy)["edition"] == "1.1"
    assert unlisted_changes(handbook, lock_of(handbook_copy)) == []
    assert handbook.edition_of("honesty") == ("1.0", "1.1")
    assert any("TODO" in w.message for w in handbook.warnings)  # the summary and note wait for a person
    assert "fill in every TODO" in capsys.readouterr().out


def test_release_refuses_an_older_version(handbook_copy, monkeypatch, capsys):
    """A release number that is not newer is refused, and no file is touched."""
    monkeypatch.chdir(handbook_copy)
    before = (handbook_copy / "data/changelog.yml").read_bytes()
    assert main(["release", "0.9"]) == 2
    assert "newer than the latest edition, 1.0" in capsys.readouterr().err
    assert (handbook_copy / "data/changelog.yml").read_bytes() == before


def test_item_editions():
    """Each item knows the edition it was added in and last changed in."""
    log = {
        "editions": [
            {"version": "1.1", "changes": [{"id": "a", "change": "changed"}, {"id": "b", "change": "added"}]},
            {"version": "1.0"},
        ]
    }
    editions = item_editions(log)
    assert editions["a"] == ("1.0", "1.1") and editions["b"] == ("1.1", None) and editions["*"] == ("1.0", None)


def test_published_ids_never_vanish_silently(handbook_copy):
    """An id published in the locked edition may go only as a recorded rename or retirement; its anchors stay."""
    load_handbook(handbook_copy)
    glossary = handbook_copy / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").replace("id: boundary-defined", "id: boundary-term"), encoding="utf-8"
    )
    dilemma = handbook_copy / "data/dilemmas/the-gift.yml"
    dilemma.write_text(dilemma.read_text(encoding="utf-8").replace("id: q-accept", "id: q-take"), encoding="utf-8")
    assert problems_of(handbook_copy) == [
        "data/changelog.yml:7: unreleased: 'boundary-defined' (term 'Boundary') was published in edition 1.0 and is "
        "gone: record it here as `renamed` (with `to:` its new id) or `retired`, so that its address and permanent "
        "link keep working",
        "data/dilemmas/the-gift.yml:2: id: anchor 'q-accept' of 'the-gift' was published in edition 1.0 "
        "(p/the-gift/q-accept/ is a permanent link): keep that id on this item's commitments, examples or sections "
        "(their words may change)",
    ]
    log = handbook_copy / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "unreleased: []", "unreleased:\n  - id: boundary-defined\n    change: renamed\n    to: boundary-term"
        ),
        encoding="utf-8",
    )
    assert problems_of(handbook_copy) == [
        "data/dilemmas/the-gift.yml:2: id: anchor 'q-accept' of 'the-gift' was published in edition 1.0 "
        "(p/the-gift/q-accept/ is a permanent link): keep that id on this item's commitments, examples or sections "
        "(their words may change)"
    ]


def test_a_rename_into_an_existing_id_keeps_the_old_anchors(handbook_copy):
    """Renaming an item into an id that lacks the old item's published anchors is refused at the changelog's line."""
    (handbook_copy / "data/principles/honesty.yml").unlink()
    for path in (handbook_copy / "data").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for old, new in [("[[honesty", "[[respect"), ("[honesty, respect]", "[respect, gifts]"), (", honesty]", "]")]:
            text = text.replace(old, new)
        path.write_text(text.replace("related: [honesty]", "related: []"), encoding="utf-8")
    log = handbook_copy / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "unreleased: []", "unreleased:\n  - id: honesty\n    change: renamed\n    to: respect"
        ),
        encoding="utf-8",
    )
    assert [p for p in problems_of(handbook_copy) if "published" in p] == [
        "data/changelog.yml:10: unreleased[0].to: 'honesty' is renamed to 'respect', but 'respect' has no ids "
        "'honest', 'honest-answer', which 'honesty' published (p/honesty/honest/ is a permanent link): rename to a "
        "new id, or give 'respect' those ids"
    ]


def test_an_edition_is_listed_once(handbook_copy):
    """Two editions with one version number are refused: releases and archives are found by their number."""
    log = handbook_copy / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "editions:\n", 'editions:\n  - version: "1.0"\n    date: "2026-11-28"\n    summary: Again.\n', 1
        ),
        encoding="utf-8",
    )
    assert problems_of(handbook_copy) == [
        "data/changelog.yml:12: editions[1].version: edition 1.0 is listed twice (also editions[0]): each edition "
        "is listed once; put its changes together under one of them"
    ]


def test_real_handbook_keeps_its_published_ids():
    """Every id and anchor recorded in content.lock.json still resolves, or was renamed or retired on the record."""
    handbook = load_handbook(ROOT, org_dir=None)  # the check refuses a published id or anchor that is gone
    lock = lock_of(ROOT)
    moved = {m.id for m in handbook.moved}
    assert set(lock["items"]) <= set(handbook.items) | moved
    kept = {i: handbook.sub_ids.get(i, frozenset()) for i in handbook.items}
    assert all(set(e.get("anchors", ())) <= kept[i] for i, e in lock["items"].items() if i in kept)
