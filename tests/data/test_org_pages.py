"""An organization's own pages: the profile's nav, addresses, generated pages, and the base pages it replaces."""

from __future__ import annotations

from macros.load import load_handbook
from tests.data.conftest import problems_of


def warnings_of(root) -> list[str]:
    return [str(w) for w in load_handbook(root).warnings]


def add_nav(root, lines: str) -> None:
    profile = root / "org" / "profile.yml"
    profile.write_text(profile.read_text(encoding="utf-8") + "nav:\n" + lines, encoding="utf-8")


def test_nav_naming_a_missing_page_or_one_page_twice_is_refused(with_org):
    """A profile nav entry for a page that does not exist, or a page placed twice, is an error on its line."""
    (with_org / "org" / "docs" / "our-team.md").write_text("# Our team\n\nWho we are.\n", encoding="utf-8")
    add_nav(with_org, "  - page: our-tem.md\n    title: Team\n  - page: our-team.md\n  - page: our-team.md\n")
    problems = problems_of(with_org)
    assert "org/profile.yml:17: nav[0].page: 'our-tem.md' is not a page in org/docs/ (did you mean 'our-team.md'?)" in (
        problems
    )
    assert "org/profile.yml:20: nav[2].page: 'our-team.md' is already placed at line 19: keep one entry" in problems


def test_two_pages_at_one_address_are_refused(with_org):
    """Two organization pages whose names differ only in capitals would share an address: an error naming both."""
    (with_org / "org" / "docs" / "Our-Team.md").write_text("# A\n", encoding="utf-8")
    (with_org / "org" / "docs" / "our-team.md").write_text("# B\n", encoding="utf-8")
    assert problems_of(with_org) == [
        "org/docs/our-team.md:1: this page and org/docs/Our-Team.md would have the same address (/our-team/): "
        "rename one of them"
    ]


def test_a_page_cannot_replace_a_page_made_from_the_data(with_org):
    """An organization page named like a generated page (the FAQ) is refused, saying how to change what it shows."""
    (with_org / "org" / "docs" / "faq.md").write_text("# Our FAQ\n", encoding="utf-8")
    [problem] = problems_of(with_org)
    assert problem.startswith("org/docs/faq.md:1: 'faq.md' is a page made from the data")
    assert "org/change/" in problem and "another name" in problem


def test_replaced_base_page_records_the_version_it_copied(with_org):
    """Replacing a base page warns until replaces: names its version, again when the base changes, and when it is gone."""
    (with_org / "docs").mkdir()
    (with_org / "docs" / "about.md").write_text("# About\n\nThe base's words.\n", encoding="utf-8")
    mine = with_org / "org" / "docs" / "about.md"
    mine.write_text("# About us\n", encoding="utf-8")
    [first] = warnings_of(with_org)
    assert first.startswith(
        "org/docs/about.md:1: warning: replaces: replaces the base page docs/about.md: add `replaces: "
    )
    version = first.split("`replaces: ")[1].split("`")[0]
    mine.write_text(f"---\nreplaces: {version}\n---\n# About us\n", encoding="utf-8")
    assert warnings_of(with_org) == []
    (with_org / "docs" / "about.md").write_text("# About\n\nThe base's new words.\n", encoding="utf-8")
    [changed] = warnings_of(with_org)
    assert f"has changed since you replaced it (you copied version {version}" in changed
    (with_org / "docs" / "about.md").unlink()
    [gone] = warnings_of(with_org)
    assert "the base has no page about.md any more" in gone and "remove `replaces:`" in gone


def test_retiring_an_id_that_names_nothing_says_how_to_fix_it(with_org):
    """A retire entry for an id no item has is an error on its line, with what an id is and what to do."""
    (with_org / "org" / "retire.yml").write_text(
        "retired:\n  - id: no-such-item\n    reason: Because.\n", encoding="utf-8"
    )
    [problem] = problems_of(with_org)
    assert problem.startswith("org/retire.yml:2: retired[0].id: unknown id 'no-such-item': no item has this id")
    assert "or remove the reference" in problem
