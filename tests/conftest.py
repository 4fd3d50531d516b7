"""Shared helpers: where things are, a writable copy of the valid fixture, one build of the real handbook.

Every test runs with the handbook's environment switches cleared (HANDBOOK_ORG,
SITE_URL, HANDBOOK_OFFLINE_ZIP), so a setting on the developer's machine
never changes what a test sees; a test that wants one sets it itself.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"

#: Environment switches of the handbook; cleared for every test and every build a test starts.
SWITCHES = ("HANDBOOK_ORG", "SITE_URL", "HANDBOOK_OFFLINE_ZIP", "HANDBOOK_PDF_ONLY")
CLEAN_ENV = {name: None for name in SWITCHES}


@pytest.fixture(autouse=True)
def _isolated_switches(monkeypatch):
    """No environment switch leaks into a test from the machine it runs on."""
    for name in SWITCHES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def handbook_copy(tmp_path: Path) -> Path:
    """A writable copy of the small valid handbook; returns its root."""
    target = tmp_path / "handbook"
    shutil.copytree(VALID, target, ignore=shutil.ignore_patterns(".cache"))
    return target


def apply_broken(root: Path, rule: str) -> None:
    """Lay the broken files for one rule over a copy of the valid handbook.

    A rule's folder holds files for data/; its `_root/` folder, if any, holds files for the handbook's
    own folder (hand-written pages in docs/, content.lock.json, an org/ overlay).
    """
    shutil.copytree(BROKEN / rule, root / "data", dirs_exist_ok=True, ignore=shutil.ignore_patterns("_root"))
    if (BROKEN / rule / "_root").is_dir():
        shutil.copytree(BROKEN / rule / "_root", root, dirs_exist_ok=True)


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the built site's folder
    site_url: str  # the public address it was built for
    directory_urls: bool = True


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """One strict build of the real handbook, shared by the build tests and the browser tests."""
    from macros.builders.run import mkdocs_build
    from macros.config import read_config

    out = tmp_path_factory.mktemp("site")
    run = mkdocs_build(ROOT, out, env=CLEAN_ENV)
    if run.returncode != 0:
        pytest.fail(f"mkdocs build failed (exit {run.returncode}):\n{(run.stdout + run.stderr)[-4000:]}", pytrace=False)
    return BuiltSite(out, read_config(ROOT).site_url)
