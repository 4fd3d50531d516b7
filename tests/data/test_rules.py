"""Every data rule: it passes on good data and fails with its exact message on a broken fixture."""

from __future__ import annotations

import subprocess
import sys

import pytest

from macros.load import load_handbook
from macros.problems import HandbookError
from tests.build.conftest import fixture_project
from tests.conftest import BROKEN, ROOT, VALID, apply_broken

# rule (a folder in tests/fixtures/broken) -> the exact lines a person sees
EXPECTED = {
    "search-word-leads-nowhere": [
        "data/search-words.yml:6: words[1].means[0]: 'zebra' names no page (it is in no title, summary, alias, question or term): use a word the handbook uses for the thing, or add it to an item's aliases"
    ],
    "analysis-missing-step": [
        "data/dilemmas/the-gift.yml:22: analysis: the analysis must walk every step of the decision model; missing: weigh-it"
    ],
    "analysis-order": [
        "data/dilemmas/the-gift.yml:22: analysis[0].step: steps must follow the decision model's order: expected 'name-it' here, found 'weigh-it'"
    ],
    "bad-setting": [
        "data/dilemmas/the-gift.yml:5: setting: 'comunity' is not allowed (did you mean 'community'?); should be one of: clinic, community, inpatient, rural, online, harm-reduction, justice, reentry, housing, crisis-service, youth-and-family"
    ],
    "cast-name-not-in-story": [
        "data/dilemmas/the-gift.yml:33: cast[1]: 'Bea' does not appear in the story: list only the names the scenario uses"
    ],
    "cast-name-repeated": [
        "data/dilemmas/the-gift.yml:33: cast[0]: the name 'Ana' is already used in the case study 'another-gift'; choose a name no other case uses"
    ],
    "docs-broken-link": [
        "docs/about.md:3: link 'principles/honsty.md' leads to no page (did you mean 'principles/honesty.md'?)",
        "docs/about.md:5: link 'faq.md#no-such-question': the page has no anchor '#no-such-question'",
    ],
    "docs-template-error": [
        "docs/about.md:3: template error: Unexpected end of template. Jinja was looking for the following tags: 'elif' or 'else' or 'endif'. The innermost block that needs to be closed is 'if'; macros are written {{ name() }} and blocks {% if ... %} ... {% endif %}"
    ],
    "docs-unknown-macro": [
        "docs/about.md:5: unknown macro or variable 'crisis_box' (did you mean 'crisis'?); the handbook's macros are: adopted, base_edition, base_title, code_facts, count, counts, crisis, edition, link, offline_download, profile, save_offline, title"
    ],
    "docs-search-boost": [
        "docs/about.md:2: search.boost: search.boost is 'high': write `search: {boost: 2}` with a number above 0 and at most 100 (above 1 ranks the page higher in search, below 1 lower), or `search: {exclude: true}`"
    ],
    "docs-unknown-reference": ["docs/about.md:7: unknown id 'respekt' in [[...]] (did you mean 'respect'?)"],
    "duplicate-id": [
        "data/principles/gifts.yml:2: id: duplicate id 'gifts': already used at data/boundaries/gifts.yml:2; ids are unique across the handbook"
    ],
    "duplicate-key": ["data/principles/respect.yml:5: title: duplicate key 'title' (first given on line 3); keep one"],
    "duplicate-sub-id": [
        "data/dilemmas/the-gift.yml:18: options[1].id: duplicate id 'accept' inside this item (first at options[0].id); each anchor must be unique"
    ],
    "empty-file": ["data/principles/respect.yml: file is empty: fill it in, or delete it"],
    "id-differs-from-file-name": [
        "data/principles/respect.yml:2: id: id 'respekt' differs from the file name 'respect.yml': rename the file to respekt.yml or change the id"
    ],
    "impossible-date": [
        "data/timeline.yml:4: events[0].date: '2013-13-45' is not a real date: there is no month 13; write YYYY-MM-DD"
    ],
    "impossible-date-unquoted": [
        "data/timeline.yml:4: events[0].date: '2013-13-45' is not a real date: there is no month 13; write YYYY-MM-DD"
    ],
    "invalid-id": [
        "data/principles/Respect_Page.yml:2: id: 'Respect_Page' is not a valid id: use lowercase letters, digits and single hyphens, e.g. 'respect-page'"
    ],
    "link-word-twice": [
        "data/glossary.yml:11: terms[1].link_words[0]: 'Boundary' already links to the term 'boundary-defined'; a word can link to one term only"
    ],
    "lock-damaged": [
        "content.lock.json:14: not valid JSON: Unterminated string starting at; restore it with `git checkout content.lock.json` (it is written by `handbook release`, never by hand)"
    ],
    "lock-hand-edited": [
        "content.lock.json:5: items.boundary-defined.hash: 'edited by hand' is not a content hash; restore it with `git checkout content.lock.json` (it is written by `handbook release`, never by hand)"
    ],
    "malformed-yaml": [
        "data/principles/respect.yml:4: not valid YAML: this line is indented further than the line above, so YAML reads it as more of that line's text: line it up (with spaces) with the fields around it"
    ],
    "missing-field": ["data/principles/respect.yml:2: why: required field is missing"],
    "no-example": ["data/principles/respect.yml:13: examples: needs at least 1 entry, has 0"],
    "not-a-mapping": [
        "data/principles/respect.yml:2: file must hold a list of `name: value` lines, not a list of items or a single value"
    ],
    "not-fictional": ["data/dilemmas/the-gift.yml:6: fictional: must be true"],
    "not-utf8": ["data/principles/respect.yml:5: file is not UTF-8 text: save it as UTF-8"],
    "one-principle-dilemma": ["data/dilemmas/the-gift.yml:9: principles: needs at least 2 entries, has 1"],
    "principle-number-taken": [
        "data/principles/respect.yml:4: order: principle number 1 is already taken by 'honesty' (data/principles/honesty.yml:4); give each principle its own number"
    ],
    "profile-unknown-reference": [
        "data/profile.yml:8: crisis.note: unknown id 'honsety' in [[...]] (did you mean 'honesty'?)"
    ],
    "quiz-duplicate-option": [
        "data/training/intro.yml:38: quiz[0].options[1].id: two options of this question have the id 'a' (first at options[0]); give each its own"
    ],
    "quiz-no-correct-answer": [
        "data/training/intro.yml:37: quiz[0].options: no option is marked `correct: true`: mark the right answer (or answers)"
    ],
    "quiz-unknown-id-in-feedback": [
        "data/training/intro.yml:38: quiz[0].options[1].feedback: unknown id 'giftz' in [[...]] (did you mean 'gifts'?)"
    ],
    "raw-html": [
        "data/principles/respect.yml:9: why: raw HTML is not allowed in text (found '<b'); write Markdown instead"
    ],
    "reserved-sub-id": [
        "data/dilemmas/the-gift.yml:18: options[1].id: 'options' is a section name of the page; choose another id, e.g. 'the-gift-options'"
    ],
    "role-without-brief": ["data/training/intro.yml:26: role_plays[0].roles[1].brief: required field is missing"],
    "stray-file": [
        "data/notes.yml: not a known data file; data/ holds: principles/<id>.yml, boundaries/<id>.yml, dilemmas/<id>.yml, training/<id>.yml, faq.yml, glossary.yml, sources.yml, timeline.yml, decision-model.yml, profile.yml, changelog.yml, search-words.yml, courses.yml"
    ],
    "tab-in-yaml": [
        "data/principles/respect.yml:3: not valid YAML: this line holds a tab character; YAML indents with spaces: replace the tab with spaces"
    ],
    "timing-mismatch": [
        "data/training/intro.yml:6: duration_minutes: the agenda's timings add up to 35 minutes, but duration_minutes is 30: make them agree"
    ],
    "unknown-anchor": [
        "data/principles/respect.yml:9: why: 'the-gift' has no anchor 'refuse'; it has: accept, decline, q-accept"
    ],
    "unknown-field": ["data/principles/respect.yml:5: sumary: unknown field 'sumary' (did you mean 'summary'?)"],
    "unknown-reference": ["data/principles/respect.yml:18: related[0]: unknown id 'honsety' (did you mean 'honesty'?)"],
    "unknown-source": ["data/principles/respect.yml:19: sources[0]: unknown id 'code-z' (did you mean 'code-a'?)"],
    "unquoted-colour": [
        "data/profile.yml:11: colors.primary: should be text, not nothing: YAML reads everything from # on as a comment, so 'primary' is empty; put the value in double quotes: primary: \"#0b3d5c\""
    ],
    "unsafe-link": [
        "data/principles/respect.yml:9: why: link 'javascript:alert(1' is not allowed: link handbook items as [[id]], other sites with https://"
    ],
    "wrong-kind-reference": [
        "data/principles/respect.yml:18: related[0]: 'gifts' is a boundary topic; this field takes a principle"
    ],
    "wrong-type": ["data/principles/respect.yml:6: summary: should be text, not a list"],
    "yaml-alias": [
        "data/principles/respect.yml:6: YAML anchors and aliases (&name, *name) are not allowed here: write the value out in full"
    ],
    "i18n-unknown-id": [
        "data/i18n/es/principles/respekt.yml:2: id: unknown id 'respekt': no principle has this id (did you mean 'respect'?): delete the file, or name it after an existing principle",
    ],
    "i18n-missing-sub-item": [
        "data/i18n/es/principles/respect.yml:2: examples: missing: translate each example of the English, with its id (using-names)",
    ],
    "i18n-extra-sub-item": [
        "data/i18n/es/principles/respect.yml:10: commitments: 'be-kind' is not a commitment of the English (its ids: treat-people-respect)",
    ],
    "i18n-page-broken-link": [
        "docs/es/about.md:8: link 'preguntas.md' leads to no page (did you mean 'print.md'?)",
    ],
    "i18n-unknown-link": [
        "data/i18n/es/principles/respect.yml:10: why: [[honsety]]: unknown id (did you mean 'honesty'?)",
        "data/i18n/es/principles/respect.yml:10: why: the links must be the English's: not in the English [[honsety]]",
    ],
    "i18n-hash-matches-nothing": [
        "data/i18n/es/principles/respect.yml:3: source_hash: '0123456789abcdef' matches no English version of 'respect' (today's English: b8bc588869472a8f); set it to the hash of the English you translated from (`handbook translations` lists them)",
    ],
    "i18n-still-english": [
        "data/i18n/es/principles/respect.yml:10: why: this still reads as English: translate it, or delete the field to show the English under a notice",
    ],
    "i18n-avoided-term": [
        "data/i18n/es/principles/respect.yml:10: why: 'soporte de pares': the terminology list (data/i18n/es/terms.yml) says 'apoyo entre pares' for 'peer support'",
    ],
    "i18n-unknown-field": [
        "data/i18n/es/principles/respect.yml:5: order: is not translated (it stays as in the English): remove it; translatable here: title, summary, commitments, why, in_practice, examples, aliases",
    ],
    "i18n-language-not-listed": [
        "data/i18n/fr: no language 'fr' in data/i18n/languages.yml: add a line `fr: <its name>` there, or remove the folder",
    ],
    "yaml-extension": ["data/principles/kindness.yaml: rename to kindness.yml: data files end in .yml"],
}


def problems_of(root) -> list[str]:
    """What `handbook check` reports for the handbook at root: the data, the overlay and the site's own pages."""
    from macros.cli import check_all

    # The fixtures hold data and pages, no site configuration (tests/build checks mkdocs.yml and the theme).
    handbook, problems, _ = check_all(root, use_cache=False, configuration=False)
    errors = [str(p) for p in sorted(problems) if not p.warning]
    assert errors, "the check passed"
    return errors


def test_every_broken_fixture_has_an_expected_message():
    """Each rule's fixture is listed here, and each listed rule has a fixture."""
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


def test_valid_fixture_passes():
    """The small valid handbook loads with no problem and no warning."""
    handbook = load_handbook(VALID)
    assert handbook.counts()["principle"] == 2
    assert handbook.warnings == ()


def test_real_data_passes():
    """Every rule passes on the handbook's own data."""
    handbook = load_handbook(ROOT)
    assert handbook.counts()["principle"] >= 3


@pytest.mark.parametrize("rule", sorted(EXPECTED))
def test_rule_fails_with_its_message(handbook_copy, rule):
    """A file broken against one rule is refused with exactly the message for that rule."""
    apply_broken(handbook_copy, rule)
    assert problems_of(handbook_copy) == EXPECTED[rule]


def test_several_megabyte_file_is_refused(handbook_copy):
    """A data file over 1 MB is refused before it is parsed."""
    big = handbook_copy / "data" / "principles" / "respect.yml"
    big.write_text("# padding\n" * 300_000, encoding="utf-8")
    assert problems_of(handbook_copy) == [
        "data/principles/respect.yml: file is 3.0 MB; the limit is 1 MB: split it or remove what does not belong"
    ]


def test_missing_required_file(handbook_copy):
    """A handbook without a sources file says which file is missing."""
    (handbook_copy / "data" / "sources.yml").unlink()
    assert "data/sources.yml: required file is missing" in problems_of(handbook_copy)


def test_all_problems_at_once(handbook_copy):
    """Problems in several files are all reported, sorted by file, then counted."""
    for rule in ["unknown-reference", "bad-setting", "timing-mismatch"]:
        apply_broken(handbook_copy, rule)
    with pytest.raises(HandbookError) as caught:
        load_handbook(handbook_copy)
    assert caught.value.report().splitlines() == [
        EXPECTED["bad-setting"][0],
        EXPECTED["unknown-reference"][0],
        EXPECTED["timing-mismatch"][0],
        "3 problems found in data/; nothing was built.",
    ]


def test_check_command_reports_and_exits_nonzero(tmp_path):
    """`handbook check` prints the same lines and a count, and exits 1, with no traceback."""
    project = fixture_project(tmp_path / "project")  # with the site's configuration, as a real handbook has
    apply_broken(project, "unknown-field")
    run = subprocess.run([sys.executable, "-m", "macros.cli", "check"], cwd=project, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [EXPECTED["unknown-field"][0], "1 problem found in data/; nothing was built."]
    assert "Traceback" not in run.stderr + run.stdout


def test_check_command_counts_good_data(tmp_path):
    """On good data, `handbook check` prints one line of counts by kind."""
    project = fixture_project(tmp_path / "project")
    run = subprocess.run([sys.executable, "-m", "macros.cli", "check"], cwd=project, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == (
        "ok: 2 principles, 1 boundary topic, 1 case study, 1 training module, 1 FAQ entry, "
        "1 glossary term, 2 sources, 1 timeline event, 3 decision-model steps"
    )
