"""Rules about the tests themselves: each states its rule, and the code passes the project's lint and format."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys

from tests.conftest import ROOT

SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?] +[A-Z]")  # the end of one sentence and the start of another


def _test_functions():
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"):
                yield path.relative_to(ROOT).as_posix(), node


def test_every_test_states_its_rule_in_one_sentence():
    """Every test function has a docstring of one sentence, on one line, ending with a full stop."""
    bad = []
    for path, node in _test_functions():
        doc = ast.get_docstring(node)
        if not doc:
            bad.append(f"{path}:{node.lineno}: {node.name}: no docstring")
        elif "\n" in doc.strip() or not doc.strip().endswith(".") or SENTENCE_BREAK.search(doc):
            bad.append(f"{path}:{node.lineno}: {node.name}: {doc.strip()[:90]!r} is not one sentence on one line")
    assert bad == [], "\n".join(bad)


def _ruff(*args: str) -> subprocess.CompletedProcess:
    ruff = shutil.which("ruff", path=str(ROOT / ".venv" / "bin")) or shutil.which("ruff")
    command = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    return subprocess.run([*command, *args, "macros", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)


def test_code_passes_ruff_check():
    """`ruff check` finds nothing, with the rules and line length configured in pyproject.toml."""
    run = _ruff("check", "--output-format", "concise")
    assert run.returncode == 0, run.stdout + run.stderr


def test_code_is_formatted_by_ruff():
    """`ruff format --check` would change no file."""
    run = _ruff("format", "--check")
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_test_file_is_collected(request):
    """pytest collects every tests/**/test_*.py file (none is hidden by a folder name such as build/)."""
    on_disk = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-n", "0", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"},  # its own -q, whatever the caller's
    )
    collected = {line.split("::")[0] for line in run.stdout.splitlines() if "::" in line}
    assert on_disk - collected == set(), run.stdout[-2000:] + run.stderr[-2000:]
