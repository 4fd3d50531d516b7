"""One strict build of the real handbook into a temporary folder, shared by all build tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from macros.builders import run
from tests.conftest import CLEAN_ENV, ROOT, VALID


def fixture_project(dest: Path) -> Path:
    """The small valid handbook with the real site configuration, ready to build."""
    shutil.copytree(VALID, dest)
    for name in ("mkdocs.yml", "docs", "overrides"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    shutil.rmtree(dest / "docs" / "es", ignore_errors=True)  # translations of the real pages: the fixture has none
    for page in (dest / "docs").glob("*.md"):  # hand-written pages cite the real data; keep them simple
        page.write_text("# " + page.stem.replace("-", " ").capitalize() + "\n\n{{ crisis() }}\n", encoding="utf-8")
    return dest


def mkdocs_build(project: Path, site: Path, env: dict | None = None, **options) -> subprocess.CompletedProcess:
    """A strict build of project into site, the way every output is built (macros.builders.run).

    The handbook's environment switches are cleared unless env sets them.
    """
    return run.mkdocs_build(project, site, env={**CLEAN_ENV, **(env or {})}, **options)


@pytest.fixture(scope="session")
def site(built_site) -> Path:
    """The folder of the one shared build of the real handbook."""
    return built_site.root


def unresolved_addresses(site: Path, site_url: str, lock: dict) -> list[str]:
    """Addresses an edition's lock published that do not lead to their content in this build.

    For each item: its page, its /p/ link, each anchor's /p/ link and, for an item with a page of its own,
    each anchor on that page. A redirect counts when its target and its anchor resolve.
    """
    from macros.linkcheck import SiteLinks

    links = SiteLinks(site, site_url)
    home = site / "index.html"
    missing = []
    for item_id, entry in lock["items"].items():
        page = entry["url"].split("#")[0]
        addresses = [entry["url"], f"p/{item_id}/"] + [f"p/{item_id}/{a}/" for a in entry.get("anchors", ())]
        if "#" not in entry["url"]:
            addresses += [f"{page}#{a}" for a in entry.get("anchors", ())]
        for address in addresses:
            final, problem = links.resolve(home, site_url + address)
            if final is None or problem:
                missing.append(f"{address} {problem or '-> nothing'}")
    return missing


def assert_links_resolve(folder: Path, site_url: str, directory_urls: bool = True, minimum_pages: int = 20) -> None:
    """Every internal link, permanent link and anchor of a built site resolves; nothing points at the build machine."""
    from macros.linkcheck import check_site_dir

    report = check_site_dir(folder, site_url, directory_urls)
    assert report.pages >= minimum_pages, f"only {report.pages} pages in {folder}"
    assert report.broken == [], f"{len(report.broken)} broken link(s) in {folder}:\n" + "\n".join(report.broken[:40])
