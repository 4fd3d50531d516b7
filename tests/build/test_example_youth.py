"""The second worked example, examples/harbor-youth/, uses every overlay feature, and the site shows each one."""

from __future__ import annotations

import re

from macros.cli import main as cli
from tests.build.conftest import mkdocs_build
from tests.conftest import ROOT

HARBOR = "examples/harbor-youth"


def _text(path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


def test_harbor_checks_with_only_the_warnings_it_means(monkeypatch, capsys):
    """`handbook check` passes on the Harbor overlay, warning only at the places that still cite its retired case."""
    monkeypatch.setenv("HANDBOOK_ORG", HARBOR)
    assert cli(["check"]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if ": warning: " in line]
    assert warnings and all("romance-after-support-ends" in line for line in warnings), "\n".join(warnings)


def test_harbor_builds_with_its_own_pages_lines_and_edition(tmp_path):
    """HANDBOOK_ORG=examples/harbor-youth builds strictly, with its title, nav, crisis lines, pages, retired case and edition."""
    site = tmp_path / "site"
    run = mkdocs_build(ROOT, site, env={"HANDBOOK_ORG": HARBOR})
    assert run.returncode == 0, run.stderr[-3000:]
    home = _text(site / "index.html")
    assert "Harbor Youth &amp; Family Peer Support Code of Ethics" in home or "Harbor Youth & Family" in home
    assert "based on base edition" in home
    for page in ("working-with-families", "youth-voice"):
        assert (site / page / "index.html").exists(), page
    families = (site / "working-with-families" / "index.html").read_text(encoding="utf-8")
    nav = families[families.find('class="md-nav md-nav--primary"') :]
    assert "Youth voice" in nav and "Working with families" in nav
    crisis = _text(site / "crisis" / "index.html")
    for line in ("The Trevor Project", "START", "678-678", "Youth Mobile Crisis Team", "Press 2 for Spanish"):
        assert line in crisis, line
    assert 'href="sms:678678?body=START"' in (site / "crisis" / "index.html").read_text(encoding="utf-8")
    retired = _text(site / "dilemmas" / "romance-after-support-ends" / "index.html")
    assert "retired" in retired.lower()
    differences = (site / "differences" / "index.html").read_text(encoding="utf-8")
    for words in (
        "youth-voice-and-family-partnership",
        "a-follow-request-from-a-17-year-old",
        "romance-after-support-ends",
    ):
        assert words in differences, words
    changes = _text(site / "changes" / "index.html")
    assert "1.0" in changes and "base edition" in changes.lower()
    assert "https://code.harbor-yfps.example/" in (site / "sitemap.xml").read_text(encoding="utf-8")
