"""The built site: every page, permanent link, internal link and anchor, and the search index."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from macros.linkcheck import SiteLinks, parse
from macros.load import load_handbook
from tests.build.conftest import assert_links_resolve, fixture_project, mkdocs_build
from tests.conftest import ROOT, apply_broken


def target_file(site: Path, page: Path, href: str) -> Path | None:
    """The file an internal link points at, or None for a link to another site."""
    return SiteLinks(site).target(page, href)


def test_every_internal_link_and_anchor_resolves(built_site):
    """No link inside the site points at a missing page or anchor, and no file names the build machine; all are listed."""
    assert_links_resolve(built_site.root, built_site.site_url)


def test_every_item_has_its_page_and_permanent_link(site):
    """Each item's page exists (with its anchor) and /p/<id>/ forwards to it."""
    handbook = load_handbook(ROOT)
    problems = []
    for item in handbook.items.values():
        url, _, anchor = item.path.partition("#")
        page = site / url / "index.html"
        if not page.exists():
            problems.append(f"{item.id}: no page {page}")
            continue
        if anchor and anchor not in parse(page).ids:
            problems.append(f"{item.id}: no anchor #{anchor} on {url}")
        redirect = site / "p" / item.id / "index.html"
        if not redirect.exists():
            problems.append(f"{item.id}: no permanent link /p/{item.id}/")
            continue
        forwarded = target_file(site, redirect, parse(redirect).refresh)
        if forwarded != page.resolve():
            problems.append(f"{item.id}: /p/{item.id}/ forwards to {forwarded}, not {page}")
    assert problems == []


def test_sub_item_anchors_are_on_their_pages(site):
    """Every example, question, option and agenda entry id is an anchor on its item's page."""
    handbook = load_handbook(ROOT)
    missing = []
    for item_id, subs in handbook.sub_ids.items():
        item = handbook[item_id]
        if not subs:
            continue
        ids = parse(site / item.path.split("#")[0] / "index.html").ids
        missing += [f"{item.path}#{s}" for s in sorted(subs - ids)]
    assert missing == []


def test_search_index_holds_every_title(site):
    """Every item's title is in Material's search index, so search can find it."""
    handbook = load_handbook(ROOT)
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()
    from html import unescape

    text = unescape(text)
    missing = [i.id for i in handbook.items.values() if i.kind != "model" and i.title.lower() not in text]
    assert missing == []


def test_no_third_party_requests_in_html(site):
    """No page loads a script, style, font or image from another site."""
    offenders = []
    for page in site.rglob("*.html"):
        info = parse(page)
        text = page.read_text(encoding="utf-8")
        offenders += [
            f"{page.relative_to(site)}: {r}" for r in info.resources if urlsplit(r).scheme or r.startswith("//")
        ]
        offenders += [
            f"{page.relative_to(site)}: {w}"
            for w in ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "unpkg.com", "cdn.jsdelivr")
            if w in text
        ]
    assert offenders == []


def test_broken_data_stops_the_build_cleanly(tmp_path):
    """A site build with bad data prints the same lines as `handbook check`, writes nothing, and shows no traceback."""
    project = fixture_project(tmp_path / "project")
    apply_broken(project, "unknown-reference")
    run = mkdocs_build(project, project / "site")
    assert run.returncode == 1
    assert (
        "data/principles/respect.yml:18: related[0]: unknown id 'honsety' (did you mean 'honesty'?)\n1 problem found in data/; nothing was built."
        in run.stderr
    )
    assert "Traceback" not in run.stderr
    assert not (project / "site").exists()


def test_export_follows_its_schema(site):
    """handbook.json (version 2) holds every item, absolute addresses and sub-items, and validates; version 1 is kept."""
    import jsonschema

    data = json.loads((site / "handbook.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "handbook.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    handbook = load_handbook(ROOT)
    assert data["export_version"] == 2
    assert {i["id"] for i in data["items"]} == set(handbook.items)
    gifts = next(i for i in data["items"] if i["id"] == "gifts")
    assert gifts["permalink"].startswith(("http://", "https://")) and gifts["permalink"].endswith("/p/gifts/")
    assert re.fullmatch(r"[0-9a-f]{16}", gifts["hash"]) and gifts["edition_added"]
    principle = next(i for i in data["items"] if i["kind"] == "principle")
    assert principle["sub_items"], "a principle's commitments are sub-items"
    for sub in principle["sub_items"]:
        assert sub["url"].startswith("http") and "#" in sub["url"] and sub["permalink"].startswith("http")

    def texts(value):
        if isinstance(value, dict):
            return [t for v in value.values() for t in texts(v)]
        if isinstance(value, list):
            return [t for v in value for t in texts(v)]
        return [value] if isinstance(value, str) else []

    written = [t for i in data["items"] for t in texts(i["markdown"]) + texts(i["plain"])]
    assert any("[[" in t for i in data["items"] for t in texts(i["fields"])), "the data has cross-links to resolve"
    assert not [t for t in written if "[[" in t], "cross-links are resolved in the Markdown and plain copies"
    old = json.loads((site / "handbook-v1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(
        json.loads((site / "handbook-v1.schema.json").read_text(encoding="utf-8"))
    ).validate(old)
    assert old["export_version"] == 1 and len(old["items"]) == len(data["items"])


def test_pagefind_indexes_reading_pages_only(site):
    """Pagefind's index is built; reading pages are marked for it, print pages and handouts are not."""
    assert (site / "pagefind" / "pagefind.js").exists() and (site / "pagefind" / "pagefind-entry.json").exists()
    marked = "data-pagefind-body"
    assert marked in (site / "principles" / "confidentiality" / "index.html").read_text(encoding="utf-8")
    assert marked not in (site / "print" / "index.html").read_text(encoding="utf-8")
    assert marked not in next((site / "handouts").rglob("index.html")).read_text(encoding="utf-8")
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = sum(language["page_count"] for language in entry["languages"].values())
    handbook = load_handbook(ROOT)
    assert pages >= sum(1 for i in handbook.items.values() if i.info.per_item)


def test_search_table_weighs_pages_by_what_they_are_and_lists_every_entry(site):
    """search/pages.json weighs guidance in full, case studies and training less and pages about the handbook least, and lists every FAQ question and glossary term with its anchor and word positions."""
    from macros.kinds import KINDS
    from macros.site import ABOUT_THE_HANDBOOK

    for home in ("", "es/"):
        rows = json.loads((site / home / "search" / "pages.json").read_text(encoding="utf-8")).values()
        by_url = {row[2].removeprefix("/" + home.rstrip("/")) if home else row[2]: row for row in rows}
        assert all(isinstance(row[3], float | int) and row[3] > 0 for row in rows)
        assert by_url["/principles/confidentiality/"][3] == 1
        assert by_url["/faq/"][3] == by_url["/crisis/"][3] == 1
        assert by_url["/dilemmas/rent-money/"][3] == KINDS["dilemma"].search_weight < 1
        assert by_url["/training/introduction-to-peer-ethics/"][3] == KINDS["training"].search_weight < 1
        assert by_url["/sources/"][3] == by_url["/principles/"][3] == by_url["/"][3] == ABOUT_THE_HANDBOOK
        for page in ("faq", "glossary"):
            entries = by_url[f"/{page}/"][4]
            built = (site / home / page / "index.html").read_text(encoding="utf-8")
            ids = set(re.findall(r'<h2 id="([^"]+)"', built))
            assert len(entries) == len(ids) > 20, page
            assert {row[1] for row in entries} == ids
            assert all(row[0].strip() for row in entries)
            # each entry's word positions, in Pagefind's count: its heading, then its text, then its aliases
            for row, after in zip(entries, entries[1:] + [None], strict=True):
                _, _, start, head, aliases, end, compounds = row
                assert start < head <= aliases < end, row[:6]
                assert after is None or after[2] == end, "the next entry starts where this one ends"
                assert all(start <= at < end and parts >= 2 for at, parts in compounds)


def test_a_page_sets_its_own_search_weight_in_its_front_matter():
    """Material's front matter `search: {boost: N}` sets a hand-written page's weight, and a bad value leaves the default."""
    from macros.site import ABOUT_THE_HANDBOOK, search_weight_of

    assert search_weight_of({"search": {"boost": 2}}, 1.0) == 2.0
    assert search_weight_of({"search": {"boost": 0.5}}, ABOUT_THE_HANDBOOK) == 0.5
    for bad in ({"search": {"boost": "high"}}, {"search": {"boost": -1}}, {"search": {"boost": True}}, {"search": 3}):
        assert search_weight_of(bad, 1.0) == 1.0, bad
    assert search_weight_of({}, ABOUT_THE_HANDBOOK) == ABOUT_THE_HANDBOOK
