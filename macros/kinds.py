"""What each kind of item is called, where its data lives and where its page is."""

from __future__ import annotations

from dataclasses import dataclass

from . import schemas


@dataclass(frozen=True)
class Kind:
    name: str  # internal name, e.g. "principle"
    label: str  # "principle"
    plural: str  # "principles"
    page: str  # folder of one page per item ("principles"), or the one page ("faq.md")
    per_item: bool  # one page per item?


KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind("principle", "principle", "principles", "principles", True),
        Kind("boundary", "boundary topic", "boundary topics", "boundaries", True),
        Kind("dilemma", "case study", "case studies", "dilemmas", True),
        Kind("training", "training module", "training modules", "training", True),
        Kind("faq", "FAQ entry", "FAQ entries", "faq.md", False),
        Kind("term", "glossary term", "glossary terms", "glossary.md", False),
        Kind("source", "source", "sources", "sources.md", False),
        Kind("event", "timeline event", "timeline events", "history.md", False),
        Kind("step", "decision-model step", "decision-model steps", "decision-model.md", False),
        Kind("model", "decision model", "decision models", "decision-model.md", False),
    ]
}

#: Item kinds kept one file per item: data folder -> kind.
FOLDERS = {folder: kind for kind, (folder, _) in schemas.ITEM_KINDS.items()}

#: List files: file stem -> (kind of each entry, list key, schema name).
LIST_FILES = {
    "faq": ("faq", "entries"),
    "glossary": ("term", "terms"),
    "sources": ("source", "sources"),
    "timeline": ("event", "events"),
    "decision-model": ("step", "steps"),
}

#: Sub-lists whose entries carry their own permanent anchor id.
SUB_ITEMS = {
    "principle": ["commitments", "examples"],
    "boundary": ["examples"],
    "dilemma": ["questions", "options"],
    "training": ["objectives", "agenda", "role_plays", "questions", "quiz"],
}

#: Section anchors that pages use; sub-item ids must not take them.
RESERVED_ANCHORS = frozenset(
    "summary commitments why in-practice examples related sources range questions options analysis "
    "takeaways facilitator-notes scenario cited-by cite frameworks codes-differ principles boundaries "
    "objectives agenda role-plays handouts permalink quiz in-short".split()
)

ANY = frozenset(KINDS)

#: Reference fields: kind -> [(path with '*' for every list entry, kinds allowed)].
REF_FIELDS: dict[str, list[tuple[tuple[str, ...], frozenset[str]]]] = {
    "principle": [(("related", "*"), frozenset({"principle"}))],
    "boundary": [(("principles", "*"), frozenset({"principle"}))],
    "dilemma": [
        (("principles", "*"), frozenset({"principle"})),
        (("boundaries", "*"), frozenset({"boundary"})),
        (("analysis", "*", "step"), frozenset({"step"})),
    ],
    "training": [
        (("agenda", "*", "items", "*"), ANY),
        (("role_plays", "*", "dilemma"), frozenset({"dilemma"})),
        (("handouts", "*"), frozenset({"dilemma", "principle", "boundary", "model", "faq", "term"})),
    ],
    "faq": [(("related", "*"), ANY)],
    "term": [(("related", "*"), ANY)],
    "event": [],
    "step": [],
    "model": [],
    "source": [],
}
for _fields in REF_FIELDS.values():
    _fields.append((("sources", "*"), frozenset({"source"})))
