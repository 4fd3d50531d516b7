"""The whole adoption path, as an organization walks it with the guide, in temporary git clones.

An "upstream" repository holds the handbook; the organization forks it (a git
clone), makes its folder from the worked example as the guide says, brands it,
adds, changes and retires items, adds a page, and releases its own edition,
tagged with its own prefix. Upstream then renames an item and releases a new
base edition; the organization merges it, reads what the check tells it,
looks at what changed upstream, upgrades its folder, builds its site and
releases its next edition. Each step asserts what the organization would see.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.build.conftest import mkdocs_build
from tests.build.test_editions_keep_links import record, release, rename
from tests.conftest import CLEAN_ENV, ROOT, base_edition, next_edition

BASE = base_edition()  # the base edition the organization adopts
NEXT = next_edition(BASE)  # the one upstream then releases, with a rename

GIT = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "t@t"}


def git(cwd, *args) -> str:
    run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT})
    assert run.returncode == 0, f"git {' '.join(args)}: {run.stdout}{run.stderr}"
    return run.stdout


def handbook(cwd, *args) -> subprocess.CompletedProcess:
    """The `handbook` command of that clone's own engine, as the organization runs it there."""
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=300
    )


def ok(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def upstream(tmp_path):
    """The handbook as its maintainers publish it: every file git would commit from this checkout."""
    repo = tmp_path / "upstream"
    listed = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard").splitlines()
    for name in listed:
        src = ROOT / name
        if src.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The handbook")
    git(repo, "tag", f"v{BASE}")
    return repo


def test_an_organization_adopts_releases_takes_a_rename_and_upgrades(upstream, tmp_path):
    """Fork, brand, add, change, retire a cited case, add a page, release, merge a base rename, upgrade, build."""
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    org = fork / "org"

    # Step 2 of the guide: the profile starts as a copy of the worked example's.
    org.mkdir()
    for name in ("profile.yml", "logo.svg"):
        shutil.copy(fork / "examples" / "riverside" / name, org / name)
    edit(org / "profile.yml", "example: true", "example: false")
    refused = handbook(fork, "check")
    assert refused.returncode == 1
    assert "still holds a placeholder ('riverside-peers.example')" in refused.stderr

    # ...and the organization fills in its own details and colours.
    text = (org / "profile.yml").read_text(encoding="utf-8")
    text = text.replace("riverside-peers.example", "lakeside-peer-collective.org").replace("Riverside", "Lakeside")
    text = text.replace("short_name: RPN", "short_name: LPC").replace("Alder County", "Birch County")
    text = text.replace('primary: "#1f4e79"', 'primary: "#2d4a22"')
    (org / "profile.yml").write_text(text, encoding="utf-8")
    # The example's text links to a principle only the example adds: the check says so and how to fix it.
    unknown = handbook(fork, "check")
    assert unknown.returncode == 1
    assert "org/profile.yml:45: raise_concern: unknown id 'community-accountability'" in unknown.stderr
    assert "or remove the reference" in unknown.stderr
    edit(org / "profile.yml", "[[community-accountability]] and [[grievance]]", "[[grievance]]")
    assert "ok:" in ok(handbook(fork, "check"))

    # Step 3: add a case of its own, starting from the skeleton `handbook new --org` writes.
    said = ok(handbook(fork, "new", "--org", "dilemma", "a-ride-to-the-food-bank"))
    skeleton = org / "add" / "dilemmas" / "a-ride-to-the-food-bank.yml"
    assert "wrote org/add/dilemmas/a-ride-to-the-food-bank.yml" in said
    assert skeleton.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../schemas/dilemma.schema.json"
    )
    assert "still says TODO" in handbook(fork, "check").stderr
    base_case = (fork / "data" / "dilemmas" / "rides-in-my-car.yml").read_text(encoding="utf-8")
    own_case = base_case.replace("id: rides-in-my-car", "id: a-ride-to-the-food-bank")
    own_case = own_case.replace("Joaquín", "Ottoline").replace("Betty", "Priyanka")  # each case has its own people
    skeleton.write_text(own_case, encoding="utf-8")

    # ...change a rule, retire a case that other items cite, and add a page of its own.
    (org / "change").mkdir()
    (org / "change" / "gifts.yml").write_text(
        "# Stricter than the base: approved by our board.\nid: gifts\n"
        "summary: At Lakeside, staff accept no gifts of any kind, only thanks.\n",
        encoding="utf-8",
    )
    (org / "retire.yml").write_text(
        "retired:\n  - id: medication-in-a-sober-house\n"
        "    reason: We run no recovery housing, so this case does not fit our work.\n"
        "    see: [referral-fee-from-a-recovery-home]\n",
        encoding="utf-8",
    )
    (org / "docs").mkdir()
    (org / "docs" / "about-us.md").write_text(
        "# About Lakeside\n\nWe are a peer-run collective. Our gift rule: [[gifts]].\n", encoding="utf-8"
    )
    with open(org / "profile.yml", "a", encoding="utf-8") as profile:
        profile.write("nav:\n  - page: about-us.md\n    section: About\n")
    checked = ok(handbook(fork, "check"))
    assert "'medication-in-a-sober-house' is still cited in" in checked
    assert "docs/where-codes-differ.md" in checked and "which you retire (org/retire.yml:2)" in checked

    # Step 6: its own edition, tagged with its own prefix.
    said = ok(handbook(fork, "release", "--org", "1.0"))
    assert "git tag lpc-v1.0" in said
    for name in ("changelog.yml", "content.lock.json", "base-reviewed.json.gz"):
        assert (org / name).exists(), name
    assert ok(handbook(fork, "info", "tag_prefix")).strip() == "lpc-v"
    edit(org / "changelog.yml", "TODO: say what this edition of our code brings.", "Our first code.")
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Our code, edition 1.0")
    git(fork, "tag", "lpc-v1.0")

    # Upstream renames an item and releases the next base edition.
    rename(upstream, "gifts", "gifts-and-favours", "boundaries")
    record(upstream, ("gifts", "gifts-and-favours"))
    release(upstream, NEXT)
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", f"Edition {NEXT}")
    git(upstream, "tag", f"v{NEXT}")

    # Step 7: the organization takes the new edition: the merge is clean, the check says what to do.
    merged = subprocess.run(
        ["git", "pull", "-q", "--no-rebase", "--tags", "origin", "main"],
        cwd=fork,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT},
    )
    assert merged.returncode == 0 and "CONFLICT" not in merged.stdout, merged.stdout + merged.stderr
    tags = git(fork, "tag").split()
    assert {f"v{BASE}", f"v{NEXT}", "lpc-v1.0"} <= set(tags)
    told = handbook(fork, "check")
    assert told.returncode == 1
    assert (
        f"org/change/gifts.yml:2: id: 'gifts' was renamed to 'gifts-and-favours' in base edition {NEXT}: "
        "write `id: gifts-and-favours` and name the file gifts-and-favours.yml" in told.stderr
    )
    assert "org/docs/about-us.md:3: unknown id 'gifts' in [[...]]: renamed to 'gifts-and-favours'" in told.stderr
    assert "`handbook upgrade` shows this edit" in told.stderr
    upstream_report = ok(handbook(fork, "upstream"))
    assert f"What changed in the base since edition {BASE}" in upstream_report
    assert f"Renamed in the base: Gifts (gifts) -> 'gifts-and-favours' in edition {NEXT}  [you change its summary]" in (
        upstream_report
    )

    # handbook upgrade shows the edit, writes nothing; with --write it follows the rename (git keeps the original).
    before = {p: p.read_bytes() for p in org.rglob("*") if p.is_file()}
    shown = ok(handbook(fork, "upgrade"))
    assert "+id: gifts-and-favours" in shown and "nothing was written" in shown
    assert {p: p.read_bytes() for p in org.rglob("*") if p.is_file()} == before
    assert "git holds the original" in ok(handbook(fork, "upgrade", "--write"))
    assert (org / "change" / "gifts-and-favours.yml").exists() and not (org / "change" / "gifts.yml").exists()
    assert "[[gifts-and-favours]]" in (org / "docs" / "about-us.md").read_text(encoding="utf-8")
    assert "ok:" in ok(handbook(fork, "check"))

    # The site builds, as the organization's own code on the new base edition.
    site = tmp_path / "site"
    run = mkdocs_build(fork, site, env={**CLEAN_ENV, "SITE_URL": "https://lakeside.example.org/code/"})
    assert run.returncode == 0, run.stderr[-3000:]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Lakeside Peer Network Code of Ethics" in home
    assert f"based on base edition {NEXT} of the Peer Support Ethics Handbook" in home
    about_us = (site / "about-us" / "index.html").read_text(encoding="utf-8")
    assert "About Lakeside" in about_us and "../boundaries/gifts-and-favours/" in about_us
    retired = (site / "dilemmas" / "medication-in-a-sober-house" / "index.html").read_text(encoding="utf-8")
    assert "We run no recovery housing" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", retired))
    assert "(retired)" in (site / "where-codes-differ" / "index.html").read_text(encoding="utf-8")
    upstream_page = (site / "upstream" / "index.html").read_text(encoding="utf-8")
    assert "gifts-and-favours" in upstream_page and "Renamed in the base" in upstream_page

    # Its next edition records what the base changed.
    ok(handbook(fork, "release", "--org", "1.1"))
    log = (org / "changelog.yml").read_text(encoding="utf-8")
    assert f"base_edition: '{NEXT}'" in log and f"Renamed in base edition {NEXT}." in log
    assert f"The base has not changed since edition {NEXT}" in ok(handbook(fork, "upstream"))
