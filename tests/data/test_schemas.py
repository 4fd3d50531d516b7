"""The published JSON Schemas match the engine, and every data file points at its schema."""

from __future__ import annotations

import json

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
