"""Shared by the data tests: the fixture organization's overlay, and the problems a load reports."""

from __future__ import annotations

import shutil

import pytest

from macros.load import load_handbook
from macros.problems import HandbookError
from tests.conftest import FIXTURES


@pytest.fixture
def with_org(handbook_copy, monkeypatch):
    """The valid handbook with the fixture organization's folder at org/."""
    monkeypatch.delenv("HANDBOOK_ORG", raising=False)
    shutil.copytree(FIXTURES / "org", handbook_copy / "org")
    return handbook_copy


def problems_of(root) -> list[str]:
    with pytest.raises(HandbookError) as caught:
        load_handbook(root)
    return [str(p) for p in caught.value.problems]
