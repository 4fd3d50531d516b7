"""`handbook check` judges what the build reads besides the data: mkdocs.yml, the theme's templates, addresses.

Each case breaks one thing a new user might break (found by trying broken inputs off the tested paths). The
check must name the file and line; the strict build, run for real in one process, must stop without a
traceback (and, where the engine stops it, with the check's own line); a case the engine can build must pass
both.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from macros.cli import check_all
from tests.build.conftest import fixture_project
from tests.build.test_check_means_build import BUILD_ALL
from tests.conftest import CLEAN_ENV


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append(path, text):
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _module_called_course(p):
    text = (p / "data/training/intro.yml").read_text(encoding="utf-8")
    (p / "data/training/course.yml").write_text(text.replace("id: intro", "id: course"), encoding="utf-8")


def _principle_called_index(p):
    text = (p / "data/principles/respect.yml").read_text(encoding="utf-8")
    text = text.replace("id: respect", "id: index").replace("order: 2", "order: 3")
    (p / "data/principles/index.yml").write_text(text, encoding="utf-8")


#: case -> (how to break the project, the start of the check's line, whether the build shows that line)
CASES = {
    "unknown-markdown-extension": (
        lambda p: _edit(p / "mkdocs.yml", "markdown_extensions:\n", "markdown_extensions:\n  - no_such_extension\n"),
        "mkdocs.yml:67: markdown_extensions: Failed to load extension 'no_such_extension'.",
        False,
    ),
    "nav-not-a-list": (lambda p: _append(p / "mkdocs.yml", "\nnav: 42\n"), "mkdocs.yml:112: nav: Expected nav", False),
    "broken-yaml": (
        lambda p: _append(p / "mkdocs.yml", "\nextra_css: [unclosed\n"),
        "mkdocs.yml:112: not valid YAML: while parsing a flow sequence",
        False,
    ),
    "misspelt-setting": (
        lambda p: _append(p / "mkdocs.yml", "\nsite_nmae: Handbook\n"),
        "mkdocs.yml:112: site_nmae: Unrecognised configuration name: site_nmae",
        False,
    ),
    "broken-theme-template": (
        lambda p: (p / "overrides/main.html").write_text(
            "{% extends 'base.html' %}\n{% block content %}{% if %}{% endblock %}\n", encoding="utf-8"
        ),
        "overrides/main.html:2: template error: Expected an expression",
        True,
    ),
    "page-on-a-generated-address": (
        lambda p: (p / "docs/glossary.md").write_text("# Our glossary\n", encoding="utf-8"),
        "docs/glossary.md:1: the handbook already makes the page glossary.md (Glossary)",
        True,
    ),
    "item-id-is-a-page-name": (
        _principle_called_index,
        "data/principles/index.yml:2: id: 'index' would give this item the address of the page 'Principles'",
        True,
    ),
    "module-called-course": (_module_called_course, None, None),
}


def test_site_configuration_and_addresses_are_checked_like_the_build(tmp_path):
    """A broken mkdocs.yml, theme template or page address fails the check with its line, and the build stops cleanly."""
    projects = {}
    for name, (mutate, _, _) in CASES.items():
        projects[name] = fixture_project(tmp_path / name)
        mutate(projects[name])
    missing = fixture_project(tmp_path / "no-mkdocs-yml")
    (missing / "mkdocs.yml").unlink()
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}
    env["NO_MKDOCS_2_WARNING"] = "1"
    jobs = [(str(p), str(p / "site")) for p in projects.values()]
    run = subprocess.run(
        [sys.executable, "-c", BUILD_ALL, json.dumps(jobs)], capture_output=True, text=True, env=env, timeout=600
    )
    assert run.returncode == 0, run.stderr[-3000:]
    built = json.loads(run.stdout.splitlines()[-1])
    wrong = []
    for name, (_, expected, same_line) in CASES.items():
        _, problems, _ = check_all(projects[name], use_cache=False)
        lines = [str(p) for p in sorted(problems) if not p.warning]
        out = built[str(projects[name])]
        if "Traceback" in out:
            wrong.append(f"{name}: the build crashed:\n{out[-1500:]}")
        if expected is None:  # the engine can build this one: both pass
            if lines or not out.startswith("built"):
                wrong.append(f"{name}: should pass; check says {lines}, build says {out[-800:]}")
            continue
        if not any(line.startswith(expected) for line in lines):
            wrong.append(f"{name}: the check says {lines}, not {expected!r}")
        if out.startswith("built"):
            wrong.append(f"{name}: the build passed")
        elif same_line and not any(line in out for line in lines):
            wrong.append(f"{name}: the build does not show the check's line; it says:\n{out[-800:]}")
    _, problems, _ = check_all(missing, use_cache=False)
    if [str(p) for p in problems] != [
        "mkdocs.yml: required file is missing: restore it with `git checkout mkdocs.yml`"
    ]:
        wrong.append(f"no-mkdocs-yml: the check says {[str(p) for p in problems]}")
    assert wrong == [], "\n".join(wrong)


def test_a_cached_verdict_sees_a_changed_theme_template(tmp_path):
    """The check's cached verdict is keyed on the theme's templates too: breaking one after a pass fails the next check."""
    project = fixture_project(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if k not in CLEAN_ENV}

    def check():
        return subprocess.run(
            [sys.executable, "-m", "macros.cli", "check"], cwd=project, capture_output=True, text=True, env=env
        )

    assert check().returncode == 0
    (project / "overrides/main.html").write_text("{% extends 'base.html' %}{% if %}\n", encoding="utf-8")
    again = check()
    assert again.returncode == 1 and again.stderr.startswith("overrides/main.html:1: template error:"), again.stderr
