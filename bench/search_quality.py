"""Search quality: how often a right page is in the top three, on the tuned table and on the held-out one.

    python bench/search_quality.py            # builds the site, serves it, types every query
    python bench/search_quality.py --site site  # an existing build of the handbook
    python bench/search_quality.py --site site --fast  # rank each query without typing it: same figures, ~1 min

Each query is typed into the real search box (Debian's Chromium through Playwright, as the browser
tests do); a query passes when one of its pages is among the first three results ('faq/#id' and
'glossary/#id' must be that very entry). Prints both rates, the empty answers and every miss.
Not a test: the tuned table's floor is tested in tests/browser/test_search.py.

The tables (see each one's docstring for when it was written and scored):
- tests/browser/search_queries.py (161) and search_queries_es.py (70): the ranking is tuned on them;
- bench/search_heldout.py (106) and search_heldout_es.py (40): held out until 2026-12-01; their misses were
  read that day and the next, so they are development sets now;
- bench/search_heldout2.py (120) and search_heldout2_es.py (50): written blind on 2026-12-02, scored once
  before their misses were read (figures in their docstrings);
- bench/search_heldout3.py (120): written blind on 2026-12-02 by a helper that saw no search code, no
  everyday-word file, no table and no result; its first score is in its docstring.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.lighthouse import BASE, serve  # noqa: E402 - where and how a host serves the site
from bench.search_heldout import HELDOUT  # noqa: E402
from bench.search_heldout2 import HELDOUT2  # noqa: E402
from bench.search_heldout2_es import HELDOUT2_ES  # noqa: E402
from bench.search_heldout3 import HELDOUT3  # noqa: E402
from bench.search_heldout_es import HELD_OUT_ES  # noqa: E402
from tests.browser.conftest import search  # noqa: E402
from tests.browser.search_queries import QUERIES  # noqa: E402
from tests.browser.search_queries_es import QUERIES_ES  # noqa: E402


def right(target: str, path: str, anchor: str) -> bool:
    page, _, want = target.partition("#")
    return page == path and (not want or want == anchor)


#: With --fast, every query of a table goes straight to search.js's ranking (window.__hbTune.top, a hook it
#: offers only when window.__hbTune is set): the same results, without typing or showing them.
FAST = "async qs => { const out = []; for (const q of qs) out.push(await window.__hbTune.top(q, 3)); return out; }"


def score(page, table, label: str, fast: bool = False) -> None:
    misses, empty = [], 0
    if fast:
        page.wait_for_function("() => window.__hbTune && window.__hbTune.top")
    answers = page.evaluate(FAST, [q for q, _ in table]) if fast else None
    for n, (query, targets) in enumerate(table):
        links = [urljoin(page.url, u) for u in answers[n]] if fast else search(page, query)
        empty += not links
        top3 = [(urlsplit(u).path[len(BASE) :], urlsplit(u).fragment) for u in links[:3]]
        if not any(right(t, p, a) for t in targets for p, a in top3):
            misses.append(
                f"  {query!r}: expected {' or '.join(targets)}; top 3: {[p + ('#' + a if a else '') for p, a in top3]}"
            )
    hits = len(table) - len(misses)
    print(f"{label}: {hits}/{len(table)} = {hits / len(table):.1%} in the top 3; no results: {empty}")
    print("\n".join(misses))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--fast", action="store_true", help="rank each query without typing it (a tenth of the time)")
    parser.add_argument("--lang", choices=["en", "es", "all"], default="all", help="which tables (default: all)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from macros.builders.pdf import CHROMIUM_ARGS, find_chromium
    from macros.builders.run import mkdocs_build

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            run = mkdocs_build(ROOT, site)
            if run.returncode:
                print(run.stderr[-3000:], file=sys.stderr)
                return 1
        server, address = serve(site)  # under /handbook/, gzip, as a host serves it
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            if args.fast:
                page.add_init_script("window.__hbTune = {};")
            page.goto(address + "principles/confidentiality/")
            if args.lang in ("en", "all"):
                score(page, QUERIES, "tuned table (tests/browser/search_queries.py)", args.fast)
                score(page, HELDOUT, "first held-out table, seen since 2026-12-01 (bench/search_heldout.py)", args.fast)
                score(
                    page,
                    HELDOUT2,
                    "second held-out table, written blind 2026-12-02 (bench/search_heldout2.py)",
                    args.fast,
                )
                score(
                    page,
                    HELDOUT3,
                    "third held-out table, written blind by a helper 2026-12-02 (bench/search_heldout3.py)",
                    args.fast,
                )
            if args.lang in ("es", "all"):
                page.goto(address + "es/principles/confidentiality/")  # Spanish pages search the Spanish index
                score(page, QUERIES_ES, "Spanish table (tests/browser/search_queries_es.py)", args.fast)
                score(page, HELD_OUT_ES, "first Spanish held-out table (bench/search_heldout_es.py)", args.fast)
                score(page, HELDOUT2_ES, "second Spanish held-out table (bench/search_heldout2_es.py)", args.fast)
            browser.close()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
