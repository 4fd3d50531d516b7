"""What search needs beyond the pages: everyday words, and the index's own vocabulary.

data/search-words.yml maps the words people type (slang, brand names,
abbreviations: "cosign", "dm", "lyft") to the words the handbook uses ("loan",
"social media", "ride"). It is checked like any data file: each everyday word
belongs to one group, and each word it means must name a page (appear in a
title, summary, alias, question or term), so that no synonym leads nowhere.

The build publishes search/words.json (the groups) and search/vocabulary-<a>.json
(every word of the indexed pages with the number of pages it is on, one file per
first letter), which the search box uses to correct typos against the index's
own words.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .model import Handbook
from .problems import Problem
from .yamlio import Parsed

WORD = re.compile(r"[^\W_][\w']*[^\W_]|[^\W_]")  # letters of any language ("recaída"), digits, inner apostrophes
NAMING_FIELDS = ("title", "term", "question", "summary", "in_short", "aliases", "link_words")


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'"))


@functools.lru_cache(maxsize=1 << 15)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(words_of(text))  # the English and a language's untranslated items share their texts


def naming_words(records: Iterable) -> set[str]:
    """The words that name pages: titles, summaries, aliases, questions and terms of every item."""
    found: set[str] = set()
    for rec in records:
        for name in NAMING_FIELDS:
            value = rec.data.get(name)
            if isinstance(value, str):
                found |= _word_set(value)
            elif isinstance(value, (list, tuple)):
                for v in value:
                    if isinstance(v, str):
                        found |= _word_set(v)
    return found


def check_search_words(parsed: Parsed, records: Iterable) -> list[Problem]:
    """Each everyday word in one group only; each word it means names a page."""
    problems: list[Problem] = []
    data = parsed.data if isinstance(parsed.data, dict) else {}
    groups = data.get("words") if isinstance(data.get("words"), list) else []
    known = naming_words(records)
    seen: dict[str, int] = {}
    for g, group in enumerate(groups):
        if not isinstance(group, dict):
            continue
        for s, word in enumerate(group.get("say") or []):
            if not isinstance(word, str):
                continue
            if word in seen and seen[word] != g:
                problems.append(
                    Problem(
                        *parsed.where(("words", g, "say", s)),
                        f"words[{g}].say[{s}]",
                        f"'{word}' is already in group {seen[word] + 1} (words[{seen[word]}]): keep it in one group",
                    )
                )
            seen.setdefault(word, g)
        for m, meant in enumerate(group.get("means") or []):
            if isinstance(meant, str) and not set(words_of(meant)) & known:
                problems.append(
                    Problem(
                        *parsed.where(("words", g, "means", m)),
                        f"words[{g}].means[{m}]",
                        f"'{meant}' names no page (it is in no title, summary, alias, question or term): "
                        "use a word the handbook uses for the thing, or add it to an item's aliases",
                    )
                )
    return problems


def synonyms(handbook: Handbook) -> dict[str, list[str]]:
    """Everyday word -> the handbook's words for it."""
    return {say: list(means) for say, means in handbook.search_words.items()}


def vocabulary(texts: Iterable[str]) -> Counter:
    """Every word of the indexed pages, with the number of pages it is on."""
    counts: Counter = Counter()
    for text in texts:
        counts.update(set(words_of(_plain(text))))
    return counts


def _plain(markdown: str) -> str:
    """The words a reader sees: no link targets, HTML tags, attribute lists or Markdown marks."""
    text = re.sub(r"\]\([^)]*\)", "]", markdown)
    text = re.sub(r"<[^>]+>|\{[^}\n]*\}", " ", text)
    return re.sub(r"[#*_`>\[\]|]", " ", text)


#: The vocabulary files' letters: a to z, and 0 for words that start with anything else (search.js: letterOf).
VOCABULARY_LETTERS = "abcdefghijklmnopqrstuvwxyz0"


def search_files(handbook: Handbook, page_texts: Iterable[str]) -> dict[str, str]:
    """The files the search box reads besides Pagefind's index: path -> JSON text."""
    out = {"search/words.json": json.dumps({"synonyms": synonyms(handbook)}, ensure_ascii=False, separators=(",", ":"))}
    by_letter: dict[str, list] = {}
    for word, n in sorted(vocabulary(page_texts).items()):
        if len(word) >= 3 and not word.isdigit():
            first = unicodedata.normalize("NFD", word[0])[0]  # "é" and "ñ" go with "e" and "n", as search.js looks
            by_letter.setdefault(first if "a" <= first <= "z" else "0", []).append([word, n])
    # a file for every letter, empty or not: search.js fetches them all once the page is idle
    for letter in VOCABULARY_LETTERS:
        out[f"search/vocabulary-{letter}.json"] = json.dumps(
            by_letter.get(letter, []), ensure_ascii=False, separators=(",", ":")
        )
    return out


def groups_of(data) -> dict[str, tuple[str, ...]]:
    """Everyday word -> the handbook's words it means, from a search-words file's data."""
    groups = (data or {}).get("words") if isinstance(data, dict) else None
    out: dict[str, tuple[str, ...]] = {}
    for group in groups if isinstance(groups, list) else ():
        if isinstance(group, dict):
            for say in group.get("say") or ():
                if isinstance(say, str):
                    out[say] = tuple(m for m in group.get("means") or () if isinstance(m, str))
    return out


#: Pages whose sections (under each h2) are results of their own; the same rule as ENTRY_PAGES in search.js.
ENTRY_PAGE = re.compile(r"/(faq|glossary)(/|/index\.html|\.html)$")


def result_pages(
    pagefind_dir, homes: dict[str, str], weights: dict[str, float] | None = None, labels: dict[str, str] | None = None
) -> dict[str, str]:
    """search/pages.json of each language, from Pagefind's own fragments: result id -> [title, 1 if an FAQ or
    glossary page, address from the site's root, search weight] and, on the FAQ and the glossary, a fifth: each
    entry's [title, anchor, where it starts, where its heading ends, where its "Also searched as" words start,
    where it ends], in Pagefind's word positions (the page's text split at white space, as Pagefind counts).
    With it the search box ranks by titles and weights, splits the FAQ and the glossary into their entries
    from the word positions Pagefind's search returns, and lists its results before it has fetched any page's
    text; the previews follow as those texts come.

    homes: a language's code as Pagefind names it ("en") -> the folder of its search files ("" or "es/").
    weights: a page's address as Pagefind gives it ("/faq/") -> its weight (site.SEARCH_WEIGHTS); 1 if absent.
    labels: a language's code -> its words for "Also searched as" (the label before an entry's aliases)."""
    import gzip
    from pathlib import Path

    weights = weights or {}
    labels = labels or {}

    tables: dict[str, dict[str, list]] = {lang: {} for lang in homes}
    for fragment in sorted(Path(pagefind_dir, "fragment").glob("*.pf_fragment")):
        lang = fragment.name.split("_", 1)[0]
        if lang not in tables:
            continue
        raw = gzip.decompress(fragment.read_bytes())
        data = json.loads(raw[raw.index(b"{") :])
        title = (data.get("meta") or {}).get("title") or data.get("url", "")
        url = data.get("url", "")
        weight = round(float(weights.get(url, 1.0)), 2)
        row = [title, 1 if ENTRY_PAGE.search(url) else 0, url, weight]
        if row[1]:  # its questions or terms, for the search box to see which a query names and split the page
            row.append(_entries(data, labels.get(lang, "Also searched as").split()))
        tables[lang][fragment.stem] = row
    return {
        f"{homes[lang]}search/pages.json": json.dumps(table, ensure_ascii=False, separators=(",", ":"))
        for lang, table in tables.items()
    }


#: What Pagefind takes apart in a word (ASCII punctuation): a word of two or more parts is also indexed as
#: its parts, each at the word's weight divided by their number ("trauma-informed": "trauma" at half weight).
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def _entries(fragment: dict, label: list[str]) -> list[list]:
    """[title, anchor, start, heading end, aliases start, end, compounds] of each entry (h2 section) of an
    FAQ or glossary page.

    Positions count the words of the page's text split at white space, as Pagefind's locations do; an entry
    ends where the next heading starts, as Pagefind's sub-results do. Its aliases start at the label's
    words (at its end, when it has none). compounds: [position, parts] of each word of two or more parts of
    two or more letters, which a search for one part finds at a share of the word's weight. What comes
    before the first entry is the page's own top."""
    text = str(fragment.get("content") or "").split()
    words = [w.rstrip(":") for w in text]
    headings = sorted(
        (
            a
            for a in fragment.get("anchors") or ()
            if re.fullmatch(r"h\d", str(a.get("element", ""))) and str(a.get("text", "")).strip()
        ),
        key=lambda a: int(a.get("location", 0)),
    )
    out = []
    for i, a in enumerate(headings):
        if a["element"] != "h2":
            continue
        start = int(a.get("location", 0))
        end = int(headings[i + 1].get("location", 0)) if i + 1 < len(headings) else len(words)
        head = min(end, start + len(str(a["text"]).split()))
        aliases = next((at for at in range(head, end) if label and words[at : at + len(label)] == label), end)
        compounds = []
        for at in range(start, min(end, len(text))):
            parts = _PUNCTUATION.sub(" ", text[at]).split()
            if len(parts) >= 2 and all(len(part) > 1 for part in parts):
                compounds.append([at, len(parts)])
        out.append([a["text"], a.get("id", ""), start, head, aliases, end, compounds])
    return out
