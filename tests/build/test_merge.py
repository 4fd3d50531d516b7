"""A fork that keeps its changes in its overlay merges a new base edition with no conflict, and builds."""

from __future__ import annotations

import shutil
import subprocess

from tests.build.conftest import fixture_project, mkdocs_build
from tests.conftest import FIXTURES


def git(cwd, *args) -> subprocess.CompletedProcess:
    run = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@localhost", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, f"git {' '.join(args)}:\n{run.stdout}\n{run.stderr}"
    return run


def test_fork_merges_new_base_edition_and_builds(tmp_path, monkeypatch):
    """Base and fork both change; git merges with no conflict; the merged handbook builds and shows both."""
    monkeypatch.delenv("HANDBOOK_ORG", raising=False)
    repo = fixture_project(tmp_path / "repo")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base edition 1.0")
    git(repo, "branch", "fork")

    # The base publishes edition 1.1: a reworded summary in a file the fork's overlay also changes.
    gifts = repo / "data/boundaries/gifts.yml"
    gifts.write_text(
        gifts.read_text(encoding="utf-8").replace(
            "Small thanks can be fine; money is not.", "A small thank-you can be fine; money never is."
        ),
        encoding="utf-8",
    )
    honesty = repo / "data/principles/honesty.yml"
    honesty.write_text(
        honesty.read_text(encoding="utf-8").replace("Tell the truth", "Always tell the truth"), encoding="utf-8"
    )
    git(repo, "commit", "-qam", "base edition 1.1")

    # The fork adopts the code: everything of its own lives in org/.
    git(repo, "checkout", "-q", "fork")
    shutil.copytree(FIXTURES / "org", repo / "org")
    git(repo, "add", "org")
    git(repo, "commit", "-qm", "adopt: our profile, a new principle, a stricter gifts rule")

    merge = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@localhost", "merge", "--no-edit", "main"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert "CONFLICT" not in merge.stdout

    site = tmp_path / "site"
    run = mkdocs_build(
        repo, site, env={"HANDBOOK_LANGUAGES": "en"}
    )  # the merge is of the English; the check reads every translation
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Always tell the truth" in (site / "principles/honesty/index.html").read_text(
        encoding="utf-8"
    )  # the base's new text
    gifts_page = (site / "boundaries/gifts/index.html").read_text(encoding="utf-8")
    assert "We accept no gifts at all" in gifts_page  # the fork's stricter rule still wins
    differences = (site / "differences/index.html").read_text(encoding="utf-8")
    assert "<del>thank-you can be fine; money never is.</del>" in differences  # diffed against the new base
    assert "Hillside Code of Ethics" in (site / "index.html").read_text(encoding="utf-8")
    about = (site / "about/index.html").read_text(encoding="utf-8")
    assert "About Hillside" in about and "../principles/kindness/" in about  # the fork's own page replaces the base's
