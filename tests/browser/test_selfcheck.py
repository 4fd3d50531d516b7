"""The web self-check of a training module (docs/assets/selfcheck.js), used as a reader uses it.

The questions, their right answers and every option's feedback come from the module's data
(data/training/<id>.yml), so the tests check the page against the source, not against the
markup the script reads. Each test gets a fresh browser context: an empty localStorage, as
on a first visit.
"""

from __future__ import annotations

import re

import pytest

from macros.load import load_handbook
from tests.conftest import ROOT

from .conftest import ARTIFACTS, DESKTOP, PHONE, goto, new_context

pytestmark = pytest.mark.browser

MODULE = "boundaries-in-practice"
PAGE = f"training/{MODULE}/"
KEY = f"hb-selfcheck:{MODULE}"
LETTERS = "abcdefgh"


def plain(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def quiz():
    """The module's questions from its data: a list of dicts with id, text, options (id, correct, feedback)."""
    questions = list(load_handbook(ROOT).find(MODULE).data["quiz"])
    assert len(questions) >= 8
    return questions


def first(quiz, multiple: bool):
    """The first question with one right answer (or with several), whose feedback is plain text."""
    for q in quiz:
        rights = [o for o in q["options"] if o["correct"]]
        if (len(rights) > 1) == multiple and not any(re.search(r"[\[\]*_`]", o["feedback"]) for o in q["options"]):
            return q
    raise AssertionError(f"{MODULE} has no {'multiple' if multiple else 'single'}-answer question with plain feedback")


@pytest.fixture
def context(browser):
    context = new_context(browser, "light", DESKTOP)
    yield context
    context.close()


@pytest.fixture
def page(context, served_site):
    page = context.new_page()
    goto(page, served_site.url(PAGE))
    page.wait_for_selector(".hb-selfcheck.hb-sc-ready")
    yield page
    page.close()


def option(page, qid: str, index: int):
    return page.locator(f"#{qid} ol.hb-sc-options > li").nth(index)


def answer(page, q: dict, indexes) -> None:
    """Choose the options at indexes (with the mouse) and press "Check my answer"."""
    for i in indexes:
        option(page, q["id"], i).locator("label").click()
    page.locator(f"#{q['id']} button.hb-sc-check").click()


def status(page, qid: str) -> str:
    return plain(page.locator(f"#{qid} .hb-sc-group > [role=status]").text_content())


def result(page, qid: str, index: int) -> str:
    return plain(option(page, qid, index).locator(".hb-sc-result").text_content())


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), type: e.type || '', cls: [...e.classList], text: e.textContent.trim(),
                id: e.id, q: (e.closest('.hb-quiz-question') || {}).id || '',
                outline: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
    )


def stored(page) -> list[str]:
    return page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('hb-selfcheck'))")


def test_right_and_wrong_answers_show_feedback_and_are_announced(page, quiz):
    """A wrong answer and then a right one each show that option's own feedback, mark the right answer in words and announce the result."""
    q = first(quiz, multiple=False)
    qid, options = q["id"], q["options"]
    right = next(i for i, o in enumerate(options) if o["correct"])
    wrong = next(i for i, o in enumerate(options) if not o["correct"])
    group = page.locator(f"#{qid} fieldset.hb-sc-group")
    assert plain(q["text"]) in plain(group.locator("legend").text_content())
    assert page.locator(f"#{qid} input[type=radio]").count() == len(options)
    assert status(page, qid) == "", "the status region is there, and empty, before any answer"

    answer(page, q, [wrong])
    said = status(page, qid)
    assert said.startswith("Not right") and f"The right answer is {LETTERS[right]}." in said, said
    assert "You chose this: not right." in result(page, qid, wrong)
    assert plain(options[wrong]["feedback"]) in result(page, qid, wrong)
    assert "The right answer." in result(page, qid, right), "the right answer is marked in text"
    others = [i for i in range(len(options)) if i not in (right, wrong)]
    assert all(result(page, qid, i) == "" for i in others), "only the chosen option gets feedback"
    assert page.locator(f"#{qid} .hb-feedback[data-for='{options[wrong]['id']}']").text_content().strip()
    assert page.locator(f"#{qid} details.hb-answer summary").is_visible(), "the Answer details are still there"
    assert "hb-sc-retry" in focused(page)["cls"], "focus moves to Try again"
    option(page, qid, right).locator("label").click(force=True)  # aria-disabled: a checked answer stays
    assert option(page, qid, wrong).locator("input").is_checked() and status(page, qid) == said

    page.locator(f"#{qid} button.hb-sc-retry").click()
    assert status(page, qid) == "" and all(result(page, qid, i) == "" for i in range(len(options)))
    assert page.evaluate(f"[...document.querySelectorAll('#{qid} input')].every(i => !i.checked && !i.disabled)")
    assert focused(page)["q"] == qid and focused(page)["type"] == "radio", "Try again moves focus to the options"

    answer(page, q, [right])
    assert status(page, qid).startswith(f"Right: {LETTERS[right]} is the right answer.")
    assert "You chose this: right." in result(page, qid, right)
    assert plain(options[right]["feedback"]) in result(page, qid, right)


def test_multiple_answer_questions_use_checkboxes(page, quiz):
    """A question with several right answers has checkboxes and "Choose all that apply", and is right only with every right answer."""
    q = first(quiz, multiple=True)
    qid, options = q["id"], q["options"]
    rights = [i for i, o in enumerate(options) if o["correct"]]
    wrong = next(i for i, o in enumerate(options) if not o["correct"])
    assert page.locator(f"#{qid} input[type=checkbox]").count() == len(options)
    assert "Choose all that apply" in page.locator(f"#{qid} legend").text_content()

    answer(page, q, [rights[0], wrong])
    said = status(page, qid)
    assert said.startswith("Not right") and "The right answers are " in said, said
    assert plain(options[rights[0]]["feedback"]) in result(page, qid, rights[0])
    assert plain(options[wrong]["feedback"]) in result(page, qid, wrong)
    assert "Also a right answer: you did not choose it." in result(page, qid, rights[1])

    page.locator(f"#{qid} button.hb-sc-retry").click()
    answer(page, q, rights)
    assert status(page, qid).startswith("Right:"), status(page, qid)
    assert all("You chose this: right." in result(page, qid, i) for i in rights)


def test_summary_counts_right_answers_and_starts_again(page, quiz):
    """The summary counts the right answers ("3 of 11 right"), and "Start again" clears every answer."""
    total = len(quiz)
    summary = page.locator(".hb-sc-summary")
    assert f"0 of {total} right." in plain(summary.text_content())
    right_ones = 3
    for n, q in enumerate(quiz):
        pick = [i for i, o in enumerate(q["options"]) if o["correct"] == (n < right_ones)]
        answer(page, q, pick if n < right_ones else pick[:1])
    text = plain(page.locator(".hb-sc-score").text_content())
    assert text == f"{right_ones} of {total} right. You have checked every question.", text
    assert page.locator(".hb-quiz-question.hb-sc-right").count() == right_ones

    page.locator("button.hb-sc-restart").click()
    assert plain(page.locator(".hb-sc-score").text_content()).startswith(f"0 of {total} right.")
    assert page.locator(".hb-quiz-question.hb-sc-checked").count() == 0
    assert page.evaluate("[...document.querySelectorAll('.hb-selfcheck input')].every(i => !i.checked && !i.disabled)")
    assert focused(page)["q"] == quiz[0]["id"], "Start again moves focus to the first question"


def test_checking_sends_nothing_and_stores_nothing(context, page, quiz):
    """Answering every question makes no request and writes nothing to storage; a reload starts fresh."""
    page.wait_for_load_state("networkidle")
    before = page.evaluate("[Object.keys(localStorage).sort(), sessionStorage.length, document.cookie]")
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    for q in quiz:
        answer(page, q, [0, 1] if len([o for o in q["options"] if o["correct"]]) > 1 else [1])
    page.locator(f"#{quiz[0]['id']} button.hb-sc-retry").click()
    page.locator("button.hb-sc-restart").click()
    page.wait_for_timeout(300)
    assert requests == [], f"checking answers made requests: {requests}"
    after = page.evaluate("[Object.keys(localStorage).sort(), sessionStorage.length, document.cookie]")
    assert after == before, f"storage changed without saving: {before} -> {after}"
    assert stored(page) == []

    answer(page, quiz[0], [0])
    page.reload()
    page.wait_for_selector(".hb-selfcheck.hb-sc-ready")
    assert page.locator(".hb-quiz-question.hb-sc-checked").count() == 0, "unsaved answers came back"
    assert page.locator("button.hb-sc-remove").is_hidden()


def test_saved_progress_comes_back_after_reload(page, quiz):
    """After "Save my progress on this device", one key holds the module's answers, kept up to date, and a reload restores them."""
    q1, q2 = quiz[0], first(quiz, multiple=True)
    right1 = [i for i, o in enumerate(q1["options"]) if o["correct"]]
    answer(page, q1, right1)
    about = plain(page.locator(".hb-sc-save-about").text_content())
    assert KEY in about and "local storage" in about, "the control's text names the key"
    page.locator("button.hb-sc-save").click()
    assert stored(page) == [KEY]
    assert "Saved on this device" in plain(page.locator(".hb-sc-summary [role=status]").text_content())
    wrong2 = [next(i for i, o in enumerate(q2["options"]) if not o["correct"])]
    answer(page, q2, wrong2)  # after saving, the saved copy follows each change
    option(page, quiz[2]["id"], 0).locator("label").click()  # chosen, not checked

    page.reload()
    page.wait_for_selector(".hb-selfcheck.hb-sc-ready")
    assert status(page, q1["id"]).startswith("Right:")
    assert status(page, q2["id"]).startswith("Not right")
    assert plain(q2["options"][wrong2[0]]["feedback"]) in result(page, q2["id"], wrong2[0])
    assert option(page, quiz[2]["id"], 0).locator("input").is_checked()
    assert page.locator(f"#{quiz[2]['id']} button.hb-sc-check").is_visible()
    assert plain(page.locator(".hb-sc-score").text_content()).startswith(f"1 of {len(quiz)} right.")
    assert "saved progress is back" in page.locator(".hb-sc-summary [role=status]").text_content()
    assert page.locator("button.hb-sc-remove").is_visible()


def test_removing_saved_progress_deletes_the_key(page, quiz):
    """The "Remove my saved progress" control deletes the module's key, and nothing is stored or restored after that."""
    remove = page.locator("button.hb-sc-remove")
    assert remove.is_hidden(), "nothing to remove before saving"
    answer(page, quiz[0], [0])
    page.locator("button.hb-sc-save").click()
    assert stored(page) == [KEY] and remove.is_visible()
    remove.click()
    assert stored(page) == []
    assert remove.is_hidden() and "hb-sc-save" in focused(page)["cls"], "focus goes back to the save button"
    assert "removed" in page.locator(".hb-sc-summary [role=status]").text_content()
    page.locator(f"#{quiz[0]['id']} button.hb-sc-retry").click()
    answer(page, quiz[1], [0])
    assert stored(page) == [], "checking after removing stores nothing again"
    page.reload()
    page.wait_for_selector(".hb-selfcheck.hb-sc-ready")
    assert page.locator(".hb-quiz-question.hb-sc-checked").count() == 0


def test_works_with_the_keyboard_only(page, quiz):
    """With Tab, the arrow keys, Space and Enter a reader answers, checks, tries again and saves, with focus always visible."""
    q1, qm = quiz[0], first(quiz, multiple=True)
    right1 = next(i for i, o in enumerate(q1["options"]) if o["correct"])

    def visible_focus():
        f = focused(page)
        assert f["outline"] not in ("none", "hidden") and f["width"] >= 2, f"focus is not visible on {f}"
        return f

    page.locator(f"#{q1['id']} .hb-sublink .hb-copy").focus()  # the last stop before the options
    page.keyboard.press("Tab")
    f = visible_focus()
    assert (f["q"], f["type"]) == (q1["id"], "radio"), f
    for _ in range(right1):
        page.keyboard.press("ArrowDown")
    if right1 == 0:
        page.keyboard.press("Space")
    assert option(page, q1["id"], right1).locator("input").is_checked()
    page.keyboard.press("Tab")
    assert visible_focus()["text"] == "Check my answer"
    page.keyboard.press("Enter")
    assert status(page, q1["id"]).startswith("Right:")
    assert visible_focus()["text"] == "Try again"
    page.keyboard.press("Shift+Tab")  # back to the checked answer: it reads with its feedback, and stays
    assert focused(page)["id"] == option(page, q1["id"], right1).locator("input").get_attribute("id")
    page.keyboard.press("ArrowDown")
    assert option(page, q1["id"], right1).locator("input").is_checked()
    assert page.locator(f"#{q1['id']} input:checked").count() == 1
    page.locator(f"#{q1['id']} button.hb-sc-retry").focus()
    page.keyboard.press("Enter")
    assert (focused(page)["q"], focused(page)["type"]) == (q1["id"], "radio")
    assert status(page, q1["id"]) == ""

    page.locator(f"#{qm['id']} .hb-sublink .hb-copy").focus()
    rights = [i for i, o in enumerate(qm["options"]) if o["correct"]]
    for i in range(len(qm["options"])):
        page.keyboard.press("Tab")
        assert visible_focus()["type"] == "checkbox"
        if i in rights:
            page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert status(page, qm["id"]).startswith("Right:")

    page.locator(".hb-sc-restart").focus()
    page.keyboard.press("Tab")
    assert visible_focus()["text"] == "Save my progress on this device"
    page.keyboard.press("Enter")
    assert stored(page) == [KEY]
    page.keyboard.press("Tab")
    assert visible_focus()["text"] == "Remove my saved progress"
    page.keyboard.press("Enter")
    assert stored(page) == []


SIZES = """() => {
  const box = e => e.getBoundingClientRect();
  const all = s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null);
  return {
    scroll: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
    options: all('.hb-sc-option').map(e => [box(e).height, box(e).right]),
    inputs: all('.hb-sc-input').map(e => [box(e).width, box(e).height]),
    buttons: all('.hb-sc-button').map(e => [e.textContent.trim(), box(e).width, box(e).height, box(e).right]),
  };
}"""


def test_at_phone_width(browser, served_site, quiz):
    """At 390 px with touch, options and buttons are at least 44 px tall, nothing scrolls sideways, and tapping works."""
    context = new_context(browser, "light", PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        goto(page, served_site.url(PAGE))
        page.wait_for_selector(".hb-selfcheck.hb-sc-ready")
        q = first(quiz, multiple=False)
        right = next(i for i, o in enumerate(q["options"]) if o["correct"])
        option(page, q["id"], right).locator(".hb-sc-text").tap()
        page.locator(f"#{q['id']} button.hb-sc-check").tap()
        assert status(page, q["id"]).startswith("Right:")
        sizes = page.evaluate(SIZES)
        width = PHONE["width"]
        assert sizes["scroll"][0] <= sizes["scroll"][1], f"the page scrolls sideways: {sizes['scroll']}"
        assert sizes["options"] and all(h >= 44 and r <= width for h, r in sizes["options"]), sizes["options"]
        assert all(w >= 24 and h >= 24 for w, h in sizes["inputs"]), sizes["inputs"]
        small = [b for b in sizes["buttons"] if b[2] < 44 or b[1] < 44 or b[3] > width]
        assert sizes["buttons"] and not small, f"buttons too small or too wide: {small}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.locator(f"#{q['id']}").screenshot(path=ARTIFACTS / "phone-selfcheck.png")
    finally:
        context.close()


def test_print_keeps_every_question_and_hides_only_the_controls(page, quiz):
    """In print every question, option and answer is there, and only the buttons and the unused summary are left out."""
    answer(page, quiz[0], [0])
    page.emulate_media(media="print")
    try:
        assert page.locator(".hb-sc-legend:visible").count() == len(quiz)
        options = sum(len(q["options"]) for q in quiz)
        assert page.locator(".hb-sc-option:visible").count() == options
        assert page.locator("details.hb-answer > summary:visible").count() == len(quiz)
        assert page.locator(f"#{quiz[0]['id']} .hb-sc-result:visible").count() >= 1, "a checked answer prints"
        assert page.locator(".hb-sc-button:visible").count() == 0
    finally:
        page.emulate_media(media="screen")
