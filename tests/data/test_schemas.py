"""The published JSON Schemas match the engine, and every data file points at its schema."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.schemas import all_schemas, schema_text
from tests.conftest import ROOT


def test_schema_files_are_up_to_date():
    """schemas/*.schema.json are exactly what the engine validates with (run `handbook schemas`)."""
    for name, schema in all_schemas().items():
        path = ROOT / "schemas" / f"{name}.schema.json"
        assert path.read_text(encoding="utf-8") == schema_text(schema), f"{path} is stale: run `handbook schemas`"
        json.loads(path.read_text(encoding="utf-8"))


def test_every_data_file_names_its_schema():
    """Each YAML file starts with a yaml-language-server line whose schema file exists."""
    for path in sorted((ROOT / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), f"{path}: schema {target} not found"


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.text(alphabet=" \t\n-:[,{}&*ab_1#'\"", max_size=40))
def test_quick_alias_look_finds_what_the_pattern_finds(text):
    """yamlio.maybe_alias (the fast path's look for anchors and aliases) agrees with MAYBE_ALIAS on any text."""
    from macros.yamlio import MAYBE_ALIAS, maybe_alias

    assert maybe_alias(text) == bool(MAYBE_ALIAS.search(text))
