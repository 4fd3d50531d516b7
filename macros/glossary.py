"""Terms link to the glossary the first time they appear on a page.

Each glossary term lists its `link_words`, the words as they appear in
running text ("dual relationship", "42 CFR Part 2", "Georgia CPS"). When a
page is rendered, the first time each term's words appear in its prose they
become a link to the term's entry; later appearances stay plain. Words inside
links, code and references are left alone. A word written with a capital
letter (an abbreviation such as "CPS" or "HIPAA") matches only as written; an
all-lowercase phrase matches in any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Handbook
from .urls import relative

#: Parts of Markdown that are never touched: code, links and their targets, raw HTML tags, [[refs]].
PROTECTED = re.compile(r"(`[^`\n]*`|\[\[[^\]]*\]\]|!?\[[^\]]*\]\([^)]*\)|<[^>]*>|\{[^}\n]*\})")


@dataclass
class Linker:
    """Links terms of one handbook; one `seen` set per page keeps each term to its first appearance."""

    hb: Handbook
    pattern: re.Pattern | None = None
    words: dict[str, str] = field(default_factory=dict)  # word as matched (or lowercased) -> term id

    exact: set[str] = field(default_factory=set)  # words with a capital letter: they match only as written

    def __post_init__(self) -> None:
        for term in self.hb.kind("term"):
            for word in term.get("link_words"):
                if word != word.lower():
                    self.exact.add(word)
                    self.words[word] = term.id
                else:
                    self.words[word] = term.id
        if self.words:  # one case-blind pattern shaped as a trie: Python's re tries alternatives one by one
            body = _trie_pattern(sorted({w.lower() for w in self.words}))
            self.pattern = re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)

    def link(self, text: str, from_src: str, seen: set[str]) -> str:
        """text with the first appearance on this page of each term's words made a link to its entry."""
        if self.pattern is None or from_src == "glossary.md" or not text:
            return text
        parts = PROTECTED.split(text)
        for i in range(0, len(parts), 2):
            parts[i] = self.pattern.sub(lambda m: self._one(m, from_src, seen), parts[i])
        return "".join(parts)

    def _one(self, match: re.Match, from_src: str, seen: set[str]) -> str:
        word = match.group(0)
        term = self.words.get(word) if word in self.exact else self.words.get(word.lower())
        if term is None or term in seen:
            return word
        seen.add(term)
        return f"[{word}]({relative(from_src, 'glossary.md', term)}){{ .hb-term }}"


def _trie_pattern(words: list[str]) -> str:
    """A regular expression matching exactly these (lowercase) words, longest first, factored by prefix."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(char) + walk(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)
