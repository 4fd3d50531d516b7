"""The Spanish edition as data: translations track the English, and a change to the English shows where it must."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros import i18n
from macros.kinds import KINDS
from macros.load import load_handbook
from macros.site import build_site
from macros.urls import Urls
from tests.conftest import ROOT

KEEP = ("data", "docs", "overrides", "content.lock.json", "mkdocs.yml")


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(ROOT, org_dir=None)


def copy_project(dest: Path) -> Path:
    dest.mkdir()
    for name in KEEP:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, dest / name)
    return dest


def site_of(root: Path):
    handbook = load_handbook(root, org_dir=None)
    return handbook, build_site(handbook, Urls("https://example.org/handbook/"), [])


def cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", "--root", str(root), *args], capture_output=True, text=True, cwd=ROOT
    )


def test_every_translatable_item_has_a_spanish_file(handbook):
    """Every principle, topic, case, module, FAQ entry, term, event and step has its Spanish, made from today's English."""
    spanish = handbook.languages["es"]
    wanted = {i.id for i in handbook.items.values() if i.kind not in i18n.UNTRANSLATED_KINDS}
    assert wanted - set(spanish.items) == set()
    assert [t.id for t in spanish.items.values() if t.status != "current"] == []
    assert set(spanish.docs) == {d.src for d in handbook.docs.values() if not d.src.startswith("es/")}


def test_spanish_keeps_the_english_skeleton(handbook):
    """Each translation has the English item's sub-item ids and [[links]], field by field."""
    from macros.validate import refs_in

    spanish = handbook.languages["es"]
    for item_id, t in spanish.items.items():
        item = handbook[item_id]
        shape = i18n.kind_shape(KINDS[item.kind])
        english = i18n.extract(shape, i18n._plain(item.data)) or {}
        for path, old, new in i18n.changed_fields(KINDS[item.kind], english, i18n._plain(t.prose)):
            if path.split(".")[0].split("[")[0] in i18n.FREE_LISTS:
                continue
            assert sorted(r[:2] for r in refs_in(old)) == sorted(r[:2] for r in refs_in(new)), (item_id, path)
        for sub in KINDS[item.kind].subs:
            theirs = [e["id"] for e in item.data.get(sub.field, ())]
            ours = [e["id"] for e in t.prose.get(sub.field, ())]
            assert sorted(theirs) == sorted(ours), (item_id, sub.field)


def test_key_terms_follow_the_terminology_list(handbook):
    """No Spanish text uses a wording the terminology list says to avoid, and the list's own terms are used."""
    spanish = handbook.languages["es"]
    text = json.dumps([dict(t.prose) for t in spanish.items.values()], ensure_ascii=False).lower()
    for term in spanish.terms:
        for bad in term.get("avoid", ()):
            assert not re.search(r"(?<!\w)" + re.escape(bad.lower()) + r"(?!\w)", text), bad
    used = [t["es"] for t in spanish.terms if t["es"].lower() in text]
    assert len(used) >= 0.8 * len(spanish.terms), f"only {len(used)} of {len(spanish.terms)} terms in use"


def test_spanish_reads_as_spanish(handbook):
    """No translated text reads as English (the check's own rule, over every text of every item)."""
    spanish = handbook.languages["es"]
    english_like = []
    for t in spanish.items.values():
        for path, _, new in i18n.changed_fields(KINDS[t.kind], {}, i18n._plain(t.prose)):
            if i18n.reads_as_english(new):
                english_like.append(f"{t.file}: {path}")
    assert english_like == []


def test_a_changed_english_summary_marks_that_page_only(tmp_path):
    """After an English summary changes, its Spanish page says so, links to the English and shows the word diff; no other page does."""
    root = copy_project(tmp_path / "project")
    gifts = root / "data" / "boundaries" / "gifts.yml"
    text = gifts.read_text(encoding="utf-8")
    gifts.write_text(
        re.sub(r"(?m)^summary: .*(\n  .*)*", "summary: A small thank-you can be fine; ask before you accept.", text),
        encoding="utf-8",
    )
    handbook, site = site_of(root)
    spanish = handbook.languages["es"]
    assert spanish.items["gifts"].status == "stale" and spanish.items["gifts"].translated_from == "1.1"
    stale = [t.id for t in spanish.items.values() if t.status == "stale"]
    assert stale == ["gifts"]
    page = site.pages["es/boundaries/gifts.md"].markdown
    assert "La versión en inglés cambió después de hacerse esta traducción" in page
    assert "(../../boundaries/gifts.md)" in page, "the notice links to the English page"
    assert 'id="what-changed-in-english"' in page and "<ins>fine; ask before</ins>" in page and "<del>" in page
    for src in ("es/boundaries/money-and-loans.md", "es/principles/confidentiality.md", "boundaries/gifts.md"):
        assert "what-changed-in-english" not in site.pages[src].markdown, src
    report = cli(root, "translations")
    assert report.returncode == 0
    assert "1 behind the English" in report.stdout and "data/i18n/es/boundaries/gifts.yml" in report.stdout


def test_a_stale_page_shows_its_english_source_literally_and_passes_the_build_checks(tmp_path):
    """A hand-written page's Spanish behind its English shows the English source's links and macros as text: nothing in the diff runs or links."""
    from macros.sitecheck import _check_generated_links

    root = copy_project(tmp_path / "project")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSee [the FAQ](faq.md) and {{ 6 + 7 }}.\n", encoding="utf-8")
    handbook, site = site_of(root)
    assert handbook.languages["es"].docs["about.md"].status == "stale"
    page = site.pages["es/about.md"].markdown
    diff = page[page.index('id="what-changed-in-english"') : page.index("</details>")]
    assert "<ins>" in diff and "13" not in diff.split("<ins>", 1)[1].split("</ins>", 1)[0]
    assert "](" not in diff and "{{" not in diff and "{%" not in diff, (
        "source marks are written as character references"
    )
    assert "&#91;the FAQ&#93;&#40;faq.md&#41;" in diff and "&#123;&#123; 6 + 7 &#125;&#125;" in diff
    assert _check_generated_links(site) == []


def test_a_release_keeps_the_english_and_lists_stale_translations(tmp_path):
    """`handbook release` writes the edition's English for later word diffs and lists the translations behind it."""
    from tests.conftest import base_edition, next_edition

    root = copy_project(tmp_path / "project")
    faq = (root / "data" / "faq.yml").read_text(encoding="utf-8")
    (root / "data" / "faq.yml").write_text(
        faq.replace("question: Can I accept a gift from", "question: Can I ever accept a gift from", 1),
        encoding="utf-8",
    )
    version = next_edition(base_edition())
    run = cli(root, "release", version)
    assert run.returncode == 0, run.stderr
    assert "translations behind the English (es): 1: can-i-accept-a-gift" in run.stdout
    snapshot = json.loads((root / "data" / "i18n" / "sources" / f"{version}.json").read_text(encoding="utf-8"))
    assert snapshot["items"]["can-i-accept-a-gift"]["prose"]["question"].startswith("Can I ever accept a gift")
    log = (root / "data" / "changelog.yml").read_text(encoding="utf-8")
    assert "translations_behind:" in log and "- can-i-accept-a-gift" in log
    handbook = load_handbook(root, org_dir=None)
    found = handbook.languages["es"].items["can-i-accept-a-gift"]
    assert found.status == "stale" and found.changed_in == version
    assert cli(root, "check").returncode == 0
    _, site = site_of(root)
    notes = site.pages["changes.md"].markdown
    assert "Translations behind the English at this edition (Español): can-i-accept-a-gift" in notes


def test_an_untranslated_item_falls_back_to_english_under_a_notice(tmp_path):
    """Without its Spanish file an item's Spanish page shows the English text under a Spanish notice, never a blank page."""
    root = copy_project(tmp_path / "project")
    (root / "data" / "i18n" / "es" / "dilemmas" / "rent-money.yml").unlink()
    handbook, site = site_of(root)
    page = site.pages["es/dilemmas/rent-money.md"].markdown
    assert "Esta página aún no está traducida" in page
    assert handbook["rent-money"].data["title"] in page
    assert "Esta página aún no está traducida" not in site.pages["es/dilemmas/gift-card-at-goodbye.md"].markdown


def test_translate_writes_a_skeleton_and_never_overwrites(tmp_path):
    """`handbook translate es <id>` writes the item's English to translate with today's hash, and refuses to overwrite."""
    root = copy_project(tmp_path / "project")
    target = root / "data" / "i18n" / "es" / "dilemmas" / "rent-money.yml"
    target.unlink()
    run = cli(root, "translate", "es", "rent-money")
    assert run.returncode == 0, run.stderr
    written = target.read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../../../../schemas/i18n-dilemma.schema.json")
    assert (
        f"source_hash: {i18n.hash_of(load_handbook(root, org_dir=None, translations=False)['rent-money'].data)}"
        in written
    )
    again = cli(root, "translate", "es", "rent-money")
    assert again.returncode == 2 and "never overwritten" in again.stderr
    assert target.read_text(encoding="utf-8") == written
    check = cli(root, "check")
    assert check.returncode == 1 and "this is the English text: translate it" in check.stdout + check.stderr


def test_adding_a_language_is_one_folder_and_one_line(tmp_path):
    """A new language's folder and its line in languages.yml give its pages under its prefix, in English under notices."""
    root = copy_project(tmp_path / "project")
    langs = root / "data" / "i18n" / "languages.yml"
    langs.write_text(langs.read_text(encoding="utf-8") + "  fr: Français\n", encoding="utf-8")
    (root / "data" / "i18n" / "fr").mkdir()
    handbook, site = site_of(root)
    assert "fr/boundaries/gifts.md" in site.pages and "fr/p/gifts/index.html" in site.files
    assert site.counterpart("boundaries/gifts.md", "fr") == "fr/boundaries/gifts.md"


def test_handbook_languages_limits_the_languages_built(handbook, monkeypatch):
    """HANDBOOK_LANGUAGES=en builds the English pages alone (a quicker build); unset, every language is built."""
    urls = Urls("https://example.org/handbook/")
    monkeypatch.setenv("HANDBOOK_LANGUAGES", "en")
    english = build_site(handbook, urls, [])
    assert not [p for p in english.pages if p.startswith("es/")] and "principles/confidentiality.md" in english.pages
    monkeypatch.delenv("HANDBOOK_LANGUAGES")
    assert "es/principles/confidentiality.md" in build_site(handbook, urls, []).pages
