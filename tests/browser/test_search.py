"""The site's own search (Material's lunr search) finds the right page for what people type.

Each query is typed into the real search box, like a person would, and the
expected page must be among the first three results. A result is matched by the
URL path of its link ('boundaries/gifts/'; the #anchor and ?h= are ignored, so
'faq/' and 'glossary/' mean "that page"). Where two or three pages answer the
question equally well, any of them counts. Every miss is reported at once, with
the actual top three, and the hit rate is printed.
"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, open_page, search

pytestmark = pytest.mark.browser

# (what a person types, the page(s) that must be in the top 3: the first is the expected one)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # boundaries: everyday words, often the aliases shown as "Also searched as"
    ("gift card", ("boundaries/gifts/", "dilemmas/gift-card-at-goodbye/")),
    ("can i accept a gift", ("boundaries/gifts/", "faq/")),
    ("cash tip", ("boundaries/gifts/",)),
    ("lend money", ("boundaries/money-and-loans/", "dilemmas/rent-money/")),
    ("client wants to borrow money", ("boundaries/money-and-loans/", "dilemmas/rent-money/", "faq/")),
    ("hug", ("boundaries/physical-touch/", "dilemmas/a-hug-at-the-drop-in/", "faq/")),
    ("handshake", ("boundaries/physical-touch/",)),
    ("friend request", ("dilemmas/friend-request/", "boundaries/social-media-and-texting/")),
    (
        "facebook",
        ("boundaries/social-media-and-texting/", "dilemmas/friend-request/", "principles/technology-and-social-media/"),
    ),
    ("texting after hours", ("boundaries/after-hours-contact/", "dilemmas/texts-at-midnight/")),
    ("give my phone number", ("boundaries/after-hours-contact/", "faq/")),
    ("ride in my car", ("boundaries/giving-rides/", "dilemmas/rides-in-my-car/")),
    ("telling my story", ("boundaries/self-disclosure/", "principles/lived-experience/")),
    ("attracted to a client", ("boundaries/romantic-and-sexual-relationships/",)),
    (
        "dating a former client",
        ("boundaries/romantic-and-sexual-relationships/", "dilemmas/romance-after-support-ends/"),
    ),
    ("hang out with a client", ("boundaries/professional-and-personal-relationships/",)),
    ("same aa meeting", ("boundaries/shared-community-and-meetings/", "dilemmas/same-meeting-sponsor-request/")),
    ("saying goodbye", ("boundaries/ending-support/", "principles/ending-support-well/")),
    ("kickback", ("boundaries/conflicts-of-interest/", "dilemmas/referral-fee-from-a-recovery-home/")),
    ("small town", ("boundaries/dual-relationships/", "dilemmas/my-neighbour-is-on-my-caseload/")),
    # case studies
    ("coworker relapse", ("dilemmas/coworker-using-again/",)),
    ("i relapsed", ("dilemmas/my-own-return-to-use/", "faq/")),
    ("promise not to tell", ("dilemmas/keep-it-a-secret/",)),
    ("suicidal", ("dilemmas/keep-it-a-secret/", "faq/", "principles/safety-and-duty-to-report/")),
    ("probation officer", ("dilemmas/probation-officer-calls/",)),
    ("be my sponsor", ("dilemmas/same-meeting-sponsor-request/",)),
    ("neighbor on my caseload", ("dilemmas/my-neighbour-is-on-my-caseload/",)),
    ("too many clients", ("dilemmas/caseload-too-big/",)),
    ("drug test", ("dilemmas/asked-to-run-drug-screens/",)),
    ("suboxone", ("dilemmas/medication-in-a-sober-house/",)),
    ("needles", ("dilemmas/syringes-in-the-backpack/",)),
    ("referral fee", ("dilemmas/referral-fee-from-a-recovery-home/", "boundaries/conflicts-of-interest/")),
    ("complaint against my boss", ("dilemmas/grievance-against-my-employer/",)),
    ("child neglect", ("dilemmas/home-visit-child-neglect/",)),
    ("threatened to hurt someone", ("dilemmas/threat-against-a-neighbour/", "principles/safety-and-duty-to-report/")),
    ("non compliant", ("dilemmas/chart-it-as-non-compliant/",)),
    ("sweat lodge", ("dilemmas/a-healing-ceremony/",)),
    ("against medical advice", ("dilemmas/persuade-them-to-stay/",)),
    ("what meds do you take", ("dilemmas/asked-about-my-diagnosis/",)),
    ("talked about me in a meeting", ("dilemmas/talked-about-not-with/",)),
    # principles
    ("confidentiality", ("principles/confidentiality/",)),
    ("hipaa", ("principles/confidentiality/", "glossary/")),
    ("report abuse", ("faq/", "principles/safety-and-duty-to-report/", "glossary/")),
    ("duty to warn", ("principles/safety-and-duty-to-report/", "dilemmas/threat-against-a-neighbour/", "glossary/")),
    ("forcing someone into treatment", ("principles/no-coercion/",)),
    ("medication advice", ("principles/scope-of-practice/",)),
    ("burnout", ("principles/personal-recovery-and-self-care/", "dilemmas/caseload-too-big/", "faq/")),
    ("stigma", ("principles/dignity-and-respect/", "glossary/")),
    ("self determination", ("principles/self-determination/",)),
    ("lying", ("principles/honesty-and-transparency/",)),
    # FAQ, glossary and reference pages
    ("is peer support effective", ("faq/",)),
    ("certification", ("faq/", "glossary/")),
    ("peer specialist vs counselor", ("faq/",)),
    ("warm handoff", ("glossary/",)),
    ("decision making model", ("decision-model/",)),
]


@pytest.fixture(scope="module")
def search_page(browser_context, served_site):
    page = open_page(browser_context("light", DESKTOP), served_site.url(""))
    yield page
    page.close()


def test_queries_table_is_sound(served_site):
    """The query table has enough distinct queries, and every page it expects exists."""
    assert len(QUERIES) >= 40
    assert len({q for q, _ in QUERIES}) == len(QUERIES), "a query appears twice"
    pages = set(served_site.pages)
    unknown = sorted({t for _, targets in QUERIES for t in targets} - pages)
    assert not unknown, f"expected pages that the site does not have: {unknown}"


def test_search_finds_the_right_page_in_the_top_3(search_page, served_site, capsys):
    """Each everyday query of the table puts an expected page in the top three results."""
    misses = []
    for query, targets in QUERIES:
        top3 = [served_site.path_of(url) for url in search(search_page, query)[:3]]
        if not set(targets) & set(top3):
            misses.append(f"  {query!r}: expected {' or '.join(targets)}; top 3: {top3 or 'no results'}")
    hits = len(QUERIES) - len(misses)
    rate = f"search hit rate (expected page in top 3): {hits}/{len(QUERIES)} = {hits / len(QUERIES):.0%}"
    with capsys.disabled():
        print(f"\n{rate}")
    assert not misses, rate + f"; {len(misses)} miss(es):\n" + "\n".join(misses)
