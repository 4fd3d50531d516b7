"""Problems found in the data, reported the same way by every caller."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file."""

    file: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        field = f"{self.field}: " if self.field else ""
        prefix = "warning: " if self.warning else ""
        return f"{where}{prefix}{field}{self.message}"


class HandbookError(Exception):
    """The data has problems; nothing may be built from it."""

    def __init__(self, problems: Iterable[Problem], folder: str = ""):
        self.problems = sorted(problems)
        self.folder = folder
        super().__init__(self.report())

    def report(self) -> str:
        return report(self.problems, self.folder)


def report(problems: list[Problem], folder: str = "") -> str:
    """Every problem on its own line, then a count and where they are ('data/ and docs/')."""
    errors = [p for p in problems if not p.warning]
    lines = [str(p) for p in problems]
    n = len(errors)
    if n:
        lines.append(f"{n} problem{'s' if n != 1 else ''} found in {folder or places(errors)}; nothing was built.")
    return "\n".join(lines)


def places(problems: Iterable[Problem]) -> str:
    """The folders (or files) the problems are in, for the count line: 'data/', 'data/ and docs/'."""
    found: list[str] = []
    for p in problems:
        head, sep, _ = p.file.partition("/")
        name = head + "/" if sep else head
        if name not in found:
            found.append(name)
    return " and ".join([", ".join(found[:-1]), found[-1]] if len(found) > 1 else found) or "the handbook"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' when a close match exists, else ''.

    Among many choices (thousands of ids), only those of about the same length that share a letter
    near the start are compared, so that a hundred typos cost milliseconds, not minutes.
    """
    choices = list(choices)
    if len(choices) > 200:
        near = set(word[:3])
        choices = [c for c in choices if abs(len(c) - len(word)) <= 4 and near & set(c[:3])]
    match = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def field_path(path: Iterable[object]) -> str:
    """('examples', 1, 'title') -> 'examples[1].title'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
