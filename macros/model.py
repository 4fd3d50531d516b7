"""The validated handbook: immutable items, with indexes both ways."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Mapping

from .kinds import KINDS, Kind


def freeze(value: Any) -> Any:
    """Deep read-only copy: dicts become mapping proxies, lists tuples."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """Plain dicts and lists again, e.g. for JSON."""
    if hasattr(value, "items"):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True)
class Item:
    """One principle, boundary topic, case study, module, FAQ entry, term, source, event or step."""

    kind: str
    id: str
    data: Mapping[str, Any]
    file: str
    line: int
    origin: str = "base"  # "base", "added" or "changed" (by an organization's overlay)

    @property
    def info(self) -> Kind:
        return KINDS[self.kind]

    @property
    def title(self) -> str:
        d = self.data
        return str(d.get("title") or d.get("term") or d.get("question") or self.id)

    @property
    def src(self) -> str:
        """The Markdown file (relative to docs/) that shows this item."""
        info = self.info
        return f"{info.page}/{self.id}.md" if info.per_item else info.page

    @property
    def anchor(self) -> str | None:
        return None if self.info.per_item or self.kind == "model" else self.id

    @property
    def url(self) -> str:
        """Site-relative URL, e.g. 'principles/confidentiality/' or 'faq/#gifts'."""
        page = self.src[: -len(".md")]
        page = page[: -len("index")] if page.endswith("index") else page + "/"
        return page + (f"#{self.anchor}" if self.anchor else "")

    def get(self, key: str, default: Any = ()) -> Any:
        return self.data.get(key, default)


@dataclass(frozen=True)
class Handbook:
    """Every item by id, by kind in reading order, and who cites whom."""

    items: Mapping[str, Item]
    by_kind: Mapping[str, tuple[Item, ...]]
    cited_by: Mapping[str, tuple[str, ...]]
    sub_ids: Mapping[str, frozenset[str]]
    profile: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple = ()
    base_profile: Mapping[str, Any] = field(default_factory=dict)
    overlay: Any = None  # overlay.Changes when an organization's folder is applied
    retired: Mapping[str, Item] = field(default_factory=dict)
    changelog: Mapping[str, Any] = field(default_factory=dict)
    editions: Mapping[str, tuple] = field(default_factory=dict)  # id -> (added in, last changed in)

    def edition_of(self, item_id: str) -> tuple:
        """(edition the item was added in, edition it last changed in, or None)."""
        return self.editions.get(item_id) or self.editions.get("*", ("", None))

    def find(self, item_id: str) -> Item:
        """An item that remains, or one the organization retired (its page still exists)."""
        return self.items.get(item_id) or self.retired[item_id]

    def __getitem__(self, item_id: str) -> Item:
        return self.items[item_id]

    def kind(self, name: str) -> tuple[Item, ...]:
        return self.by_kind.get(name, ())

    def citing(self, item_id: str, kind: str | None = None) -> tuple[Item, ...]:
        """Items that refer to item_id, optionally only of one kind."""
        found = (self.items[i] for i in self.cited_by.get(item_id, ()))
        return tuple(i for i in found if kind is None or i.kind == kind)

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.by_kind.items()}
