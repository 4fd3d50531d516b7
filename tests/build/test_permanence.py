"""Links that never break: every published URL and anchor resolves in later builds, through redirects."""

from __future__ import annotations

import json
import re

from macros.linkcheck import SiteLinks, parse
from tests.build.conftest import fixture_project, mkdocs_build, unresolved_addresses
from tests.conftest import ROOT

SITE_URL = "https://peer-support-ethics.github.io/handbook/"


def resolve(site, url: str):
    """(final page file, its ids) of a site address, following redirect stubs."""
    final, problem = SiteLinks(site, SITE_URL).resolve(site / "index.html", SITE_URL + url)
    return (final, parse(final).ids) if final is not None and final.suffix == ".html" else (None, set())


def unresolved(site, lock: dict) -> list[str]:
    return unresolved_addresses(site, SITE_URL, lock)


def test_every_published_url_and_anchor_resolves(site):
    """The registry of this edition (content.lock.json) resolves in full in the built site."""
    lock = json.loads((ROOT / "content.lock.json").read_text(encoding="utf-8"))
    assert len(lock["items"]) > 150
    assert unresolved(site, lock) == []


def test_renamed_and_retired_ids_keep_working(tmp_path):
    """A renamed item redirects to its new id; a retired one keeps a page that says why and where to look."""
    project = fixture_project(tmp_path / "project")
    lock = json.loads((project / "content.lock.json").read_text(encoding="utf-8"))
    old = project / "data/principles/respect.yml"
    text = old.read_text(encoding="utf-8").replace("id: respect", "id: respect-for-all")
    (project / "data/principles/respect-for-all.yml").write_text(text, encoding="utf-8")
    old.unlink()
    for path in (project / "data").rglob("*.yml"):
        path.write_text(re.sub(r"\brespect\]", "respect-for-all]", path.read_text(encoding="utf-8")), encoding="utf-8")
    glossary = project / "data/glossary.yml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8").split("terms:")[0]
        + "terms:\n  - id: kind-words\n    term: Kind words\n    definition: Words that help.\n",
        encoding="utf-8",
    )
    log = project / "data/changelog.yml"
    log.write_text(
        log.read_text(encoding="utf-8").replace(
            "unreleased: []",
            """unreleased:
  - id: respect
    change: renamed
    to: respect-for-all
  - id: boundary-defined
    change: retired
    note: Covered by the gifts topic now.
    see: [gifts]
  - id: kind-words
    change: added""",
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site"
    run = mkdocs_build(project, site)
    assert run.returncode == 0, run.stderr[-3000:]
    assert unresolved(site, lock) == []
    page, _ = resolve(site, "principles/respect/")
    assert page == (site / "principles/respect-for-all/index.html").resolve()
    glossary_page = (site / "glossary/index.html").read_text(encoding="utf-8")
    assert 'id="boundary-defined"' in glossary_page and "Covered by the gifts topic now." in glossary_page
