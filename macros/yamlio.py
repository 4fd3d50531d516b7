"""Read one YAML data file, keeping the line of every node.

PyYAML's composer gives every node its position; we build plain Python values
from the nodes ourselves so that we can record where each value came from and
refuse duplicate keys, which PyYAML would silently let the last one win.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

MAX_BYTES = 1_000_000
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: several times faster

Path_ = tuple[object, ...]


@dataclass
class Parsed:
    """A file's data and the line (1-based) of every value in it.

    A file read by the fast path (libyaml builds the data) finds its lines only when a message
    first asks for one: the text is composed again, keeping the position of every node.
    """

    file: str
    data: Any
    _lines: dict[Path_, int] | None = None
    path: Path | None = None  # the file on disk
    source: str = ""  # the file's text
    _spans: dict[Path_, tuple[int, int]] | None = None  # where values holding [[references]] are in source

    @property
    def lines(self) -> dict[Path_, int]:
        if self._lines is None:
            self._locate()
        return self._lines

    @property
    def spans(self) -> dict[Path_, tuple[int, int]]:
        if self._spans is None:
            self._locate()
        return self._spans

    def _locate(self) -> None:
        if not self.source and self.path is not None:  # read from the parse cache: the file is unchanged
            self.source = self.path.read_text(encoding="utf-8").lstrip("\ufeff")
        located = Parsed(self.file, None, {}, self.path, self.source, {})
        try:
            _Builder(located, []).build(yaml.compose(self.source, Loader=FAST_LOADER), ())
        except (yaml.YAMLError, _AliasError):  # pragma: no cover - the fast path read it already
            pass
        self._lines, self._spans = located._lines, located._spans

    def line(self, path: Path_) -> int:
        """Line of the value at path, or of its nearest parent that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def key_line(self, path: Path_) -> int:
        """Line of the key that names the value at path (for unknown keys)."""
        return self.lines.get(("key",) + tuple(path), self.line(path))

    def where(self, path: Path_) -> tuple[str, int]:
        return self.file, self.line(path)

    def text_line(self, path: Path_, nth: int) -> int:
        """Line of the nth '[[' inside the text at path (a reference in a long text), else the text's line."""
        span = self.spans.get(tuple(path))
        if span is None:
            return self.line(path)
        start, end = span
        at = start
        for _ in range(nth + 1):
            found = self.source.find("[[", at, end)
            if found < 0:
                return self.line(path)
            at = found + 2
        return self.source.count("\n", 0, at) + 1

    def key_where(self, path: Path_) -> tuple[str, int]:
        return self.file, self.key_line(path)


@dataclass
class Merged:
    """An item whose fields come from a base file, some replaced by an overlay's change file.

    Paths are relative to the item; each top-level field is located in the file it came from.
    """

    base: Parsed
    prefix: Path_  # where the item sits in the base file
    changes: dict[str, Parsed]  # field -> the change file that sets it (its item is at its root)
    data: Any = None

    @property
    def file(self) -> str:
        return self.base.file

    def _owner(self, path: Path_) -> tuple[Parsed, Path_]:
        path = tuple(path)
        if path and path[0] in self.changes:
            return self.changes[path[0]], path
        return self.base, self.prefix + path

    def line(self, path: Path_) -> int:
        return self.where(path)[1]

    def where(self, path: Path_) -> tuple[str, int]:
        parsed, full = self._owner(path)
        return parsed.where(full)

    def key_where(self, path: Path_) -> tuple[str, int]:
        parsed, full = self._owner(path)
        return parsed.key_where(full)

    def text_line(self, path: Path_, nth: int) -> int:
        parsed, full = self._owner(path)
        return parsed.text_line(full, nth)


class _Builder:
    def __init__(self, parsed: Parsed, problems: list[Problem]):
        self.parsed = parsed
        self.problems = problems
        self.constructor = yaml.SafeLoader("")
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            if id(node) in self.seen:  # an alias (*name): refuse, so no file can expand into millions of nodes
                raise _AliasError(node.start_mark.line + 1)
            self.seen.add(id(node))
        self.parsed._lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node)
                if not isinstance(key, str):
                    key = str(key)
                child = path + (key,)
                if key in out:
                    first = self.parsed._lines[("key",) + child]
                    self.problems.append(
                        Problem(
                            self.parsed.file,
                            key_node.start_mark.line + 1,
                            _dotted(child),
                            f"duplicate key '{key}' (first given on line {first}); keep one",
                        )
                    )
                    continue
                self.parsed._lines[("key",) + child] = key_node.start_mark.line + 1
                out[key] = self.build(value_node, child)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        value = self.scalar(node)
        if isinstance(value, str) and "[[" in value:
            self.parsed._spans[path] = (node.start_mark.index, node.end_mark.index)
        return value

    def scalar(self, node: yaml.Node) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return "<" + node.id + ">"
        if node.tag == _TIMESTAMP:
            return node.value  # dates are text in our schemas, checked there (an impossible one is no date)
        value = self.constructor.construct_object(node, deep=True)
        if isinstance(value, (datetime.date, datetime.datetime)):
            return node.value  # dates are text in our schemas
        return value


_SLOW = object()  # the fast path cannot read this file as our own builder would: take the slow one


class _Fast(FAST_LOADER):
    """libyaml's loader; its nodes are turned into data by _construct, not by PyYAML's constructor.

    libyaml calls back into Python to tag each node; resolve() below gives the very tags PyYAML's
    does (the safe loader's implicit resolvers, in their order; it has no path resolvers), with less
    work per node, and the path-resolver hooks do nothing, as they would with no path resolvers.
    """

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
                    if regexp.match(value):
                        return tag
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


class _NotFast(Exception):
    pass


#: What could be YAML anchor or alias syntax (&name, *name) where a value starts. A file that has it takes
#: the slow path, which refuses real aliases with their line; Markdown emphasis at a line's start only costs time.
#: (Looked for as below: one search for & or * before a name, then a look at what precedes it, is three
#: times quicker than that pattern's search on the handbook's prose, where Markdown emphasis is common.)
MAYBE_ALIAS = re.compile(r"(?m)(?:^[ \t]*(?:- )?|[:\[,{] )[&*][A-Za-z0-9_]")
_ANCHOR_MARK = re.compile(r"[&*][A-Za-z0-9_]")
_LINE_START = re.compile(r"[ \t]*(?:- )?")


def maybe_alias(text: str) -> bool:
    """Whether MAYBE_ALIAS would find anything in text."""
    for mark in _ANCHOR_MARK.finditer(text):
        at = mark.start()
        if at >= 2 and text[at - 1] == " " and text[at - 2] in ":[,{":
            return True
        line = text.rfind("\n", 0, at) + 1
        if _LINE_START.match(text, line).end() == at:
            return True
    return False


_TAG = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ, _TIMESTAMP = _TAG + "str", _TAG + "map", _TAG + "seq", _TAG + "timestamp"
#: The plain scalars other than text that the fast path turns into values with PyYAML's own functions.
_SCALARS = {
    _TAG + name: getattr(yaml.constructor.SafeConstructor, "construct_yaml_" + name)
    for name in ("int", "float", "bool", "null")
}


if FAST_LOADER.yaml_path_resolvers:  # pragma: no cover - PyYAML's safe loaders have none
    raise RuntimeError("the fast loader's resolve() assumes no path resolvers")
_WILDCARD = tuple(FAST_LOADER.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT = {
    first: tuple(resolvers) + _WILDCARD
    for first, resolvers in FAST_LOADER.yaml_implicit_resolvers.items()
    if first is not None
}


def _construct(loader, node) -> Any:
    """The data of libyaml's node tree, built directly: a third quicker than PyYAML's general constructor.

    Only what the slow path would build the same way is built here: text keys, each once; the plain
    tags; dates kept as text. Anything else (other tags, merge keys, duplicate or non-text keys)
    raises _NotFast, and the slow path reads the file and reports with lines.
    """
    kind = node.__class__
    if kind is yaml.ScalarNode:
        tag = node.tag
        if tag == _STR or tag == _TIMESTAMP:
            return node.value
        make = _SCALARS.get(tag)
        if make is None:
            raise _NotFast()
        return make(loader, node)
    if kind is yaml.MappingNode:
        if node.tag != _MAP:
            raise _NotFast()
        out = {}
        for key, value in node.value:
            if key.__class__ is not yaml.ScalarNode or key.tag != _STR:
                raise _NotFast()
            out[key.value] = _construct(loader, value)
        if len(out) != len(node.value):
            raise _NotFast()  # a key given twice
        return out
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_construct(loader, item) for item in node.value]
    raise _NotFast()


def _fast_load(text: str) -> Any:
    """The data of a file whose every node our builder would accept, else _SLOW (and the slow path reports)."""
    if maybe_alias(text):
        return _SLOW
    loader = _Fast(text)
    try:
        node = loader.get_single_node()
        if not isinstance(node, yaml.MappingNode):
            return _SLOW
        return _construct(loader, node)
    except (yaml.YAMLError, _NotFast, RecursionError):
        return _SLOW
    finally:
        loader.dispose()


class _AliasError(Exception):
    def __init__(self, line: int):
        self.line = line


def _dotted(path: Path_) -> str:
    from .problems import field_path

    return field_path(path)


def read(path: Path, shown_as: str, raw: bytes | None = None) -> tuple[Parsed | None, list[Problem]]:
    """Parse one file (raw: its bytes, when the caller has read them already). Returns (parsed or None, problems)."""
    if raw is None and not path.is_file():  # a broken link, a pipe or a folder named *.yml: nothing to read
        return None, [
            Problem(
                shown_as, 0, "", "not a readable file (a broken link, or not a regular file): remove it or restore it"
            )
        ]
    try:
        size = path.stat().st_size if raw is None else len(raw)
        if raw is None and size <= MAX_BYTES:
            raw = path.read_bytes()
    except OSError as err:
        return None, [Problem(shown_as, 0, "", f"cannot be read ({err.strerror or err}): check its permissions")]
    if size > MAX_BYTES:
        mb = size / 1_000_000
        return None, [
            Problem(shown_as, 0, "", f"file is {mb:.1f} MB; the limit is 1 MB: split it or remove what does not belong")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "", "file is not UTF-8 text: save it as UTF-8")]
    if text.startswith("\ufeff"):
        text = text[1:]
    data = _fast_load(text)
    if data is not _SLOW:
        return Parsed(shown_as, data, None, path, text, None), []
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        pass  # parse again with the pure-Python parser below, whose messages are the ones we document
    else:
        return _convert(node, shown_as, path, text)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.reader.ReaderError as err:  # a character YAML does not allow, such as a control character
        line = text[: err.position].count("\n") + 1
        return None, [
            Problem(
                shown_as,
                line,
                "",
                f"this line holds a character YAML cannot read (U+{err.character if isinstance(err.character, int) else ord(err.character):04X}): delete it",
            )
        ]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 0
        what = err.problem or "cannot be read"
        if "\\t" in what or "\t" in what:
            return None, [
                Problem(
                    shown_as,
                    line,
                    "",
                    "not valid YAML: this line holds a tab character; YAML indents with spaces: replace the tab with spaces",
                )
            ]
        lines = text.splitlines()
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        before = next(
            (t for t in reversed(lines[: max(line - 1, 0)]) if t.strip() and not t.lstrip().startswith("#")), ""
        )
        advice = yaml_advice(what, str(err.context or ""), here, before)
        opened = _open_quote_before(lines, line)
        if opened and "quotation mark" not in advice:
            advice += f"; or the quotation mark on line {opened} opens a text that is never closed"
        return None, [Problem(shown_as, line, "", "not valid YAML: " + advice)]
    except yaml.YAMLError as err:
        return None, [Problem(shown_as, 0, "", f"not valid YAML: {err}")]
    return _convert(node, shown_as, path, text)


def _open_quote_before(lines: list[str], line: int) -> int | None:
    """The last line before `line` that leaves a double quote open (an odd number of unescaped quotes)."""
    for n in range(min(line, len(lines)) - 1, 0, -1):
        text = re.sub(r"\\.", "", lines[n - 1].split(" #")[0])
        if text.count('"') % 2:
            return n
    return None


def yaml_advice(problem: str, context: str, line: str, before: str = "") -> str:
    """What a YAML syntax error means and what to do about it, in plain words (the line is the one it names,
    before the last line of content above it)."""
    key, _, value = line.strip().lstrip("- ").partition(": ")

    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    above_has_value = bool(re.match(r"\s*(?:-\s+)?[\w-]+:\s+\S", before)) and not before.rstrip().endswith(
        ("|", ">", "|-", ">-")
    )
    if "mapping values are not allowed" in problem and indent(line) > indent(before) and above_has_value:
        return (
            "this line is indented further than the line above, so YAML reads it as more of that line's text: "
            "line it up (with spaces) with the fields around it"
        )
    if "mapping values are not allowed" in problem:
        if value and ": " in value:
            return (
                f"the text of '{key}' holds ': ' (a colon and a space), which YAML reads as the start of a new field: "
                f'put the whole text in double quotes, e.g. {key}: "{value.strip()}"'
            )
        return "a line holds a second ': ' (a colon and a space): put the text after the first one in double quotes"
    if "could not find expected ':'" in problem or "could not find expected ':'" in context:
        return (
            "a field name needs a colon and a space after it (`name: value`), and text that runs on to the next "
            "line must be indented under its field"
        )
    if "found unexpected end of stream" in problem or "found unexpected end of stream" in context:
        return "a quotation mark opens a text and never closes it: add the closing quote"
    if (
        "expected <block end>" in problem
        or "did not find expected key" in problem
        or "expected <block mapping start>" in problem
    ):
        return (
            "this line is not lined up with the lines around it: indent it with spaces exactly as far as the other "
            "fields (or the other `-` items) at the same level"
        )
    if "did not find expected '-' indicator" in problem:
        return (
            "this line is not lined up with the list above it: start each item of the list with `-` at the same indent"
        )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a list in [square brackets] is not closed, or a comma is missing: write it as [first, second]"
    if "that cannot start any token" in problem:
        char = re.search(r"found character '(.+?)'", problem)
        shown = char.group(1) if char else "this character"
        return f"a text cannot begin with {shown} in YAML: put the whole text in double quotes"
    if "expected alphabetic or numeric character" in problem:
        return "a text that begins with * or & reads as a YAML alias: put the whole text in double quotes"
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return "YAML anchors and aliases (&name, *name) are not allowed here: write the value out in full"
    return f"{problem}; check the indentation and quoting here"


def _convert(
    node: yaml.Node | None, shown_as: str, source: Path, text: str = ""
) -> tuple[Parsed | None, list[Problem]]:
    problems: list[Problem] = []
    if node is None:
        return None, [Problem(shown_as, 0, "", "file is empty: fill it in, or delete it")]
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Problem(
                shown_as,
                node.start_mark.line + 1,
                "",
                "file must hold a list of `name: value` lines, not a list of items or a single value",
            )
        ]
    parsed = Parsed(shown_as, None, {}, source, text, {})
    try:
        parsed.data = _Builder(parsed, problems).build(node, ())
    except _AliasError as err:
        return None, [
            Problem(
                shown_as,
                err.line,
                "",
                "YAML anchors and aliases (&name, *name) are not allowed here: write the value out in full",
            )
        ]
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return None, [Problem(shown_as, mark.line + 1 if mark else 0, "", f"not valid YAML: {err}")]
    return parsed, problems
