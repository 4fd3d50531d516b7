"""`handbook new` writes a skeleton that validates, and never overwrites a file."""

from __future__ import annotations

import pytest

from macros.cli import main
from macros.load import load_handbook


@pytest.mark.parametrize(
    "kind, folder",
    [("principle", "principles"), ("boundary", "boundaries"), ("dilemma", "dilemmas"), ("training", "training")],
)
def test_new_skeleton_is_valid(handbook_copy, monkeypatch, kind, folder):
    """A fresh skeleton of each kind passes validation as written, with comments on its fields."""
    monkeypatch.chdir(handbook_copy)
    assert main(["new", kind, "brand-new-item"]) == 0
    path = handbook_copy / "data" / folder / "brand-new-item.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n")
    assert text.count("#") > 8  # every field is explained
    handbook = load_handbook(handbook_copy)
    assert "brand-new-item" in handbook.items
    assert any("TODO" in str(w) for w in handbook.warnings)


def test_new_refuses_to_overwrite(handbook_copy, monkeypatch, capsys):
    """An existing file is left exactly as it was."""
    monkeypatch.chdir(handbook_copy)
    path = handbook_copy / "data" / "principles" / "honesty.yml"
    before = path.read_bytes()
    assert main(["new", "principle", "honesty"]) == 1
    assert path.read_bytes() == before
    assert "already exists; nothing was written" in capsys.readouterr().err


def test_new_refuses_a_bad_id(handbook_copy, monkeypatch, capsys):
    """`handbook new` refuses an id that is not lowercase-kebab and writes nothing."""
    monkeypatch.chdir(handbook_copy)
    assert main(["new", "principle", "Bad_Id"]) == 2
    assert "not a valid id" in capsys.readouterr().err
