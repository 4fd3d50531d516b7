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

import functools
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

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
        if not isinstance(translated, (list, tuple)):
            return english
        if not shape[1] and isinstance(english, (list, tuple)) and len(translated) != len(english):
            return english  # made from an older English with another number of entries: today's English shows
        return list(translated)
    if isinstance(shape, tuple) and shape[0] == "list":
        if not isinstance(english, (list, tuple)) or not isinstance(translated, (list, tuple)):
            return english
        if not shape[2] and len(translated) != len(english):
            return english
        if shape[2]:
            by_id = {t.get("id"): t for t in translated if isinstance(t, Mapping) and isinstance(t.get("id"), str)}
            return [
                merge(
                    shape[1],
                    e,
                    by_id.get(e.get("id")) if isinstance(e, Mapping) and isinstance(e.get("id"), str) else None,
                )
                for e in english
            ]
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


# --- reading and checking translations -------------------------------------------------------------

LANGUAGES_FILE = "languages.yml"  # data/i18n/languages.yml: `languages: {es: Español}`
SNAPSHOTS = "sources"  # data/i18n/sources/<X.Y>.json: the English prose of every item at each released edition
HASH = re.compile(r"^[0-9a-f]{16}$")
_WORD = re.compile(r"[a-záéíóúñü]+")
EN_MARKERS = frozenset(
    "the and of to is that with you your for are this what they have will when from it be or not can "
    "their there which would should been was were has who about if do does".split()
)
ES_MARKERS = frozenset(
    "el la los las de del que y en un una es por con para se su sus lo al como más pero sí está son "
    "tu te cuando qué hay muy puede ser".split()
)
PLAIN = re.compile(r"\[\[[^\]]*\]\]|`[^`]*`|https?://\S+|\([^)]*\.md[^)]*\)")


@functools.lru_cache(maxsize=1 << 16)
def reads_as_english(text: str) -> bool:
    """Whether a text still reads as English: more English function words than Spanish ones."""
    words = _WORD.findall(PLAIN.sub(" ", text).lower())
    if len(words) < 6:
        return False
    en = sum(w in EN_MARKERS for w in words)
    es = sum(w in ES_MARKERS for w in words)
    return en >= 3 and en > es


def hash_of(data: Mapping) -> str:
    """The content hash of an item's data, as editions.item_hash gives it."""
    from .model import unfrozen

    # A frozen item's own plain dict serializes as its thawed copy does, without making that copy.
    try:
        text = json.dumps(unfrozen(data), sort_keys=True, ensure_ascii=False)
    except TypeError:  # frozen values inside (an overlay's merge): thaw them
        text = json.dumps(_plain(data), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _plain(value: Any) -> Any:
    """A frozen value as plain dicts and lists (model.thaw)."""
    from .model import thaw

    return thaw(value)


@dataclass(frozen=True)
class Translation:
    """One item's translation: its prose, and how it stands against the English."""

    lang: str
    id: str
    kind: str
    file: str
    prose: Mapping[str, Any]
    source_hash: str
    reviewed: bool
    status: str  # "current": made from today's English; "stale": the English changed since
    translated_from: str = ""  # the edition whose English it was made from ("" for today's text)
    changed_in: str = ""  # stale: the edition the English changed in ("" while unreleased)
    old_prose: Mapping[str, Any] | None = None  # stale: the English it was made from (for the word diff)
    missing: tuple[str, ...] = ()  # fields left in English


@dataclass(frozen=True)
class Language:
    """Everything of one language besides English."""

    code: str
    name: str
    items: Mapping[str, Translation]
    docs: Mapping[str, Translation]  # hand-written pages, by their English src ('about.md')
    profile: Mapping[str, Any]  # the profile's prose
    catalog: Catalog
    terms: tuple = ()
    search_words: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )  # everyday word -> the handbook's words

    def translation(self, item_id: str) -> Translation | None:
        return self.items.get(item_id)


def languages_configured(data: Path) -> tuple[dict[str, str], list]:
    """The languages of the site besides English, from data/i18n/languages.yml."""
    from .problems import Problem

    path = data / I18N_DIR / LANGUAGES_FILE
    if not path.exists():
        return {}, []
    shown = f"{data.name}/{I18N_DIR}/{LANGUAGES_FILE}"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        return {}, [Problem(shown, 1, "", f"not valid YAML: {err}")]
    langs = raw.get("languages") if isinstance(raw, dict) else None
    if not isinstance(langs, dict) or not all(
        isinstance(k, str) and re.fullmatch(r"[a-z]{2}", k) and isinstance(v, str) and v for k, v in langs.items()
    ):
        return {}, [Problem(shown, 1, "languages", "write one line per language, its code and its name: `es: Español`")]
    if "en" in langs:
        return {}, [Problem(shown, 1, "languages", "English is the base language: list only the others")]
    return dict(langs), []


UNRELEASED = "unreleased"  # data/i18n/sources/unreleased.json: English texts translated before their edition


def snapshots(data: Path) -> dict[str, dict]:
    """The English of each released edition, by edition (oldest first): {'1.1': {'items': {...}, 'docs': {...}}}.

    Not an edition: 'unreleased' (last) holds English texts translations were made from between editions,
    by id and hash, as `handbook translate` and `handbook translations --record` keep them.
    """
    folder = data / I18N_DIR / SNAPSHOTS
    out = {}
    for path in sorted(folder.glob("*.json"), key=lambda p: _edition_key(p.stem)) if folder.is_dir() else ():
        try:
            out[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue  # the check reports it (check_snapshots)
    return out


def versions_of(history: Mapping, part: str, ids) -> list[tuple[str, str, Any]]:
    """(edition or '', hash, text) of every kept English version of an item ('items') or page ('docs')."""
    out = []
    for edition, snap in history.items():
        if edition == UNRELEASED:
            for one in ids:
                for digest, text in (snap.get(part, {}).get(one) or {}).items():
                    out.append(("", digest, text))
        else:
            for one in ids:
                entry = snap.get(part, {}).get(one)
                if isinstance(entry, dict) and entry.get("hash"):
                    out.append((edition, entry["hash"], entry.get("prose", entry.get("body"))))
    return out


def record_unreleased(data: Path, handbook, only: set[str] | None = None) -> int:
    """Keep today's English of items (and pages) in sources/unreleased.json, so translations made from it
    can show what changed later. Returns how many versions were added."""
    from .docs import page_hash

    path = data / I18N_DIR / SNAPSHOTS / f"{UNRELEASED}.json"
    released = {  # versions an edition keeps already
        (part, one, entry.get("hash"))
        for edition, snap in snapshots(data).items()
        if edition != UNRELEASED
        for part in ("items", "docs")
        for one, entry in (snap.get(part) or {}).items()
        if isinstance(entry, dict)
    }
    store = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    store.setdefault("edition", UNRELEASED)
    items, docs = store.setdefault("items", {}), store.setdefault("docs", {})
    added = 0
    for item in handbook.items.values():
        if item.kind in UNTRANSLATED_KINDS or item.origin != "base" or (only is not None and item.id not in only):
            continue
        digest = hash_of(item.data)
        if ("items", item.id, digest) in released:
            continue
        if digest not in items.setdefault(item.id, {}):
            items[item.id][digest] = extract(kind_shape(KINDS[item.kind]), _plain(item.data)) or {}
            added += 1
    for doc in handbook.docs.values():
        if doc.origin != "base" or _lang_of_src(doc.src) is not None or (only is not None and doc.src not in only):
            continue
        digest = page_hash(doc)
        if ("docs", doc.src, digest) in released:
            continue
        if digest not in docs.setdefault(doc.src, {}):
            docs[doc.src][digest] = doc.body
            added += 1
    store["items"] = {k: v for k, v in items.items() if v}
    store["docs"] = {k: v for k, v in docs.items() if v}
    if added:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(store, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return added


def _edition_key(version: str) -> tuple:
    if version == UNRELEASED:
        return (9999,)
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (9999,)


def snapshot_of(handbook, docs: Mapping | None = None) -> dict:
    """The English of today's handbook, as `handbook release` keeps it for translations to compare with."""
    from .docs import page_hash

    items = {}
    for item in handbook.items.values():
        kind = KINDS[item.kind]
        if kind.name in UNTRANSLATED_KINDS or item.origin != "base":
            continue
        items[item.id] = {"hash": hash_of(item.data), "prose": extract(kind_shape(kind), item.data) or {}}
    pages = {}
    for doc in (docs if docs is not None else handbook.docs).values():
        if doc.origin == "base" and _lang_of_src(doc.src) is None:
            pages[doc.src] = {"hash": page_hash(doc), "body": doc.body}
    profile = handbook.base_profile or handbook.profile
    prose = extract(profile_shape(), _plain(profile)) or {}
    return {"items": items, "docs": pages, "profile": {"hash": hash_of(prose), "prose": prose}}


def _lang_of_src(src: str) -> str | None:
    """The language prefix of a page's path ('es' for 'es/about.md'), else None."""
    head, _, rest = src.partition("/")
    return head if rest and re.fullmatch(r"[a-z]{2}", head) else None


class _Checker:
    """Checks the translation files of one language against the English, collecting every problem."""

    def __init__(self, lang: str, english: Mapping[str, tuple[str, Mapping]], names, history, terms):
        self.lang = lang
        self.english = english  # id -> (kind, data), every item of today's English
        self.names = names
        self.history = history  # edition -> snapshot, oldest first
        self.terms = terms
        self.problems: list = []
        self._avoid = None  # one pattern for every wording the terminology list avoids
        self.org_retired: set[str] = set()  # ids the organization retired: their translations are left out
        self.broken: set[str] = set()  # ids whose English has problems of its own
        self.org_folder: str | None = None  # 'org/': translations of the organization's own
        self.stale, self.fallback = False, []  # while walking a translation made from an older English

    def problem(self, parsed, path: tuple, field: str, message: str, warning: bool = False) -> None:
        from .problems import Problem

        line = parsed.line(path) if parsed is not None and path else (parsed.key_line(path) if parsed else 0)
        self.problems.append(Problem(parsed.file if parsed else "", line or 1, field, message, warning))

    def item(self, parsed, kind: Kind, stem: str) -> Translation | None:
        from .problems import did_you_mean

        data = parsed.data
        if not isinstance(data, dict):
            self.problem(
                parsed, (), "", "a translation file holds `name: value` lines: the id, source_hash, then the prose"
            )
            return None
        item_id = data.get("id", stem) if kind.name != "model" else "decision-model"
        if not isinstance(item_id, str):
            self.problem(parsed, ("id",), "id", f"the id is text: write `id: {stem}`, the English item's id")
            return None
        if kind.name != "model" and item_id != stem:
            self.problem(
                parsed,
                ("id",),
                "id",
                f"'{item_id}' does not match the file name: rename the file to {item_id}.yml or fix the id",
            )
            return None
        if item_id in self.org_retired:
            return None  # the organization retired it: its page shows why, in English
        if item_id in self.broken:
            return None  # its English has problems of its own: those are what to fix first
        known = self.english.get(item_id)
        if known is None and self.names.moot(item_id):
            return None  # it may live in an English file that could not be read: that file is what to fix
        history_id = item_id  # the id the English had when it was translated
        if known is None or known[0] != kind.name:
            renamed = (self.names.renamed or {}).get(item_id)
            retired = (self.names.retired or {}).get(item_id)
            if renamed and renamed[0] in self.english:
                self.problem(
                    parsed,
                    ("id",) if "id" in data else (),
                    "id",
                    f"renamed to '{renamed[0]}' in {renamed[1] or 'the next edition'}: rename the file to "
                    f"{renamed[0]}.yml and its id; until then it shows on the page of '{renamed[0]}'",
                    warning=True,
                )
                item_id, known = renamed[0], self.english[renamed[0]]
            elif retired is not None:
                self.problem(
                    parsed,
                    ("id",) if "id" in data else (),
                    "id",
                    f"'{item_id}' was retired in {retired or 'the next edition'}: delete this file",
                    warning=True,
                )
                return None
            else:
                same = [i for i, (k, _) in self.english.items() if k == kind.name]
                fix = f"unknown id '{item_id}': no {kind.label} has this id{did_you_mean(item_id, same)}: delete the file, or name it after an existing {kind.label}"
                self.problem(parsed, ("id",) if "id" in data else (), "id", fix)
                return None
        english = known[1]
        shape = kind_shape(kind)
        source_hash = data.get("source_hash")
        status, made_from, changed_in, old = "current", "", "", None
        current = hash_of(english)
        hash_ok = True
        if not isinstance(source_hash, str) or not HASH.match(source_hash):
            self.problem(
                parsed,
                ("source_hash",),
                "source_hash",
                "required: the content hash of the English this was translated from, 16 hex digits "
                f"(today's English: {current})",
            )
            hash_ok = False
        elif source_hash != current:
            # the English it was made from, under its id of then: this id, or an id since renamed to it
            before = [history_id] + [o for o, (n, _) in (self.names.renamed or {}).items() if n == item_id]
            found = [
                (ed, text) for ed, digest, text in versions_of(self.history, "items", before) if digest == source_hash
            ]
            found.sort(key=lambda f: f[0] == "")  # an edition's text first, then one kept between editions
            ours = self.org_folder and parsed.file.startswith(self.org_folder)
            if not found and ours:
                # the organization's own translation of its own text: no edition of its English is kept, so
                # a changed English leaves it behind; its page says so, in the translation's language
                self.problem(
                    parsed,
                    ("source_hash",),
                    "source_hash",
                    f"your English changed since this translation (today's English: {current}): update the "
                    "translation, then set source_hash to it",
                    warning=True,
                )
                status = "stale"
            elif not found:
                self.problem(
                    parsed,
                    ("source_hash",),
                    "source_hash",
                    f"'{source_hash}' matches no English version of '{item_id}' (today's English: {current}); "
                    "set it to the hash of the English you translated from (`handbook translations` lists them)",
                )
                hash_ok = False
            else:
                status = "stale"
                made_from, old = found[0]
                later = sorted(
                    {
                        ed
                        for ed, digest, _ in versions_of(self.history, "items", before)
                        if ed and made_from and _edition_key(ed) > _edition_key(made_from) and digest != source_hash
                    },
                    key=_edition_key,
                )
                changed_in = later[0] if later else ""
                if self._same_prose(old, extract(kind_shape(kind), _plain(english)) or {}):
                    # only what is not prose changed (a reference, an order, a renamed id): still current
                    status, made_from, changed_in = "current", "", ""
        reviewed = data.get("reviewed", False)
        if not isinstance(reviewed, bool):
            self.problem(
                parsed,
                ("reviewed",),
                "reviewed",
                "write `reviewed: true` once a native-speaking peer specialist has reviewed it, else `reviewed: false`",
            )
            reviewed = False
        prose = {k: v for k, v in data.items() if k not in META_FIELDS}
        missing: list[str] = []
        # A translation is checked against the English it was made from: today's, or the edition's it names.
        # Made from an older English, what no longer fits today's (a link to an id that is gone) shows in English.
        self.stale, self.fallback = status == "stale", []
        self._walk(parsed, shape, english if status == "current" else (old or {}), prose, (), kind, missing)
        for path in self.fallback:
            prose = _without(prose, path)
        if not hash_ok:
            return None
        return Translation(
            self.lang,
            item_id,
            kind.name,
            parsed.file,
            prose,
            source_hash,
            reviewed,
            status,
            made_from,
            changed_in,
            old,
            tuple(missing),
        )

    def _same_prose(self, old, new) -> bool:
        """Whether two versions of an item's prose read the same, a link to a renamed id being its new id."""
        moved = self.names.renamed or {}

        def now(text: str) -> str:
            def one(m: re.Match) -> str:
                ref, seen = m.group(1), set()
                while ref in moved and ref not in seen:
                    seen.add(ref)
                    ref = moved[ref][0]
                return "[[" + ref + m.group(2)

            return re.sub(r"\[\[([^\][|#]+)([^\][]*\]\])", one, text)

        return json.loads(now(json.dumps(old or {}, sort_keys=True))) == json.loads(
            now(json.dumps(new, sort_keys=True))
        )

    def _walk(self, parsed, shape, english, value, path: tuple, kind: Kind, missing: list) -> None:
        from .problems import field_path

        where = field_path(path) if path else ""
        if shape == "text":
            if not isinstance(value, str):
                self.problem(parsed, path, where, "must be text")
                return
            if not isinstance(english, str):
                return
            self._text(parsed, path, where, english, value)
            return
        if isinstance(shape, tuple) and shape[0] == "texts":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                self.problem(parsed, path, where, "must be a list of texts")
                return
            if not shape[1] and isinstance(english, (list, tuple)) and len(value) != len(english):
                self._length(parsed, path, where, value, english)
                return
            for i, text in enumerate(value):
                if shape[1]:
                    continue  # aliases and link words: free
                self._text(parsed, path + (i,), f"{where}[{i}]", english[i], text)
            return
        if isinstance(shape, tuple) and shape[0] == "list":
            if not isinstance(value, list):
                self.problem(parsed, path, where, "must be a list, like the English")
                return
            english = list(english or ())
            if shape[2]:  # sub-items by id
                theirs = [e.get("id") for e in english if isinstance(e, Mapping) and isinstance(e.get("id"), str)]
                ours = [v.get("id") if isinstance(v, dict) and isinstance(v.get("id"), str) else None for v in value]
                for i, sub in enumerate(ours):
                    if sub is None:
                        self.problem(
                            parsed,
                            path + (i,),
                            where,
                            "each entry starts with `id: <the English entry's id>`, then its translated texts",
                        )
                    elif sub not in theirs:
                        label = next((s.label for s in kind.subs if s.field == path[-1]), "entry") if path else "entry"
                        self.problem(
                            parsed,
                            path + (i,),
                            where,
                            f"'{sub}' is not a {label} of the English (its ids: {', '.join(map(str, theirs))})",
                        )
                for sub in theirs:
                    if sub not in ours:
                        self.problem(
                            parsed,
                            path,
                            where,
                            f"'{sub}' is in the English but missing here: add it, translated, with `id: {sub}`",
                        )
                by_id = {e.get("id"): e for e in english if isinstance(e, Mapping) and isinstance(e.get("id"), str)}
                for i, v in enumerate(value):
                    if isinstance(v, dict) and isinstance(v.get("id"), str) and v.get("id") in by_id:
                        self._walk(
                            parsed,
                            shape[1],
                            by_id[v["id"]],
                            {k: x for k, x in v.items() if k != "id"},
                            path + (i,),
                            kind,
                            missing,
                        )
            else:
                if len(value) != len(english):
                    self._length(parsed, path, where, value, english)
                    return
                for i, v in enumerate(value):
                    self._walk(parsed, shape[1], english[i], v, path + (i,), kind, missing)
            return
        if isinstance(shape, dict):
            if not isinstance(value, dict):
                self.problem(parsed, path, where, "must be `name: value` lines, like the English")
                return
            for name in value:
                if name not in shape:
                    allowed = ", ".join(shape)
                    what = (
                        "is not translated (it stays as in the English)"
                        if isinstance(english, Mapping) and name in english
                        else "is not a field of the English"
                    )
                    self.problem(
                        parsed,
                        path + (name,),
                        field_path(path + (name,)),
                        f"{what}: remove it; translatable here: {allowed}",
                    )
                    continue
                if not isinstance(english, Mapping) or name not in english:
                    if name not in FREE_LISTS:
                        self.problem(
                            parsed,
                            path + (name,),
                            field_path(path + (name,)),
                            "the English has no such field here: remove it",
                        )
                    continue
                self._walk(parsed, shape[name], english[name], value[name], path + (name,), kind, missing)
            for name, sub in shape.items():
                if isinstance(english, Mapping) and name in english and name not in value and name not in FREE_LISTS:
                    if isinstance(sub, tuple) and sub[0] == "list" and sub[2] and english[name]:
                        ids = ", ".join(str(e.get("id")) for e in english[name] if isinstance(e, Mapping))
                        label = next((s.label for s in kind.subs if s.field == name), "entry")
                        self.problem(
                            parsed,
                            path,
                            field_path(path + (name,)),
                            f"missing: translate each {label} of the English, with its id ({ids})",
                        )
                    else:
                        missing.append(field_path(path + (name,)))

    def _length(self, parsed, path, where, value, english) -> None:
        self.problem(
            parsed,
            path,
            where,
            f"has {len(value)} entries; the English has {len(english)}: translate each one, in the same order",
        )

    def _text(self, parsed, path, where, english: str, text: str) -> None:
        from .problems import did_you_mean
        from .validate import refs_in

        moved = self.names.renamed or {}

        def now(ref: str) -> str:  # a link to a renamed id counts as a link to its new id
            seen = set()
            while ref in moved and ref not in seen:
                seen.add(ref)
                ref = moved[ref][0]
            return ref

        theirs = sorted((now(r[0]), r[1] or "") for r in refs_in(english))
        ours = sorted((now(r[0]), r[1] or "") for r in refs_in(text))
        retired = self.org_retired
        gone = [ref for ref, _ in ours if ref not in self.names.kinds and ref not in retired]
        if gone and self.stale:
            self.fallback.append(path)  # made from an older English: this text shows in today's English
            return
        for ref in gone:
            self.problem(parsed, path, where, f"[[{ref}]]: unknown id{did_you_mean(ref, self.names.kinds)}")
        if theirs != ours:
            gone = [f"[[{r}{'#' + a if a else ''}]]" for r, a in theirs if (r, a) not in ours]
            extra = [f"[[{r}{'#' + a if a else ''}]]" for r, a in ours if (r, a) not in theirs]
            said = "; ".join(
                x
                for x in (gone and "missing " + ", ".join(gone), extra and "not in the English " + ", ".join(extra))
                if x
            )
            self.problem(parsed, path, where, f"the links must be the English's: {said}")
        if reads_as_english(text) and text.strip() != english.strip():
            self.problem(
                parsed,
                path,
                where,
                "this still reads as English: translate it, or delete the field to show the English under a notice",
            )
        elif text.strip() == english.strip() and reads_as_english(text):
            self.problem(
                parsed,
                path,
                where,
                "this is the English text: translate it, or delete the field to show the English under a notice",
            )
        if self._avoid is None:
            words = {str(bad).lower(): term for term in self.terms for bad in term.get("avoid", ())}
            self._avoid_terms = words
            self._avoid = (
                re.compile(r"(?<!\w)(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?!\w)")
                if words
                else False
            )
        found = set(self._avoid.findall(text.lower())) if self._avoid else set()
        for bad in sorted(found):
            term = self._avoid_terms[bad]
            self.problem(
                parsed,
                path,
                where,
                f"'{bad}': the terminology list (data/{I18N_DIR}/{self.lang}/terms.yml) says '{term['es']}' for '{term['en']}'",
            )


NOT_ITEMS = ("ui.yml", "terms.yml", "profile.yml", "search-words.yml")


def load_languages(
    root: Path,
    data: Path,
    records,
    names,
    docs: Mapping,
    org: Path | None = None,
    base_profile: Mapping | None = None,
    org_retired=(),
    broken_files=(),
    cache=None,
):
    """Every configured language's translations, checked against today's English. (languages, problems)."""
    from .docs import page_hash
    from .model import freeze
    from .problems import Problem

    if cache is None:
        from .cache import NoCache

        cache = NoCache()
    configured, problems = languages_configured(data)
    folder = data / I18N_DIR
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.is_dir() and path.name not in configured and path.name != SNAPSHOTS:
                problems.append(
                    Problem(
                        _shown(path, root),
                        0,
                        "",
                        f"no language '{path.name}' in data/{I18N_DIR}/{LANGUAGES_FILE}: add a line `{path.name}: <its name>` there, or remove the folder",
                    )
                )
    if not configured:
        return {}, problems
    # English items whose file has problems are left out: their translations are checked once the English is right
    broken = set(broken_files)
    english = {
        r.id: (r.kind, r.data)
        for r in records
        if isinstance(r.data, dict) and r.parsed.file not in broken and not names.moot(r.id)
    }
    broken_ids = {r.id for r in records if r.parsed.file in broken} | set(names.unreadable)
    history = snapshots(data)
    for edition, snap in history.items():
        if not isinstance(snap.get("items"), dict):
            problems.append(
                Problem(
                    f"{data.name}/{I18N_DIR}/{SNAPSHOTS}/{edition}.json",
                    1,
                    "",
                    "damaged: restore it with `git checkout` (it is written by `handbook release`)",
                )
            )
    by_folder = {folder_of(k): k for k in translatable_kinds() if k.name != "model"}
    out = {}
    for lang, name in configured.items():
        base = folder / lang
        terms = _read_list(base / "terms.yml", "terms", root, problems)
        checker = _Checker(lang, english, names, history, terms)
        checker.org_retired = set(org_retired)
        checker.broken = broken_ids
        checker.org_folder = _shown(org, root) + "/" if org is not None else None
        items: dict[str, Translation] = {}
        jobs: list[tuple[Path, str, Kind, str]] = []
        for top in [base] + ([org / I18N_DIR / lang] if org is not None and (org / I18N_DIR / lang).is_dir() else []):
            for path in sorted(top.rglob("*")) if top.is_dir() else ():
                if path.is_dir():
                    continue
                rel = path.relative_to(top)
                shown = _shown(path, root)
                if len(rel.parts) == 1 and rel.name in NOT_ITEMS:
                    continue
                if path.suffix != ".yml":
                    if path.suffix == ".yaml":
                        problems.append(Problem(shown, 0, "", f"rename to {path.stem}.yml: data files end in .yml"))
                    continue
                if len(rel.parts) == 1 and rel.stem == KINDS["model"].schema:
                    kind = KINDS["model"]
                elif len(rel.parts) == 2 and rel.parts[0] in by_folder:
                    kind = by_folder[rel.parts[0]]
                else:
                    known = ", ".join([f"{f}/<id>.yml" for f in by_folder] + ["decision-model.yml", *NOT_ITEMS])
                    problems.append(
                        Problem(shown, 0, "", f"not a known translation file; {_shown(top, root)}/ holds: {known}")
                    )
                    continue
                jobs.append((path, shown, kind, rel.stem))
        # read together (in parallel, and from the parse cache when a check runs again)
        results = cache.read_many([(path, shown, None) for path, shown, _, _ in jobs]) if jobs else []
        for (_, _, kind, stem), (parsed, found, _) in zip(jobs, results, strict=True):
            problems += found
            if parsed is None:
                continue
            got = checker.item(parsed, kind, stem)
            if got is not None:
                items[got.id] = got
        problems += checker.problems
        catalog = Catalog(lang, _read_messages(base / "ui.yml", root, problems))
        versions = {s.get("profile", {}).get("hash") for s in history.values()}
        versions.add(profile_hash(base_profile or {}))
        profile = _read_profile(base / "profile.yml", root, problems, lang, terms, names, versions)
        if org is not None and (org / I18N_DIR / lang / "profile.yml").exists():
            profile = {
                **profile,
                **_read_profile(org / I18N_DIR / lang / "profile.yml", root, problems, lang, terms, names, None),
            }
        pages: dict[str, Translation] = {}
        for src, doc in docs.items():
            if not src.startswith(lang + "/"):
                continue
            english_src = src[len(lang) + 1 :]
            original = docs.get(english_src)
            if original is None:
                problems.append(
                    Problem(
                        doc.file,
                        1,
                        "",
                        f"no English page {english_src} for this translation: name it after a page of docs/",
                    )
                )
                continue
            source_hash = str(doc.meta.get("source_hash", ""))
            current = page_hash(original)
            status, made_from, changed_in, old = "current", "", "", None
            line = doc.meta_lines.get("source_hash", 1)
            if source_hash != current:
                found_in = [
                    (ed, text)
                    for ed, digest, text in versions_of(history, "docs", [english_src])
                    if digest == source_hash
                ]
                found_in.sort(key=lambda f: f[0] == "")
                if not HASH.match(source_hash) or not found_in:
                    problems.append(
                        Problem(
                            doc.file,
                            line,
                            "source_hash",
                            f"'{source_hash}' matches no English version of {english_src} (today's: {current}); set it to the hash of the English you translated from",
                        )
                    )
                    continue
                status, made_from = "stale", found_in[0][0]
                old = {"body": found_in[0][1] or ""}
                later = sorted(
                    {
                        ed
                        for ed, digest, _ in versions_of(history, "docs", [english_src])
                        if ed and made_from and _edition_key(ed) > _edition_key(made_from) and digest != source_hash
                    },
                    key=_edition_key,
                )
                changed_in = later[0] if later else ""
            if reads_as_english(_markdown_words(doc.body)):
                problems.append(
                    Problem(
                        doc.file,
                        doc.body_line,
                        "",
                        "this page still reads as English: translate it, or delete the file to show the English under a notice",
                    )
                )
            pages[english_src] = Translation(
                lang,
                english_src,
                "page",
                doc.file,
                freeze({"body": doc.body}),
                source_hash,
                doc.meta.get("reviewed") is True,
                status,
                made_from,
                changed_in,
                old,
            )
        words = _read_search_words(base / "search-words.yml", root, problems, english, items, not broken)
        out[lang] = Language(
            lang, name, MappingProxyType(items), MappingProxyType(pages), freeze(profile), catalog, tuple(terms), words
        )
    return out, problems


def _read_search_words(path: Path, root: Path, problems: list, english, items, check_meanings: bool = True) -> Mapping:
    """A language's everyday words for search (the schema and rules of data/search-words.yml, on its own text)."""
    from types import SimpleNamespace

    from .search import check_search_words, groups_of
    from .validate import check_shape

    parsed = _read_yaml(path, root, problems)
    if parsed is None:
        return MappingProxyType({})
    problems += check_shape(parsed, "search-words")
    records = []
    for item_id, (kind, data) in english.items():
        found = items.get(item_id)
        merged = merge(kind_shape(KINDS[kind]), data, _plain(found.prose)) if found is not None else data
        records.append(SimpleNamespace(data=merged))
    if check_meanings:  # with English files in trouble, words may name nothing only because of them
        problems += check_search_words(parsed, records)
    return MappingProxyType(groups_of(parsed.data))


def _without(value: Any, path: tuple) -> Any:
    """A copy of value without the entry at path (a text that falls back to the English)."""
    if not path:
        return None
    head, rest = path[0], path[1:]
    if isinstance(value, dict) and head in value:
        inner = _without(value[head], rest)
        return {k: v for k, v in value.items() if k != head} if inner is None else {**value, head: inner}
    if isinstance(value, list) and isinstance(head, int) and head < len(value):
        inner = _without(value[head], rest)
        if inner is None:  # a text of a list: the whole list falls back (lists are matched by position)
            return None
        return [inner if i == head else v for i, v in enumerate(value)]
    return value


def _markdown_words(text: str) -> str:
    """A page's prose, without its macros and code (for the language check)."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|```.*?```", " ", text, flags=re.S)
    return text


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def profile_hash(profile: Mapping) -> str:
    """The content hash of the profile's texts (what its translation records as source_hash)."""
    return hash_of(extract(profile_shape(), _plain(profile)) or {})


def _read_yaml(path: Path, root: Path, problems: list):
    from .yamlio import read

    if not path.exists():
        return None
    parsed, found = read(path, _shown(path, root))
    problems += found
    return parsed


def _read_list(path: Path, key: str, root: Path, problems: list) -> list:
    from .problems import Problem

    parsed = _read_yaml(path, root, problems)
    if parsed is None:
        return []
    value = parsed.data.get(key) if isinstance(parsed.data, dict) else None
    if not isinstance(value, list) or not all(isinstance(t, dict) and t.get("en") and t.get("es") for t in value):
        problems.append(
            Problem(
                parsed.file, 1, key, "a list of terms, each `- en: <English>` and `es: <Spanish>` (and `avoid: [...]`)"
            )
        )
        return []
    return value


def _read_messages(path: Path, root: Path, problems: list) -> dict:
    from .problems import Problem

    parsed = _read_yaml(path, root, problems)
    if parsed is None:
        return {}
    value = parsed.data.get("messages") if isinstance(parsed.data, dict) else None
    if not isinstance(value, dict):
        problems.append(
            Problem(parsed.file, 1, "messages", '`messages:` then one line per text: `"English": "translation"`')
        )
        return {}
    out = {}
    for english, text in value.items():
        if not isinstance(text, str) or not isinstance(english, str):
            problems.append(
                Problem(parsed.file, parsed.line(("messages", english)), f"messages.{english}", "must be text")
            )
            continue
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(
                Problem(
                    parsed.file,
                    parsed.line(("messages", english)),
                    f"messages.{english}",
                    f"keep the placeholders of the English: {', '.join(PLACEHOLDER.findall(english)) or 'none'}",
                )
            )
            continue
        if _marks(english) != _marks(text):
            problems.append(
                Problem(
                    parsed.file,
                    parsed.line(("messages", english)),
                    f"messages.{english}",
                    "keep the Markdown and HTML of the English, no more and no less: "
                    f"{' '.join(sorted(_marks(english).elements())) or 'none'}"
                    + (f" (this has {' '.join(sorted(_marks(text).elements()))})" if _marks(text) else ""),
                )
            )
            continue
        out[english] = text
    return out


PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
#: Marks a chrome text's translation keeps as they are: bold, code, a link's middle, HTML tags, template marks.
MARKS = re.compile(r"\*\*|`|\]\(|</?[A-Za-z][A-Za-z0-9]*|\{\{|\}\}|\{%|%\}|\{#|#\}")


def _marks(text: str):
    from collections import Counter

    return Counter(m.group(0).lower() for m in MARKS.finditer(text))


def _read_profile(path: Path, root: Path, problems: list, lang: str, terms, names, versions) -> dict:
    from .problems import Problem

    parsed = _read_yaml(path, root, problems)
    if parsed is None:
        return {}
    data = parsed.data
    if not isinstance(data, dict):
        problems.append(Problem(parsed.file, 1, "", "`name: value` lines: the profile's texts, translated"))
        return {}
    checker = _Checker(lang, {}, names, {}, terms)
    shape = profile_shape()
    prose = {k: v for k, v in data.items() if k not in META_FIELDS}
    import jsonschema

    from .problems import field_path

    schema = translation_schemas()["i18n-profile"]
    wrong = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    for error in wrong:
        where = tuple(error.absolute_path)
        problems.append(
            Problem(
                parsed.file,
                parsed.line(where),
                field_path(where),
                f"{error.message}: the profile's translation holds texts, shaped as in data/profile.yml",
            )
        )
    if wrong:
        return {}
    if versions is not None and data.get("source_hash") not in versions:
        problems.append(
            Problem(
                parsed.file,
                parsed.line(("source_hash",)),
                "source_hash",
                f"'{data.get('source_hash')}' matches no English version of the profile's texts; "
                "set it to the hash of the English you translated from (`handbook translations` lists it)",
            )
        )

    for name in prose:
        if name not in shape:
            problems.append(
                Problem(
                    parsed.file,
                    parsed.key_line((name,)),
                    name,
                    f"not a translatable text of the profile: remove it; translatable: {', '.join(shape)}",
                )
            )
    problems += checker.problems
    return {k: v for k, v in prose.items() if k in shape}


# --- the handbook in another language -----------------------------------------------------------


def translated(handbook, lang: str):
    """The handbook as the pages of one language show it: each item's prose laid over the English.

    Ids, anchors, references and order stay the English's. An item with no translation keeps its
    English text (its page says so); an item the organization changed keeps the organization's
    English unless the organization translated it. `extra` carries the language, the English
    handbook and, per item, its Translation (None when there is none).
    """
    import dataclasses

    from .model import Doc, Item, freeze

    language = handbook.languages[lang]
    states: dict[str, Translation | None] = {}
    items = {}
    for item_id, item in handbook.items.items():
        kind = KINDS[item.kind]
        found = language.items.get(item_id)
        if kind.name in UNTRANSLATED_KINDS:
            items[item_id] = item
            continue
        ours = (
            handbook.overlay is not None and found is not None and found.file.startswith(handbook.overlay.folder + "/")
        )
        if found is not None and item.origin == "changed" and not ours:
            found = None  # the base translation does not say what the organization changed: its English shows
        states[item_id] = found
        if found is None:
            items[item_id] = item
            continue
        merged = merge(kind_shape(kind), _plain(item.data), _plain(found.prose))
        items[item_id] = Item(item.kind, item.id, freeze(merged), item.file, item.locate, item.origin)
    by_kind = {k: tuple(items[i.id] for i in group) for k, group in handbook.by_kind.items()}
    profile = merge(profile_shape(), _plain(handbook.profile), _plain(language.profile))
    docs = {}
    for src, doc in handbook.docs.items():
        if _lang_of_src(src) is not None:
            continue
        page = language.docs.get(src)
        states["page:" + src] = page
        if page is not None and doc.origin == "base":
            mine = handbook.docs[f"{lang}/{src}"]
            docs[src] = Doc(
                src,
                mine.file,
                mine.body,
                mine.body_line,
                mine.meta,
                doc.origin,
                doc.replaces,
                doc.base_hash,
                mine.meta_lines,
            )
        else:
            docs[src] = doc
    extra = {**handbook.extra, "lang": lang, "english": handbook, "translations": MappingProxyType(states)}
    return dataclasses.replace(
        handbook,
        items=MappingProxyType(items),
        by_kind=MappingProxyType(by_kind),
        profile=freeze(profile),
        docs=MappingProxyType(docs),
        search_words=language.search_words,
        extra=MappingProxyType(extra),
    )


def english_prose(kind: Kind, data: Mapping) -> dict:
    return extract(kind_shape(kind), _plain(data)) or {}


def changed_fields(kind: Kind, old: Mapping | None, new: Mapping) -> list[tuple[str, str, str]]:
    """(field, old text, new text) of every prose text that differs between two versions of an item."""
    out: list[tuple[str, str, str]] = []

    def walk(a, b, path: str) -> None:
        if isinstance(b, str) or isinstance(a, str):
            if a != b:
                out.append((path, a if isinstance(a, str) else "", b if isinstance(b, str) else ""))
        elif isinstance(b, Mapping) or isinstance(a, Mapping):
            a, b = a if isinstance(a, Mapping) else {}, b if isinstance(b, Mapping) else {}
            for key in dict.fromkeys([*a, *b]):
                if key != "id":
                    walk(a.get(key), b.get(key), f"{path}.{key}" if path else key)
        elif isinstance(b, (list, tuple)) or isinstance(a, (list, tuple)):
            a, b = list(a or ()), list(b or ())
            if all(isinstance(x, Mapping) and isinstance(x.get("id"), str) for x in a + b):
                ia, ib = {x["id"]: x for x in a}, {x["id"]: x for x in b}
                for key in dict.fromkeys([*ia, *ib]):
                    walk(ia.get(key), ib.get(key), f"{path}.{key}")
            else:
                for i in range(max(len(a), len(b))):
                    walk(a[i] if i < len(a) else None, b[i] if i < len(b) else None, f"{path}[{i + 1}]")

    walk(old or {}, new, "")
    return out


# --- JSON Schemas of translation files (schemas/i18n-<kind>.schema.json) ----------------------------


def _schema_of(shape: Any) -> dict:
    if shape == "text":
        return {
            "type": "string",
            "minLength": 1,
            "description": "The translated text (Markdown, with the English's [[links]]).",
        }
    if isinstance(shape, tuple) and shape[0] == "texts":
        what = "Words in this language, as many as fit" if shape[1] else "One translation per English entry, in order"
        return {"type": "array", "items": {"type": "string", "minLength": 1}, "description": what + "."}
    if isinstance(shape, tuple) and shape[0] == "list":
        inner = _schema_of(shape[1])
        if shape[2]:
            inner["properties"] = {
                "id": {"type": "string", "description": "The English entry's id."},
                **inner["properties"],
            }
            inner["required"] = ["id"]
        return {"type": "array", "items": inner, "description": "The English list's entries, translated."}
    return {
        "type": "object",
        "properties": {name: _schema_of(sub) for name, sub in shape.items()},
        "additionalProperties": False,
    }


def translation_schemas() -> dict[str, dict]:
    """The schema of each kind's translation files, of the profile's, of ui.yml and terms.yml."""
    head = {
        "source_hash": {
            "type": "string",
            "pattern": HASH.pattern,
            "description": "Content hash of the English version translated (`handbook translations` lists today's).",
        },
        "reviewed": {"type": "boolean", "description": "Reviewed by a native-speaking peer specialist."},
    }
    out = {}
    for kind in translatable_kinds():
        body = _schema_of(kind_shape(kind))
        props = dict(head)
        if kind.name != "model":
            props = {"id": {"type": "string", "description": f"The English {kind.label}'s id."}, **props}
        out[f"i18n-{kind.name}"] = {
            **body,
            "properties": {**props, **body["properties"]},
            "required": [*(["id"] if kind.name != "model" else []), "source_hash"],
            "description": f"A translation of one {kind.label}: only its prose; ids and references stay the English's.",
        }
    body = _schema_of(profile_shape())
    out["i18n-profile"] = {
        **body,
        "properties": {**head, **body["properties"]},
        "description": "The profile's texts, translated.",
    }
    out["i18n-ui"] = {
        "type": "object",
        "properties": {
            "messages": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "English text of the page chrome -> its translation, with the same {placeholders}.",
            }
        },
        "required": ["messages"],
        "additionalProperties": False,
    }
    out["i18n-terms"] = {
        "type": "object",
        "properties": {
            "terms": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "en": {"type": "string"},
                        "es": {"type": "string"},
                        "avoid": {"type": "array", "items": {"type": "string"}},
                        "note": {"type": "string"},
                    },
                    "required": ["en", "es"],
                    "additionalProperties": False,
                },
            }
        },
        "required": ["terms"],
        "additionalProperties": False,
    }
    out["i18n-languages"] = {
        "type": "object",
        "properties": {
            "languages": {
                "type": "object",
                "propertyNames": {"pattern": "^[a-z]{2}$"},
                "additionalProperties": {"type": "string", "minLength": 1},
                "description": "Each language besides English: its code and its name, e.g. `es: Español`.",
            }
        },
        "required": ["languages"],
        "additionalProperties": False,
    }
    return out


def schema_line(lang_file: str) -> str:
    """The yaml-language-server line of a translation file, given its path under data/ ('i18n/es/faq/x.yml')."""
    depth = lang_file.count("/") + 1  # data/ and each folder below it
    parts = lang_file.split("/")
    if parts[-1] == "search-words.yml":
        name = "search-words"
    elif parts[-1] in ("ui.yml", "terms.yml", "profile.yml"):
        name = "i18n-" + parts[-1][: -len(".yml")]
    elif parts[-1] == LANGUAGES_FILE:
        name = "i18n-languages"
    elif len(parts) == 3:
        name = "i18n-model"
    else:
        name = "i18n-" + next(k.name for k in translatable_kinds() if folder_of(k) == parts[2])
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{name}.schema.json"


# --- coverage (`handbook translations`) -------------------------------------------------------------


def coverage(handbook) -> dict[str, dict]:
    """Per language: what is translated, what is behind the English, what is missing, what was reviewed."""
    from .docs import page_hash

    out = {}
    for code, language in handbook.languages.items():
        wanted = [i for i in handbook.items.values() if i.kind not in UNTRANSLATED_KINDS]
        current, stale, missing, reviewed = [], [], [], 0
        for item in wanted:
            found = language.items.get(item.id)
            if (
                found is not None
                and item.origin == "changed"
                and not (handbook.overlay is not None and found.file.startswith(handbook.overlay.folder + "/"))
            ):
                found = None  # the base's translation does not say what the organization changed
            if found is None:
                missing.append(item)
            elif found.status == "stale":
                stale.append((item, found))
            else:
                current.append(item)
            reviewed += bool(found is not None and found.reviewed)
        docs = [d for d in handbook.docs.values() if d.origin == "base" and _lang_of_src(d.src) is None]
        pages_missing = [d.src for d in docs if d.src not in language.docs]
        pages_stale = [(src, t) for src, t in language.docs.items() if t.status == "stale"]
        out[code] = {
            "name": language.name,
            "items": len(wanted),
            "current": current,
            "stale": stale,
            "missing": missing,
            "reviewed": reviewed,
            "pages": len(docs),
            "pages_missing": pages_missing,
            "pages_stale": pages_stale,
            "hashes": {i.id: hash_of(i.data) for i in wanted},
            "page_hashes": {d.src: page_hash(d) for d in docs},
            "ui_missing": sorted(set(_ui_texts()) - set(language.catalog.messages)),
        }
    return out


def _ui_texts() -> list[str]:
    """Every chrome text the templates and theme ask to translate (literal _("...") and hb_t("...") calls)."""
    root = Path(__file__).resolve().parent
    found: list[str] = []
    calls = re.compile(r"""(?:\b_|hb_t)\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""")
    files = [
        *sorted((root / "templates").glob("*.j2")),
        *sorted((root.parent / "overrides").rglob("*.html")),
        *sorted(root.rglob("*.py")),
    ]
    for path in files:
        if path.is_file():
            text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)  # not in comments
            if path.suffix == ".py":
                text = re.sub(r'"""[\s\S]*?"""', "", text)  # nor in docstrings
            for m in calls.finditer(text):
                found.append(m.group(1) if m.group(1) is not None else m.group(2))
    from .render import (
        COURSE_HANDOUTS,
        ICRC_LABELS,
        LIST_TITLES,
        MODULE_HANDOUTS,
        NAPS_LABELS,
        SAMHSA_LABELS,
        SETTING_LABELS,
    )

    for table in (LIST_TITLES, SETTING_LABELS, NAPS_LABELS, SAMHSA_LABELS, ICRC_LABELS):
        found += table.values()
    found += [v[1] for v in COURSE_HANDOUTS.values()] + [v[1] for v in MODULE_HANDOUTS.values()]
    for kind in KINDS.values():
        found += [kind.label, kind.plural] + ([kind.nav_title] if kind.nav_title else [])
    return [t for t in found if t]


def report(handbook, missing: bool = False) -> str:
    """The coverage report, as `handbook translations` prints it."""
    lines = []
    for code, c in coverage(handbook).items():
        done = len(c["current"]) + len(c["stale"])
        share = 100 * done / c["items"] if c["items"] else 100
        lines.append(
            f"{code} ({c['name']}): {done} of {c['items']} items translated ({share:.0f}%), "
            f"{len(c['stale'])} behind the English, {len(c['missing'])} not translated, {c['reviewed']} reviewed; "
            f"pages {c['pages'] - len(c['pages_missing'])} of {c['pages']}; "
            f"chrome texts missing: {len(c['ui_missing'])}"
        )
        for item, t in c["stale"]:
            when = f"changed in {t.changed_in}" if t.changed_in else "changed since, not yet released"
            lines.append(
                f"  stale: {t.file}: translated from the English of {t.translated_from}; the English {when}. "
                f"Update it, then set source_hash: {c['hashes'][item.id]}"
            )
        for src, t in c["pages_stale"]:
            lines.append(
                f"  stale: {t.file}: translated from the English of {t.translated_from}. "
                f"Update it, then set source_hash: {c['page_hashes'][src]}"
            )
        if missing:
            for item in c["missing"]:
                lines.append(f"  missing: {item.kind} {item.id} (`handbook translate {code} {item.id}` starts it)")
            for src in c["pages_missing"]:
                lines.append(f"  missing: page docs/{src} (copy it to docs/{code}/{src} and translate it)")
            for text in c["ui_missing"]:
                lines.append(f"  missing chrome text: {text!r} (add it to data/{I18N_DIR}/{code}/ui.yml)")
    return "\n".join(lines) if lines else f"no languages besides English (data/{I18N_DIR}/{LANGUAGES_FILE})"


def stale_ids(handbook) -> dict[str, list[str]]:
    """Per language, the ids (and pages) whose translation is behind the English: for the release notes."""
    return {
        code: [item.id for item, _ in c["stale"]] + [f"page:{src}" for src, _ in c["pages_stale"]]
        for code, c in coverage(handbook).items()
    }
