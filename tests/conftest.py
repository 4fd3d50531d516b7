"""Shared helpers: where things are, a writable copy of the valid fixture, one build of the real handbook.

Every test runs with the handbook's environment switches cleared (HANDBOOK_ORG,
SITE_URL, HANDBOOK_OFFLINE_ZIP), so a setting on the developer's machine
never changes what a test sees; a test that wants one sets it itself.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def base_edition() -> str:
    """The base handbook's edition now, from data/profile.yml: tests that release the next one start from it."""
    import yaml

    return str(yaml.safe_load((ROOT / "data" / "profile.yml").read_text(encoding="utf-8"))["edition"])


def next_edition(version: str) -> str:
    """The edition after X.Y: X.(Y+1)."""
    major, minor = version.split(".")
    return f"{major}.{int(minor) + 1}"


FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
BROKEN = FIXTURES / "broken"

#: Environment switches of the handbook; cleared for every test and every build a test starts.
SWITCHES = ("HANDBOOK_ORG", "SITE_URL", "HANDBOOK_OFFLINE_ZIP", "HANDBOOK_PDF_ONLY", "HANDBOOK_LANGUAGES")
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


def once(tmp_path_factory, name: str, make):
    """What make() returns, made by one worker of the run and read by the others (pytest-xdist).

    xdist's recipe for a session fixture that must run once: the first worker to take the lock in
    the run's shared temporary folder makes it and leaves it there as a pickle; the others wait for
    the lock and read it. Without xdist it is simply made.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return make()
    import fcntl
    import pickle

    shared = tmp_path_factory.getbasetemp().parent
    done = shared / f"{name}.pickle"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if done.exists():
                return pickle.loads(done.read_bytes())
            value = make()
            done.write_bytes(pickle.dumps(value))
            return value
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def made_once(tmp_path_factory, name: str, make):
    """once(), for a build that may fail: make() raises RuntimeError with the build's output, and the test
    that asked for it fails with that text, without a traceback."""
    try:
        return once(tmp_path_factory, name, make)
    except RuntimeError as err:
        pytest.fail(str(err), pytrace=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> BuiltSite:
    """One strict build of the real handbook, shared by the build tests and the browser tests (and the workers)."""
    from macros.builders.run import mkdocs_build
    from macros.config import read_config

    def build() -> BuiltSite:
        out = tmp_path_factory.mktemp("site")
        run = mkdocs_build(ROOT, out, env=CLEAN_ENV)
        if run.returncode != 0:
            raise RuntimeError(f"mkdocs build failed (exit {run.returncode}):\n{(run.stdout + run.stderr)[-4000:]}")
        return BuiltSite(out, read_config(ROOT).site_url)

    return made_once(tmp_path_factory, "built-site", build)


@pytest.fixture(scope="session")
def riverside_site(tmp_path_factory) -> Path:
    """One strict build of the real handbook with the worked example's overlay (HANDBOOK_ORG=examples/riverside),
    shared by the tests of the example organization and of every output."""
    from macros.builders.run import mkdocs_build

    def build() -> Path:
        out = tmp_path_factory.mktemp("riverside")
        run = mkdocs_build(ROOT, out, env={**CLEAN_ENV, "HANDBOOK_ORG": "examples/riverside"})
        if run.returncode != 0:
            raise RuntimeError(
                f"the riverside build failed (exit {run.returncode}):\n{(run.stdout + run.stderr)[-4000:]}"
            )
        return out

    return made_once(tmp_path_factory, "riverside-site", build)


@dataclass(frozen=True)
class OfflineCopy:
    zip_path: Path  # handbook-offline.zip, as `make offline` writes it
    folder: Path  # the zip unpacked: the folder a desktop reader opens
    files: int  # files in the zip


@pytest.fixture(scope="session")
def offline_copy(tmp_path_factory) -> OfflineCopy:
    """The offline copy, built once as `make offline` builds it and unpacked, for the link check and the browser."""
    import zipfile

    from macros.builders.offline import build_offline_zip, folder_name

    def build() -> OfflineCopy:
        out = tmp_path_factory.mktemp("offline")
        zip_path = out / "handbook-offline.zip"
        problem = build_offline_zip(ROOT, zip_path)
        if problem is not None:
            raise RuntimeError(problem)
        with zipfile.ZipFile(zip_path) as archive:
            names = archive.namelist()
            archive.extractall(out)
        return OfflineCopy(zip_path, out / folder_name("Peer Support Ethics Handbook"), len(names))

    return made_once(tmp_path_factory, "offline-copy", build)


# --- running on two cores (pytest-xdist, `-n 2` in pyproject.toml) -----------------------------------
#
# Tests go to the two workers file by file (--dist loadfile), so a module's fixtures (a build, a
# workflow run) are made once. What several files share is made once for the whole run by `once`:
# the built site, and the browser sweep (tests/browser/sweep.py, one pass over every page).
# Figures a test measured reach the end of the run through record_summary, from any worker.

SUMMARY = ROOT / "test-artifacts" / "summary"


def pytest_sessionstart(session):
    # The controller (or a run without xdist) starts the summary afresh; a pytest that only collects (as
    # tests/test_meta.py runs one, during the suite) leaves the running suite's summary alone.
    if not hasattr(session.config, "workerinput") and not session.config.option.collectonly:
        shutil.rmtree(SUMMARY, ignore_errors=True)


def record_summary(line: str) -> None:
    """A line for the end of the run (figures a benchmark-like test measured), from any worker."""
    SUMMARY.mkdir(parents=True, exist_ok=True)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with open(SUMMARY / f"{worker}.txt", "a", encoding="utf-8") as out:
        out.write(line.rstrip("\n") + "\n")


def pytest_terminal_summary(terminalreporter, config):
    if hasattr(config, "workerinput") or not SUMMARY.is_dir():
        return
    for path in sorted(SUMMARY.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            terminalreporter.write_line(line)
