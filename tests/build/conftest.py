"""One strict build of the real handbook into a temporary folder, shared by all build tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, VALID


def fixture_project(dest: Path) -> Path:
    """The small valid handbook with the real site configuration, ready to build."""
    shutil.copytree(VALID, dest)
    for name in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    for page in (dest / "docs").glob("*.md"):  # hand-written pages cite the real data; keep them simple
        page.write_text("# " + page.stem.replace("-", " ").capitalize() + "\n\n{{ crisis() }}\n", encoding="utf-8")
    return dest


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    run = mkdocs_build(ROOT, out)
    assert run.returncode == 0, run.stderr[-4000:]
    return out
