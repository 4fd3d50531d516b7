"""The worked example: a fictional organization's overlay builds, and the site shows its own code."""

from __future__ import annotations

from tests.conftest import base_edition


def test_example_organization_builds(riverside_site):
    """HANDBOOK_ORG=examples/riverside builds strictly, with the organization's title, footer, concern page and differences."""
    site = riverside_site
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Riverside Peer Network" in home
    assert f"based on base edition {base_edition()} of the Peer Support Ethics Handbook" in home
    assert (site / "assets" / "logo.svg").exists() and (site / "assets" / "profile.css").exists()
    concern = (site / "raise-a-concern" / "index.html").read_text(encoding="utf-8")
    assert "riverside-peers.example" in concern
    differences = (site / "differences" / "index.html").read_text(encoding="utf-8")
    for words in ("community-accountability", "a-list-sent-to-the-wrong-chat", "<del>", "<ins>", "recovery-coach"):
        assert words in differences, words
    retired = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="recovery-coach"' in retired and "(retired)" in retired
