"""An organization's overlay: added, changed and retired items, its profile, and its errors."""

from __future__ import annotations

import datetime
import shutil

import pytest

from macros.load import load_handbook
from tests.conftest import FIXTURES
from tests.data.conftest import problems_of


def test_overlay_adds_changes_and_retires(with_org):
    """Items are added, fields replaced and items retired by id, without touching data/."""
    hb = load_handbook(with_org)
    assert hb["kindness"].origin == "added"
    assert hb["gifts"].origin == "changed"
    assert hb["gifts"].data["summary"] == "We accept no gifts at all, not even small ones."
    assert hb["gifts"].data["questions"] == ("Whose need does this meet?",)  # untouched fields stay
    assert "boundary-defined" not in hb.items and hb.retired["boundary-defined"].title == "Boundary"
    assert hb.overlay.changed["gifts"]["fields"] == ("summary", "range")
    assert hb.profile["handbook_title"] == "Hillside Code of Ethics"
    assert hb.base_profile["handbook_title"] == "Fixture Handbook"
    assert hb.profile["crisis"]["name"] == "Test Line"  # from the base, not overridden


def test_environment_variable_chooses_the_folder(handbook_copy, monkeypatch):
    """HANDBOOK_ORG points a check or build at another overlay folder."""
    monkeypatch.setenv("HANDBOOK_ORG", str(FIXTURES / "org"))
    assert load_handbook(handbook_copy).profile["name"] == "Hillside Peer Collective"
    monkeypatch.setenv("HANDBOOK_ORG", "no/such/folder")
    assert problems_of(handbook_copy) == ["no/such/folder: HANDBOOK_ORG names a folder that does not exist"]


def test_without_overlay_the_base_is_built(handbook_copy, monkeypatch):
    """With no org/ folder the base handbook is loaded as it is."""
    monkeypatch.delenv("HANDBOOK_ORG", raising=False)
    hb = load_handbook(handbook_copy)
    assert hb.overlay is None and hb.retired == {}


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_change_of_unknown_id(with_org):
    """A change file naming an id the base does not have is refused with a suggestion."""
    edit(with_org / "org/change/gifts.yml", "id: gifts", "id: giftz")
    assert problems_of(with_org) == [
        "org/change/gifts.yml:2: id: unknown id 'giftz' (did you mean 'gifts'?): a change file can only change an item of the base handbook"
    ]


def test_change_of_unknown_field(with_org):
    """A change file setting a field the kind does not have is refused, naming the allowed fields."""
    edit(with_org / "org/change/gifts.yml", "summary:", "sumary:")
    assert problems_of(with_org) == [
        "org/change/gifts.yml:3: sumary: unknown field 'sumary' for boundary topic 'gifts' (did you mean 'summary'?)"
    ]


def test_change_with_a_wrong_shape_points_at_the_overlay(with_org):
    """A changed field of the wrong shape is reported at its line in the overlay file."""
    edit(with_org / "org/change/gifts.yml", "  not_fine: [Any gift card, cash or cookies.]\n", "")
    assert problems_of(with_org) == ["org/change/gifts.yml:5: range.not_fine: required field is missing"]


def test_two_files_change_the_same_field(with_org):
    """Two change files replacing the same field of one item are refused."""
    (with_org / "org/change/gifts-too.yml").write_text("id: gifts\nsummary: Another summary.\n", encoding="utf-8")
    assert problems_of(with_org) == [
        "org/change/gifts.yml:3: summary: 'gifts' summary is also changed by org/change/gifts-too.yml:2; keep the change in one file"
    ]


def test_retiring_an_item_still_cited_is_allowed_and_names_every_citing_place(with_org):
    """Retiring a cited item is allowed, with a warning at each citing place, and its citations link to the retired page."""
    from macros.site import build_site
    from macros.urls import Urls

    edit(with_org / "org/retire.yml", "id: boundary-defined", "id: the-gift")
    hb = load_handbook(with_org)
    warnings = [str(w) for w in sorted(hb.warnings) if "retire" in w.message]
    cite = "cites 'the-gift', which you retire (org/retire.yml:3): the link now leads to its retired page, which says why and where to look instead; to drop the citation, give 'intro' a new"
    assert warnings == [
        f"data/training/intro.yml:18: warning: agenda[1].activity: {cite} `agenda` (the whole field) in org/change/intro.yml",
        f"data/training/intro.yml:19: warning: agenda[1].items[0]: {cite} `agenda` (the whole field) in org/change/intro.yml",
        f"data/training/intro.yml:23: warning: role_plays[0].dilemma: {cite} `role_plays` (the whole field) in org/change/intro.yml",
        f"data/training/intro.yml:32: warning: handouts[0]: {cite} `handouts` (the whole field) in org/change/intro.yml",
        "org/retire.yml:3: warning: retired[0].id: 'the-gift' is still cited in 4 places (listed as warnings above): each citation now links to its retired page; you may keep them, or change the citing fields",
    ]
    site = build_site(hb, Urls("https://example.org/", True), [])
    pages = {src: page.markdown for src, page in site.pages.items()}
    assert "[The gift (retired)](../dilemmas/the-gift.md)" in pages["training/intro.md"]
    assert "Retired by" in pages["dilemmas/the-gift.md"]


def test_retired_items_that_pages_show_the_summary_or_title_of_still_render(with_org):
    """A retired principle another principle lists as related, and a retired source an item cites, leave every page rendering: each shows the retired item, whose page says why."""
    from macros.site import build_site
    from macros.urls import Urls

    retire = with_org / "org/retire.yml"
    retire.write_text(
        retire.read_text(encoding="utf-8")
        + "  - id: respect\n    reason: Our code folds it into honesty.\n"
        + "  - id: code-a\n    reason: We cite our state's code instead.\n",
        encoding="utf-8",
    )
    hb = load_handbook(with_org)
    assert {"respect", "code-a"} <= set(hb.overlay.retired)
    site = build_site(hb, Urls("https://example.org/", True), [])
    pages = {src: page.markdown for src, page in site.pages.items() if page.generated}
    assert "(retired)" in pages["principles/honesty.md"] and "respect.md" in pages["principles/honesty.md"]


def test_colour_that_is_not_a_colour(with_org):
    """A profile colour that is not #rrggbb is refused with an example."""
    edit(with_org / "org/profile.yml", '"#1f4e79"', "blue")
    assert problems_of(with_org) == [
        "org/profile.yml:8: colors.primary: 'blue' is not a colour: write it as #rrggbb in quotes, e.g. \"#1f4e79\""
    ]


def test_colour_too_light_for_the_header(with_org):
    """A header colour too light for white text is refused with its contrast ratio."""
    edit(with_org / "org/profile.yml", '"#1f4e79"', '"#88ccff"')
    assert problems_of(with_org) == [
        "org/profile.yml:8: colors.primary: '#88ccff' is too light for white text (contrast 1.7:1, needs 4.5:1): choose a darker colour"
    ]


def test_missing_logo_file(with_org):
    """A profile logo that does not exist next to the profile is refused."""
    (with_org / "org/logo.svg").unlink()
    assert problems_of(with_org) == [
        "org/profile.yml:6: logo: logo file 'logo.svg' not found next to the profile: put the image in the folder of the profile"
    ]


@pytest.mark.parametrize(
    "name, content, says",
    [
        ("/etc/hostname", None, "is outside the organization's folder"),
        ("../mkdocs.yml", None, "is outside the organization's folder"),
        ("notes.txt", b"hello", "is not an image the site can show"),
        ("logo.png", b"<svg></svg>", "is not a PNG image"),
        ("logo.svg", b"plain text", "is not an SVG image"),
        ("logo.svg", b"<svg><script>alert(1)</script></svg>", "holds a script"),
        ("logo.svg", b'<svg><image href="https://cdn.example/x.png"/></svg>', "loads something from another site"),
        (
            "logo.svg",
            b"<svg><style>@import url(//fonts.example/f.css);</style></svg>",
            "loads something from another site",
        ),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * 600_000, "the limit is 512 KB"),
    ],
)
def test_logo_must_be_a_small_plain_image_in_the_folder(with_org, name, content, says):
    """The logo is published as it is, so it must be a small image inside org/ that runs and fetches nothing."""
    if content is not None:
        (with_org / "org" / name).write_bytes(content)
        if name != "logo.svg":
            (with_org / "org/logo.svg").unlink()
    edit(with_org / "org/profile.yml", "logo: logo.svg", f"logo: {name}")
    found = [p for p in problems_of(with_org) if "logo" in p]
    assert len(found) == 1 and found[0].startswith("org/profile.yml:6: logo: ") and says in found[0], found


def test_placeholder_left_in_the_profile(with_org):
    """A placeholder address left in a real organization's profile is refused."""
    edit(with_org / "org/profile.yml", "example: true", "example: false")
    edit(with_org / "org/profile.yml", "ethics@hillside.example", "ethics@example.org")
    assert [p for p in problems_of(with_org) if ": warning: " not in p] == [
        "org/profile.yml:12: contact.email: still holds a placeholder ('@example.org'): fill in your organization's own contact.email"
    ]


def test_example_domain_is_a_placeholder(with_org):
    """A contact at a .example address stands in for a real one: a real organization's check refuses it."""
    edit(with_org / "org/profile.yml", "example: true", "example: false")
    assert [p for p in problems_of(with_org) if ": warning: " not in p] == [
        "org/profile.yml:12: contact.email: still holds a placeholder ('hillside.example'): fill in your organization's own contact.email"
    ]


def test_real_profile_without_site_url_is_warned(with_org):
    """A real organization's profile without site_url gets a warning: its links would carry the base's address."""
    edit(with_org / "org/profile.yml", "example: true", "example: false")
    assert any("warning: site_url: no `site_url`" in p for p in problems_of(with_org))
    edit(with_org / "org/profile.yml", "example: false", "example: false\nsite_url: https://ethics.hillside.org/")
    assert not any("site_url" in p for p in problems_of(with_org))


def test_review_date_passed_is_a_warning(with_org):
    """A next review date in the past is a warning, not an error."""
    hb = load_handbook(with_org, today=datetime.date(2028, 1, 1))
    assert [str(w) for w in hb.warnings] == [
        "org/profile.yml:15: warning: next_review: the review date 2027-12-01 has passed: review the code and set the next date"
    ]


def test_unknown_file_in_the_overlay(with_org):
    """A file the overlay does not know is reported with the list of what org/ holds."""
    (with_org / "org/notes.yml").write_text("x: 1\n", encoding="utf-8")
    assert problems_of(with_org) == [
        "org/notes.yml: not a known overlay file; org/ holds: profile.yml, a logo file, add/ (same layout as data/), change/<name>.yml, retire.yml, docs/ (pages of your own), changelog.yml (your own editions), i18n/<lang>/ (your changes and additions in other languages, laid out as data/i18n/<lang>/)"
    ]


def test_added_item_with_a_base_id_is_a_duplicate(with_org):
    """An item the overlay adds with an id the base uses is a duplicate id."""
    shutil.copy(with_org / "org/add/principles/kindness.yml", with_org / "org/add/principles/respect.yml")
    edit(with_org / "org/add/principles/respect.yml", "id: kindness", "id: respect")
    edit(with_org / "org/add/principles/respect.yml", "related: [respect]", "related: [honesty]")
    assert problems_of(with_org) == [
        "org/add/principles/respect.yml:2: id: duplicate id 'respect': already used at data/principles/respect.yml:2; ids are unique across the handbook"
    ]
