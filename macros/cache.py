"""Reading data files: parsed, shape-checked and scanned once each, in parallel when there are many,
and kept under .cache/ keyed by each file's content.

The cache is never a source of truth: an entry is used only when the file's
bytes and the engine code it was made with are exactly the same, and deleting
.cache/ changes nothing but the time a check takes. With many files to read,
a second process (fork) reads half of them; each process writes the cache
shard of the files it read, so that writing the cache costs no extra time.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING

from .problems import Problem

if TYPE_CHECKING:  # the parser and validator are imported where files are read: a cached verdict needs neither
    from .yamlio import Parsed

CACHE_DIR = ".cache/handbook"
SHARDS = 2
PARALLEL_FROM = 400  # files to read before a second process pays for itself

Job = tuple[Path, str, str | None]  # (file, name shown in messages, schema name or None)
Result = tuple["Parsed | None", list[Problem], list | None]  # (parse, the file's problems, its records' scans)


def _engine_key() -> str:
    """What a cached result depends on besides the file: the code that parses, checks and scans it."""
    from . import kinds, load, model, rules, schemas, validate, yamlio

    digest = hashlib.sha256()
    for module in (schemas, validate, yamlio, kinds, load, model, rules):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def parse_one(job: Job, raw: bytes | None = None) -> tuple[object, list[Problem], list | None]:
    """Read, shape-check and scan one file: (data or None, problems, scans of its records or None).

    raw: the file's bytes, when they were read already."""
    from .validate import check_shape
    from .yamlio import read

    path, shown, schema_name = job
    parsed, problems = read(path, shown, raw)
    if parsed is None:
        return None, problems, None
    if schema_name is not None:
        problems = problems + check_shape(parsed, schema_name)
    scans = None
    if schema_name is not None and schema_name not in ("profile", "changelog", "retire"):
        from .load import _records

        records, _ = _records(parsed, schema_name, path.stem)
        scans = [r.scanned for r in records]
    return parsed.data, problems, scans


def _digest(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        return _hash(path.read_bytes())
    except OSError:
        return None


def _hash(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


#: A file's digest still to be taken, from the bytes it is parsed from (a cache with no entries to compare:
#: each file is then read once, not once for its digest and again to parse it).
LATER = "later"


def _read_job(job: Job, digest: str | None) -> tuple[str | None, tuple]:
    """(digest, parse) of one file."""
    if digest != LATER:
        return digest, parse_one(job)
    try:
        if not job[0].is_file():
            raise OSError("not a regular file")
        raw = job[0].read_bytes()
    except OSError:
        return None, parse_one(job)  # the parse reports what it cannot read
    return _hash(raw), parse_one(job, raw)


def _shard(key: str) -> int:
    return int(hashlib.blake2b(key.encode(), digest_size=2).hexdigest(), 16) % SHARDS


def _key(job: Job) -> str:
    return f"{job[1]}\0{job[2]}"


def _write_shard(file: Path, key: str, entries: dict) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(file.name + f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump({"key": key, "entries": entries}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, file)
    except OSError:
        pass  # a cache that cannot be written only costs time


class Aside:
    """Cache shards written by forked copies of this process while the check goes on; finish() waits for them.

    At 100 times the real items, writing the parent's shard takes about 0.3 s, which the check spends
    building the site instead.
    """

    def __init__(self) -> None:
        self.pids: list[int] = []

    def write(self, file: Path, key: str, entries: dict) -> None:
        pid = os.fork() if _can_fork() else -1
        if pid == 0:  # the copy: write, then leave at once (no exit handlers, no buffers of the parent's)
            try:
                _write_shard(file, key, entries)
            finally:
                os._exit(0)
        if pid < 0:
            _write_shard(file, key, entries)
        else:
            self.pids.append(pid)

    def finish(self) -> None:
        while self.pids:
            try:
                os.waitpid(self.pids.pop(), 0)
            except ChildProcessError:
                pass


def _read_and_keep(jobs: list[tuple[Job, str | None]], shard_file: Path | None, key: str, kept: dict) -> list:
    """The worker's part: parse its jobs, write its cache shard (with the entries it keeps), return the results."""
    import gc

    gc.disable()  # as in the loader: the data holds no cycles
    out = [_read_job(job, digest) for job, digest in jobs]
    if shard_file is not None and all(digest is not None for digest, _ in out):
        entries = dict(kept)
        for (job, _), pair in zip(jobs, out, strict=True):
            entries[_key(job)] = pair
        _write_shard(shard_file, key, entries)
        if shard_file.exists():
            return None  # the caller reads the results from the shard: they cross once, not twice
    return out


class NoCache:
    """Reads every file afresh (in two processes when there are many)."""

    def __init__(self) -> None:
        self.root: Path | None = None

    def read(self, path: Path, shown: str, schema_name: str | None) -> Result:
        return self.read_many([(path, shown, schema_name)])[0]

    def read_many(self, jobs: list[Job]) -> list[Result]:
        raw = _parallel([(job, None) for job in jobs], None, "", {})
        return [_result(job, r) for job, (_, r) in zip(jobs, raw, strict=True)]

    def save(self) -> None:
        pass


class FileCache(NoCache):
    """Keeps what was read for each file, by the hash of its bytes, in SHARDS files under .cache/handbook."""

    def __init__(self, root: Path, aside: Aside | None = None):
        super().__init__()
        self.aside = aside
        self.folder = root / CACHE_DIR
        self.key = _engine_key()
        self.entries: dict[str, tuple] = {}
        self.used: dict[str, tuple] = {}
        self.written: set[int] = set()
        for shard in range(SHARDS):
            try:
                with (self.folder / f"parsed-{shard}.pickle").open("rb") as handle:
                    stored = pickle.load(handle)
                if stored.get("key") == self.key:
                    self.entries.update(stored["entries"])
            except (
                OSError,
                pickle.UnpicklingError,
                EOFError,
                AttributeError,
                KeyError,
                TypeError,
                ValueError,
                ImportError,
            ):
                continue

    def read_many(self, jobs: list[Job]) -> list[Result]:
        results: list[Result | None] = [None] * len(jobs)
        misses: list[tuple[int, Job, str | None]] = []
        for i, job in enumerate(jobs):
            digest = _digest(job[0]) if self.entries else LATER
            key = _key(job)
            hit = self.entries.get(key)
            if digest is not None and hit is not None and hit[0] == digest:
                self.used[key] = hit
                results[i] = _result(job, hit[1])
            else:
                misses.append((i, job, digest))
        if misses:
            by_shard = [m for m in misses if _shard(_key(m[1])) == 1]
            mine = [m for m in misses if _shard(_key(m[1])) != 1]
            if len(misses) >= PARALLEL_FROM and _can_fork():
                kept = {k: v for k, v in self.used.items() if _shard(k) == 1}
                raw = _in_two(mine, by_shard, self.folder / "parsed-1.pickle", self.key, kept)
                self.written.add(1)
                done = list(zip(mine + by_shard, raw, strict=True))
            else:
                raw = [_read_job(job, digest) for _, job, digest in misses]
                done = list(zip(misses, raw, strict=True))
            for (i, job, _), (digest, result) in done:
                results[i] = _result(job, result)
                if digest is not None:
                    self.used[_key(job)] = (digest, result)
        return results

    def save(self) -> None:
        """Write the shards no worker wrote, with the entries of the files read in this run (deleted files drop out)."""
        for shard in range(SHARDS):
            if shard in self.written:
                continue
            entries = {k: v for k, v in self.used.items() if _shard(k) == shard}
            before = {k: v for k, v in self.entries.items() if _shard(k) == shard}
            if entries != before:
                (self.aside.write if self.aside else _write_shard)(
                    self.folder / f"parsed-{shard}.pickle", self.key, entries
                )


def _result(job: Job, raw: tuple) -> Result:
    from .yamlio import Parsed

    data, problems, scans = raw
    if data is None:
        return None, list(problems), None
    return Parsed(job[1], data, None, job[0], "", None), list(problems), scans


def _can_fork() -> bool:
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def _parallel(jobs: list[tuple[Job, str | None]], shard_file, key: str, kept: dict) -> list:
    if len(jobs) < PARALLEL_FROM or not _can_fork():
        return [_read_job(job, digest) for job, digest in jobs]
    half = len(jobs) // 2
    mine = [(None, job, digest) for job, digest in jobs[:half]]
    theirs = [(None, job, digest) for job, digest in jobs[half:]]
    return _in_two(mine, theirs, None, key, kept)


def _in_two(mine: list, theirs: list, shard_file: Path | None, key: str, kept: dict) -> list:
    """Parse `theirs` in a forked process (which writes shard_file) while this one parses `mine`."""
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        pending = pool.apply_async(
            _read_and_keep, ([(job, digest) for _, job, digest in theirs], shard_file, key, kept)
        )
        own = [_read_job(job, digest) for _, job, digest in mine]
        other = pending.get()
    if other is None:  # the worker wrote its results to the cache shard
        with shard_file.open("rb") as handle:
            entries = pickle.load(handle)["entries"]
        other = [entries[_key(job)] for _, job, _ in theirs]
    return own + other


def fingerprint(root: Path, today: str) -> str:
    """A hash of everything a check reads: the data, the overlay, the hand-written pages, the lock,
    mkdocs.yml and the theme's templates (overrides/), the engine's own code and templates, the switches in the environment, and today's date
    (review dates are checked against it)."""
    root = Path(root)
    digest = hashlib.blake2b(digest_size=20)
    engine = Path(__file__).resolve().parent
    org = os.environ.get("HANDBOOK_ORG")
    folders = [root / "data", root / "docs", (root / org) if org else root / "org", root / "overrides", engine]
    for folder in folders:
        if not folder.is_dir():
            continue
        base = folder if folder == engine else folder.parent
        for path in _files_under(str(folder)):
            try:
                with open(path, "rb") as handle:
                    raw = handle.read()
            except OSError:
                continue  # a broken link or a file gone meanwhile: the check that follows reports what it misses
            digest.update(os.path.relpath(path, base).encode())
            digest.update(raw)
    for name in ("content.lock.json", "mkdocs.yml"):
        if (root / name).exists():
            digest.update(name.encode() + (root / name).read_bytes())
    for name in ("HANDBOOK_ORG", "SITE_URL"):
        digest.update(f"{name}={os.environ.get(name, '')}".encode())
    digest.update(today.encode())
    return digest.hexdigest()


def _files_under(folder: str) -> list[str]:
    """Every file under folder (not __pycache__), in a fixed order; os.walk is four times quicker than rglob here."""
    out = []
    for where, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        out += [os.path.join(where, name) for name in sorted(files) if os.path.isfile(os.path.join(where, name))]
    return out


def verdict(root: Path, key: str) -> tuple[int, str, str] | None:
    """(exit code, output, errors) of the last check of exactly these inputs, if any."""
    try:
        with (Path(root) / CACHE_DIR / "verdict.pickle").open("rb") as handle:
            stored = pickle.load(handle)
        return stored["result"] if stored.get("key") == key else None
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError):
        return None


def keep_verdict(root: Path, key: str, result: tuple[int, str, str]) -> None:
    file = Path(root) / CACHE_DIR / "verdict.pickle"
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(file.name + f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump({"key": key, "result": result}, handle)
        os.replace(tmp, file)
    except OSError:
        pass


def open_cache(root: Path | None, aside: Aside | None = None) -> NoCache:
    """The cache under root (its shards written by `aside` when given), or none when root is None."""
    return FileCache(root, aside) if root is not None else NoCache()
