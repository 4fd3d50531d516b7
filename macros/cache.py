"""A cache of parsed, shape-checked data files under .cache/, keyed by each file's content.

It is never a source of truth: an entry is used only when the file's bytes,
the schemas and the parser are exactly those it was made from, and deleting
.cache/ changes nothing but the time a check takes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .problems import Problem
from .validate import check_shape
from .yamlio import Parsed, read

CACHE_DIR = ".cache/handbook"
CACHE_FILE = "parsed.pickle"


def _engine_key() -> str:
    """What the cached results depend on besides the file: the schemas, the parser and the shape checker."""
    from . import schemas, validate, yamlio

    digest = hashlib.sha256()
    for module in (schemas, validate, yamlio):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


class NoCache:
    """Reads every file afresh."""

    def read(self, path: Path, shown: str, schema_name: str | None) -> tuple[Parsed | None, list[Problem]]:
        parsed, problems = read(path, shown)
        if parsed is not None and schema_name is not None:
            problems = problems + check_shape(parsed, schema_name)
        return parsed, problems

    def save(self) -> None:
        pass


class FileCache(NoCache):
    """Keeps what read() found for each file, by the hash of its bytes."""

    def __init__(self, root: Path):
        self.file = root / CACHE_DIR / CACHE_FILE
        self.key = _engine_key()
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        try:
            with self.file.open("rb") as handle:
                stored = pickle.load(handle)
            if stored.get("key") == self.key:
                self.entries = stored["entries"]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError, ValueError):
            self.entries = {}

    def read(self, path: Path, shown: str, schema_name: str | None) -> tuple[Parsed | None, list[Problem]]:
        try:
            raw = path.read_bytes()
        except OSError:
            return super().read(path, shown, schema_name)
        digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
        key = f"{shown}\0{schema_name}"
        hit = self.entries.get(key)
        if hit is not None and hit[0] == digest:
            self.used[key] = hit
            data, lines, spans, source, problems = hit[1]
            parsed = None if data is _UNREADABLE else Parsed(shown, data, dict(lines), path, source, dict(spans))
            return parsed, list(problems)
        parsed, problems = super().read(path, shown, schema_name)
        stored = (_UNREADABLE, {}, {}, "", problems) if parsed is None else (parsed.data, parsed.lines, parsed.spans, parsed.source if parsed.spans else "", problems)
        self.used[key] = (digest, stored)
        return parsed, problems

    def save(self) -> None:
        """Write the entries of the files read in this run (so deleted files drop out)."""
        if self.used == self.entries:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(self.file.name + f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump({"key": self.key, "entries": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time


class _Unreadable:
    def __reduce__(self):
        return (_unreadable, ())


def _unreadable():
    return _UNREADABLE


_UNREADABLE = _Unreadable()


def open_cache(root: Path | None) -> NoCache:
    return FileCache(root) if root is not None else NoCache()
