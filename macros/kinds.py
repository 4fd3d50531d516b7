"""The registry: what each kind of item is. Nothing else in the engine repeats this table.

For every kind it records where its data lives (a folder of one file per item,
or one list file), its schema, its labels, its sub-items and their anchors,
the fields that name other items, its templates, and the roles of its pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from . import schemas

ALL = "*"  # in a reference pattern: every entry of a list


@dataclass(frozen=True)
class SubList:
    """A list inside an item whose entries carry their own permanent anchor (their `id`)."""

    field: str  # "examples"
    label: str  # "example"
    title: str  # the entry's field that names it ("title", "text")


@dataclass(frozen=True)
class Kind:
    name: str  # "principle"
    label: str  # "principle"
    plural: str  # "principles"
    schema: str  # name of its JSON Schema (schemas/<schema>.schema.json)
    page: str  # folder of one page per item ("principles"), or the one page that lists them ("faq.md")
    folder: str | None = None  # data/<folder>/<id>.yml, one file per item
    list_key: str | None = None  # for kinds kept in one list file: the list's key ("entries")
    title_field: str = "title"
    subs: tuple[SubList, ...] = ()
    refs: tuple[tuple[tuple[str, ...], frozenset[str]], ...] = ()  # (path pattern, kinds it may name)
    anchored_refs: tuple[tuple[str, ...], ...] = ()  # fields written 'id' or 'id#anchor'
    template: str | None = None  # page template of one item (per-item kinds) or of the list page
    index_template: str | None = None  # template of the index page of a per-item kind
    handout: str | None = None  # template of a one-page handout, if the kind has one
    order: str = "order"  # "order": by the `order` field then title; "file": as written
    addable: bool = True  # an organization's overlay may add items of this kind
    citable: bool = True  # its pages end with "How to cite"
    nav_title: str | None = None  # title of its section in the navigation
    nav_pages: tuple[str, ...] = ()  # pages listed first in its section, after its index
    search_weight: float = 1.0  # how much its pages count in search (see site.SEARCH_WEIGHTS)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def per_item(self) -> bool:
        return self.folder is not None

    @property
    def list_file(self) -> str | None:
        """Stem of the data file holding every entry of a list kind."""
        return None if self.per_item else self.schema

    @cached_property
    def entry_schema(self) -> dict:
        """The schema of one item (for list kinds, of one entry of the list)."""
        whole = schemas.SCHEMAS[self.schema]
        if self.list_key is None:
            return whole
        if self.list_key == "":  # the decision model's own fields, without its steps
            props = {k: v for k, v in whole["properties"].items() if k != "steps"}
            return {**whole, "properties": props, "required": [r for r in whole["required"] if r != "steps"]}
        return whole["properties"][self.list_key]["items"]

    @cached_property
    def sub_fields(self) -> tuple[str, ...]:
        return tuple(s.field for s in self.subs)


def _refs(*pairs) -> tuple:
    out = tuple((tuple(path.split(".")), frozenset(kinds.split())) for path, kinds in pairs)
    return out + ((("sources", ALL), frozenset({"source"})),)


ITEM_KINDS_ALL = "principle boundary dilemma training faq term source event step model"

KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind(
            "principle",
            "principle",
            "principles",
            "principle",
            "principles",
            folder="principles",
            subs=(SubList("commitments", "commitment", "text"), SubList("examples", "example", "title")),
            refs=_refs(("related.*", "principle")),
            template="principle.md.j2",
            index_template="index-principle.md.j2",
            nav_title="Principles",
            nav_pages=("code.md",),
        ),
        Kind(
            "boundary",
            "boundary topic",
            "boundary topics",
            "boundary",
            "boundaries",
            folder="boundaries",
            subs=(SubList("examples", "example", "title"),),
            refs=_refs(("principles.*", "principle")),
            template="boundary.md.j2",
            index_template="index-boundary.md.j2",
            nav_title="Boundaries",
        ),
        Kind(
            "dilemma",
            "case study",
            "case studies",
            "dilemma",
            "dilemmas",
            folder="dilemmas",
            subs=(SubList("questions", "question", "text"), SubList("options", "option", "title")),
            refs=_refs(("principles.*", "principle"), ("boundaries.*", "boundary"), ("analysis.*.step", "step")),
            template="dilemma.md.j2",
            index_template="index-dilemma.md.j2",
            handout="handout-dilemma.md.j2",
            nav_title="Case studies",
            search_weight=0.4,
        ),
        Kind(
            "training",
            "training module",
            "training modules",
            "training",
            "training",
            folder="training",
            subs=(
                SubList("objectives", "objective", "text"),
                SubList("agenda", "activity", "title"),
                SubList("role_plays", "role-play", "title"),
                SubList("questions", "question", "text"),
                SubList("quiz", "knowledge-check question", "text"),
            ),
            refs=_refs(
                ("agenda.*.items.*", ITEM_KINDS_ALL),
                ("role_plays.*.dilemma", "dilemma"),
                ("handouts.*", "dilemma principle boundary model faq term"),
            ),
            anchored_refs=(("quiz", ALL, "tests"),),
            template="training.md.j2",
            index_template="index-training.md.j2",
            handout="handout-training.md.j2",
            nav_title="Training",
            nav_pages=("course.md",),
            search_weight=0.4,
        ),
        Kind(
            "faq",
            "FAQ entry",
            "FAQ entries",
            "faq",
            "faq.md",
            list_key="entries",
            title_field="question",
            refs=_refs(("related.*", ITEM_KINDS_ALL)),
            template="faq.md.j2",
            order="file",
        ),
        Kind(
            "term",
            "glossary term",
            "glossary terms",
            "glossary",
            "glossary.md",
            list_key="terms",
            title_field="term",
            refs=_refs(("related.*", ITEM_KINDS_ALL)),
            template="glossary.md.j2",
        ),
        Kind(
            "source",
            "source",
            "sources",
            "sources",
            "sources.md",
            list_key="sources",
            template="sources.md.j2",
            refs=(),
        ),
        Kind(
            "event",
            "timeline event",
            "timeline events",
            "timeline",
            "history.md",
            list_key="events",
            refs=_refs(),
            template="history.md.j2",
            order="file",
        ),
        Kind(
            "step",
            "decision-model step",
            "decision-model steps",
            "decision-model",
            "decision-model.md",
            list_key="steps",
            refs=(),
            template="decision-model.md.j2",
            order="file",
            addable=False,
        ),
        Kind(
            "model",
            "decision model",
            "decision models",
            "decision-model",
            "decision-model.md",
            list_key="",
            refs=_refs(),
            addable=False,
        ),
    ]
}

#: Data folders of per-item kinds: folder -> kind.
FOLDERS = {k.folder: k.name for k in KINDS.values() if k.per_item}

#: List files: stem -> the kinds read from it (the decision model holds the model and its steps).
LIST_FILES: dict[str, tuple[str, ...]] = {}
for _k in KINDS.values():
    if not _k.per_item:
        LIST_FILES.setdefault(_k.list_file, ())
        LIST_FILES[_k.list_file] += (_k.name,)

#: One-off files of the base handbook.
SINGLE_FILES = ("profile", "changelog", "search-words", "courses")

#: The order kinds are counted and exported in.
ORDER = tuple(KINDS)

#: Section anchors that pages use; sub-item ids must not take them.
RESERVED_ANCHORS = frozenset(
    "summary in-short commitments why in-practice examples related sources range questions options analysis "
    "takeaways facilitator-notes scenario cited-by cite frameworks codes-differ principles boundaries "
    "objectives agenda role-plays handouts permalink quiz self-check".split()
)


def kind_of_page(folder: str) -> Kind | None:
    """The per-item kind whose pages live in folder ('principles' -> principle)."""
    return next((k for k in KINDS.values() if k.per_item and k.page == folder), None)
