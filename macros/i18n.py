"""Translations: data beside the English, one file per item and language.

A translation file mirrors its English item, keeping only the prose: every
string field the schema leaves free (no pattern, enum or format), minus the
fields that are names or references. Sub-items are matched by their `id`,
lists of entries without ids by position, lists of strings by position too,
except `aliases` and `link_words`, which each language words freely.

Layout (adding a language is one folder plus one line of `languages.yml`):

    data/i18n/languages.yml              the languages the site is built in
    data/i18n/<lang>/<folder>/<id>.yml   per-item kinds (principles, boundaries, dilemmas, training)
    data/i18n/<lang>/<list>/<id>.yml     entries of list kinds (faq, glossary, timeline, decision-model)
    data/i18n/<lang>/decision-model.yml  the decision model's own title and introduction
    data/i18n/<lang>/profile.yml         the profile's texts
    data/i18n/<lang>/ui.yml              the words of the page chrome
    docs/<lang>/<page>.md                hand-written pages, with `source_hash` in front matter

Each item file records `source_hash`: the content hash (editions.item_hash) of
the English item it was translated from, and `reviewed`: whether a
native-speaking peer specialist has reviewed it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .kinds import KINDS, Kind
from .schemas import SCHEMAS

I18N_DIR = "i18n"
META_FIELDS = ("id", "source_hash", "reviewed")  # what a translation file holds besides the prose
FREE_LISTS = frozenset({"aliases", "link_words"})  # lists each language words freely (any length)
NOT_PROSE = frozenset({"cast"})  # free strings that are names, not prose
UNTRANSLATED_KINDS = frozenset({"source"})  # titles of real documents stay as published
PROFILE_PROSE = (
    ("handbook_title",),
    ("jurisdiction",),
    ("raise_concern",),
    ("contact", "name"),
    ("crisis", "name"),
    ("crisis", "note"),
    ("crisis", "lines", "*", "name"),
    ("crisis", "lines", "*", "options"),
    ("crisis", "lines", "*", "for"),
    ("nav", "*", "title"),
    ("nav", "*", "section"),
)


def translatable_kinds() -> list[Kind]:
    return [k for k in KINDS.values() if k.name not in UNTRANSLATED_KINDS]


def folder_of(kind: Kind) -> str:
    """The folder of a kind's translation files under data/i18n/<lang>/."""
    if kind.per_item:
        return kind.folder
    return kind.schema  # faq, glossary, timeline, decision-model


def file_of(lang: str, kind: Kind, item_id: str) -> str:
    """Path of an item's translation file, relative to data/."""
    if kind.name == "model":
        return f"{I18N_DIR}/{lang}/{kind.schema}.yml"
    return f"{I18N_DIR}/{lang}/{folder_of(kind)}/{item_id}.yml"


def _is_prose(schema: Mapping) -> bool:
    return schema.get("type") == "string" and not ({"pattern", "enum", "const", "format"} & set(schema))


def prose_shape(schema: Mapping) -> Any:
    """What of a value of this schema is prose.

    Returns "text" (a prose string), ("texts", free) (a list of prose strings),
    ("list", shape, by_id) (a list of entries, each of that shape), a dict of
    field -> shape, or None (nothing to translate).
    """
    kind = schema.get("type")
    if _is_prose(schema):
        return "text"
    if kind == "array":
        items = schema.get("items", {})
        if _is_prose(items):
            return ("texts", False)
        inner = prose_shape(items)
        if inner is None:
            return None
        by_id = isinstance(inner, dict) and "id" in items.get("properties", {})
        return ("list", inner, by_id)
    if kind == "object" or "properties" in schema:
        out = {}
        for name, sub in schema.get("properties", {}).items():
            if name in NOT_PROSE:
                continue
            shape = prose_shape(sub)
            if shape is None:
                continue
            if name in FREE_LISTS and shape == ("texts", False):
                shape = ("texts", True)
            out[name] = shape
        return out or None
    return None


def kind_shape(kind: Kind) -> dict:
    """The prose of one item of a kind (for list kinds, of one entry)."""
    return prose_shape(kind.entry_schema) or {}


def profile_shape() -> dict:
    """The prose of the profile: only the fields a reader sees as text (not names, numbers or addresses)."""
    full = prose_shape(SCHEMAS["profile"]) or {}

    def keep(shape, paths: list[tuple[str, ...]]):
        if not isinstance(shape, dict):
            return shape
        out = {}
        for name, sub in shape.items():
            below = [p[1:] for p in paths if p and p[0] == name]
            if not below:
                continue
            if any(not p for p in below):
                out[name] = sub
            elif isinstance(sub, tuple) and sub[0] == "list":
                inner = keep(sub[1], [p[1:] for p in below if p and p[0] == "*"])
                if inner:
                    out[name] = ("list", inner, sub[2])
            else:
                inner = keep(sub, below)
                if inner:
                    out[name] = inner
        return out

    return keep(full, [tuple(p) for p in PROFILE_PROSE])


def extract(shape: Any, value: Any) -> Any:
    """The prose of a value, in the shape of a translation file (English text, to be translated)."""
    if value is None:
        return None
    if shape == "text":
        return value if isinstance(value, str) else None
    if isinstance(shape, tuple) and shape[0] == "texts":
        return list(value) if isinstance(value, (list, tuple)) else None
    if isinstance(shape, tuple) and shape[0] == "list":
        if not isinstance(value, (list, tuple)):
            return None
        out = []
        for entry in value:
            got = extract(shape[1], entry) or {}
            if shape[2] and isinstance(entry, Mapping) and "id" in entry:
                got = {"id": entry["id"], **got}
            out.append(got)
        return out
    if isinstance(shape, dict) and isinstance(value, Mapping):
        out = {}
        for name, sub in shape.items():
            if name in value:
                got = extract(sub, value[name])
                if got not in (None, {}, []):
                    out[name] = got
        return out
    return None


def skeleton(kind: Kind, data: Mapping, source_hash: str) -> dict:
    """A translation file for an item, with its English prose in place (for `handbook translate`)."""
    prose = extract(kind_shape(kind), data) or {}
    head: dict[str, Any] = {}
    if "id" in data and kind.name != "model":
        head["id"] = data["id"]
    head["source_hash"] = source_hash
    head["reviewed"] = False
    return {**head, **prose}


def merge(shape: Any, english: Any, translated: Any) -> Any:
    """The English value with the translated prose laid over it (what the page of that language shows)."""
    if translated is None:
        return english
    if shape == "text":
        return translated if isinstance(translated, str) else english
    if isinstance(shape, tuple) and shape[0] == "texts":
        return list(translated) if isinstance(translated, (list, tuple)) else english
    if isinstance(shape, tuple) and shape[0] == "list":
        if not isinstance(english, (list, tuple)) or not isinstance(translated, (list, tuple)):
            return english
        if shape[2]:
            by_id = {t.get("id"): t for t in translated if isinstance(t, Mapping)}
            return [merge(shape[1], e, by_id.get(e.get("id")) if isinstance(e, Mapping) else None) for e in english]
        return [merge(shape[1], e, translated[i] if i < len(translated) else None) for i, e in enumerate(english)]
    if isinstance(shape, dict) and isinstance(english, Mapping):
        out = dict(english)
        if isinstance(translated, Mapping):
            for name, sub in shape.items():
                if name in translated and name in english:
                    out[name] = merge(sub, english[name], translated[name])
                elif name in translated and name in FREE_LISTS:
                    out[name] = list(translated[name])
        return out
    return english


# --- the words of the page chrome ------------------------------------------------------------------


class Catalog:
    """The words of templates and page chrome in one language: English text -> its translation.

    Templates write `{{ _("How to cite") }}` or `{{ _("Edition {edition}", edition=e) }}`; a text the
    catalog lacks stays in English (`handbook translations` lists it).
    """

    def __init__(self, lang: str = "en", messages: Mapping[str, str] | None = None):
        self.lang = lang
        self.messages = dict(messages or {})

    def __call__(self, text: str, **values: Any) -> str:
        out = self.messages.get(text, text) if self.lang != "en" else text
        return out.format(**values) if values else out


ENGLISH = Catalog()
