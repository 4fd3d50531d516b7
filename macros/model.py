"""The validated handbook: immutable all the way down, with indexes both ways.

Nothing inside a Handbook can be changed: mappings are read-only proxies,
lists are tuples, sets are frozensets. Every output is computed from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .kinds import KINDS, Kind

EMPTY: Mapping = MappingProxyType({})


class FrozenDict(Mapping):
    """A read-only view of a dict whose values are frozen in turn, when they are first read.

    Freezing is O(1) however large the data: a nested dict is wrapped only when asked for, and a
    list becomes a tuple of frozen values then. Nothing reachable through it can be changed.
    """

    __slots__ = ("_data", "_memo")

    def __init__(self, data: dict):
        self._data = data
        self._memo: dict = {}

    def __getitem__(self, key):
        memo = self._memo
        if key in memo:
            return memo[key]
        value = self._data[key]
        if type(value) in _SCALARS:
            return value
        frozen = memo[key] = freeze(value)
        return frozen

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key) -> bool:
        return key in self._data

    def __repr__(self) -> str:
        return f"FrozenDict({self._data!r})"


_SCALARS = (str, int, float, bool, type(None))


def freeze(value: Any) -> Any:
    """A deep read-only version: dicts become FrozenDict views, lists tuples, sets frozensets."""
    kind = type(value)
    if kind in _SCALARS or kind is FrozenDict:
        return value
    if kind is dict:
        return FrozenDict(value)
    if isinstance(value, Mapping):
        return FrozenDict(dict(value))
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(freeze(v) for v in value)
    return value


def unfrozen(value: Any) -> Any:
    """The plain dict a FrozenDict wraps, to read without freezing what is read (never to change); else value."""
    return value._data if type(value) is FrozenDict else value


def thaw(value: Any) -> Any:
    """Plain dicts and lists again, e.g. for JSON."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Item:
    """One principle, boundary topic, case study, module, FAQ entry, term, source, event or step."""

    kind: str
    id: str
    data: Mapping[str, Any]
    file: str
    locate: Any = field(default=None, repr=False, compare=False)  # () -> its line; lines are found when asked for
    origin: str = "base"  # "base", "added" or "changed" by an organization's overlay, or "retired"

    @property
    def line(self) -> int:
        """The line of its file where the item starts."""
        return self.locate() if callable(self.locate) else int(self.locate or 0)

    @property
    def info(self) -> Kind:
        return KINDS[self.kind]

    @property
    def title(self) -> str:
        return str(self.data.get(self.info.title_field) or self.data.get("title") or self.id)

    @property
    def src(self) -> str:
        """The page (Markdown file, relative to docs/) that shows this item."""
        info = self.info
        return f"{info.page}/{self.id}.md" if info.per_item else info.page

    @property
    def anchor(self) -> str | None:
        """The anchor of an entry on a list page; None for an item with a page of its own."""
        return None if self.info.per_item or self.kind == "model" else self.id

    @property
    def path(self) -> str:
        """Its public address, relative to the site: 'principles/confidentiality/' or 'faq/#gifts'."""
        from .urls import canonical_path

        return canonical_path(self.src) + (f"#{self.anchor}" if self.anchor else "")

    def get(self, key: str, default: Any = ()) -> Any:
        return self.data.get(key, default)

    def has(self, key: str) -> bool:
        """Whether the field is set and not empty (without freezing its value)."""
        return bool(unfrozen(self.data).get(key))


@dataclass(frozen=True)
class Doc:
    """A hand-written page: docs/<src>, or the organization's org/docs/<src>."""

    src: str  # 'about.md'
    file: str  # 'docs/about.md' or 'org/docs/about.md', as shown in messages
    body: str  # the Markdown after the front matter
    body_line: int  # line of the file where the body starts
    meta: Mapping[str, Any] = field(default_factory=dict)  # the front matter
    origin: str = "base"  # "base", or "org" for the organization's own pages
    replaces: bool = False  # an organization page that replaces a base page of the same name
    base_hash: str = ""  # for a replacing page: the hash of the base page it replaced
    meta_lines: Mapping[str, int] = field(default_factory=lambda: EMPTY)  # line of each front-matter key


@dataclass(frozen=True)
class Moved:
    """A published id that is gone: renamed (its redirect leads to `to`) or retired (its page says why)."""

    id: str
    kind: str
    change: str  # "renamed" or "retired"
    edition: str  # the edition in which it moved ("" while unreleased)
    title: str
    path: str  # the address it was published at
    anchors: tuple[str, ...] = ()
    to: str | None = None  # for a renamed id: the id it leads to now (chains of renames followed)
    note: str = ""
    see: tuple[str, ...] = ()


@dataclass(frozen=True)
class Retired:
    """An item an organization retired: its page remains and says why."""

    item: Item
    reason: str
    see: tuple[str, ...]
    file: str
    line: int
    field: str


@dataclass(frozen=True)
class Overlay:
    """What an organization's folder did, for the differences page and the messages."""

    folder: str  # 'org', as shown
    added: tuple[str, ...] = ()
    changed: Mapping[str, Mapping[str, Any]] = field(
        default_factory=lambda: EMPTY
    )  # id -> {"fields": (...), "base": base data, "file": ...}
    retired: Mapping[str, Retired] = field(default_factory=lambda: EMPTY)
    changelog: Mapping[str, Any] = field(default_factory=lambda: EMPTY)  # its own editions (changelog.yml)


@dataclass(frozen=True)
class Handbook:
    """Every item by id, by kind in reading order, and who cites whom."""

    items: Mapping[str, Item]
    by_kind: Mapping[str, tuple[Item, ...]]
    cited_by: Mapping[str, tuple[str, ...]]
    sub_ids: Mapping[str, frozenset[str]]
    profile: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    base_profile: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    warnings: tuple = ()
    overlay: Overlay | None = None
    changelog: Mapping[str, Any] = field(default_factory=lambda: EMPTY)
    editions: Mapping[str, tuple] = field(default_factory=lambda: EMPTY)  # id -> (added in, last changed in)
    docs: Mapping[str, Doc] = field(default_factory=lambda: EMPTY)  # hand-written pages by src
    lock: Mapping[str, Any] | None = None  # content.lock.json of the last edition
    moved: tuple[Moved, ...] = ()  # base ids renamed or retired since an earlier edition
    search_words: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: EMPTY
    )  # everyday word -> words of the handbook it means
    courses: tuple = ()  # sample course plans (data/courses.yml)
    root: str = "."  # the folder it was read from
    languages: Mapping[str, Any] = field(default_factory=lambda: EMPTY)  # code -> i18n.Language, besides English
    extra: Mapping[str, Any] = field(default_factory=lambda: EMPTY)

    @property
    def retired(self) -> Mapping[str, Item]:
        """Items the organization retired, by id (their pages still exist)."""
        if self.overlay is None:
            return EMPTY
        return MappingProxyType({i: r.item for i, r in self.overlay.retired.items()})

    def edition_of(self, item_id: str) -> tuple:
        """(edition the item was added in, edition it last changed in, or None)."""
        return self.editions.get(item_id) or self.editions.get("*", ("", None))

    def find(self, item_id: str) -> Item:
        """An item that remains, or one the organization retired (its page still exists)."""
        return self.items.get(item_id) or self.overlay.retired[item_id].item

    def has(self, item_id: str) -> bool:
        return item_id in self.items or (self.overlay is not None and item_id in self.overlay.retired)

    def __getitem__(self, item_id: str) -> Item:
        """An item that remains, or one the organization retired: a template that shows what an item cites
        (a related principle's summary, a source) shows the retired one, whose page says why it went."""
        item = self.items.get(item_id)
        if item is None and self.overlay is not None and item_id in self.overlay.retired:
            return self.overlay.retired[item_id].item
        if item is None:
            raise KeyError(item_id)
        return item

    def kind(self, name: str) -> tuple[Item, ...]:
        return self.by_kind.get(name, ())

    def citing(self, item_id: str, kind: str | None = None) -> tuple[Item, ...]:
        """Items that refer to item_id, optionally only of one kind."""
        found = (self.items[i] for i in self.cited_by.get(item_id, ()) if i in self.items)
        return tuple(i for i in found if kind is None or i.kind == kind)

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.by_kind.items()}

    def renamed_to(self, item_id: str) -> Moved | None:
        """The rename record of an id that is gone, if it was renamed."""
        return next((m for m in self.moved if m.id == item_id and m.change == "renamed"), None)
