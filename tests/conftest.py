"""Shared helpers: where things are, and a writable copy of the valid fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"


@pytest.fixture
def handbook_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid handbook; returns its root."""
    target = tmp_path / "handbook"
    shutil.copytree(VALID, target)
    return target


def apply_broken(root: Path, rule: str) -> None:
    """Lay the broken files for one rule over a copy of the valid handbook."""
    shutil.copytree(BROKEN / rule, root / "data", dirs_exist_ok=True)
