"""Every output is checked like the online site: the offline copy, a fork, a sub-path build, the neutral tree.

Each is built the way its user builds it and then link-checked by
macros.linkcheck: every internal link, /p/ link and anchor must resolve, and no
file may name the build machine.
"""

from __future__ import annotations

import subprocess
import sys

from macros.builders.run import mkdocs_build as run_build
from macros.linkcheck import check_site_dir, parse
from tests.build.conftest import assert_links_resolve, mkdocs_build
from tests.conftest import CLEAN_ENV, ROOT

SUB_PATH = "https://example.org/some/sub/path/"


def test_offline_copy_links_stay_inside_it(offline_copy):
    """The offline copy (.html URLs) resolves every link inside itself; its permanent links lead to its own files."""
    site = offline_copy.folder
    from macros.config import read_config

    report = check_site_dir(site, read_config(ROOT).site_url, directory_urls=False, self_contained=True)
    assert report.pages > 100 and report.broken == [], "\n".join(report.broken[:40])
    page = parse(site / "principles" / "confidentiality.html")
    permalinks = [h for h in page.anchors if "p/confidentiality/" in h]
    assert permalinks and all(h.endswith("index.html") and not h.startswith("http") for h in permalinks)


def test_fork_with_the_example_overlay_links_resolve(riverside_site):
    """A fork built with the worked example's overlay resolves every link, its added and retired items included."""
    site = riverside_site
    assert_links_resolve(site, "https://peer-support-ethics.github.io/handbook/")
    assert (site / "principles" / "community-accountability" / "index.html").exists()


def test_sub_path_build_links_resolve(tmp_path):
    """With SITE_URL at a sub-path (a GitHub project site), every link and every absolute address resolves under it."""
    site = tmp_path / "sub"
    run = mkdocs_build(ROOT, site, env={"SITE_URL": SUB_PATH})
    assert run.returncode == 0, run.stderr[-3000:]
    assert_links_resolve(site, SUB_PATH)
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert (
        'href="/some/sub/path/assets/' in not_found
    )  # the error page is served at any depth: absolute under the sub-path
    assert "https://example.org/some/sub/path/p/confidentiality/" in (
        site / "principles/confidentiality/index.html"
    ).read_text(encoding="utf-8")
    assert "https://example.org/some/sub/path/" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_neutral_tree_builds_with_properdocs(tmp_path):
    """`handbook render` writes plain Markdown that ProperDocs 1.6.7 builds strictly with its built-in theme; every link resolves."""
    tree = tmp_path / "tree"
    render = subprocess.run(
        [sys.executable, "-m", "macros.cli", "render", "--out", str(tree)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=_env(),
    )
    assert render.returncode == 0, render.stderr
    text = (tree / "docs" / "index.md").read_text(encoding="utf-8")
    assert "{{" not in text and "[[" not in text  # macros ran, references are links
    site = tmp_path / "site"
    run = run_build(tree, site, tool="properdocs", env=CLEAN_ENV)
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    assert "WARNING" not in run.stderr
    assert_links_resolve(site, "https://peer-support-ethics.github.io/handbook/")


def test_render_never_overwrites_a_folder_it_did_not_write(tmp_path):
    """`handbook render` refuses a folder that holds a person's files, even with --replace."""
    tree = tmp_path / "mine"
    tree.mkdir()
    (tree / "notes.md").write_text("my notes\n", encoding="utf-8")
    for extra in ([], ["--replace"]):
        run = subprocess.run(
            [sys.executable, "-m", "macros.cli", "render", "--out", str(tree), *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env=_env(),
        )
        assert run.returncode == 1 and "already holds files" in run.stderr
    assert (tree / "notes.md").read_text(encoding="utf-8") == "my notes\n"


def _env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
