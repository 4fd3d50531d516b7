"""If `handbook check` passes, the build passes; if it fails, the build fails with the same lines.

Proven two ways: over every broken fixture (each is built for real, with
MkDocs, in one process that loops over them), and over random damage to the
handbook's own data files (Hypothesis): byte flips, deleted lines, values of
the wrong type, truncations and random Unicode. The check must never crash or
hang, must name a file and a line for what it finds, and whenever it passes,
the whole site must render.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from macros.cli import check_all
from macros.config import read_config
from macros.problems import HandbookError
from macros.site import build_site
from macros.urls import Urls
from tests.build.conftest import fixture_project
from tests.conftest import CLEAN_ENV, ROOT, apply_broken
from tests.data.test_rules import EXPECTED

BUILD_ALL = textwrap.dedent("""
    import io, json, logging, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException
    results = {}
    for project, site in json.loads(sys.argv[1]):
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        logging.getLogger("mkdocs").addHandler(handler)
        try:
            build(load_config(project + "/mkdocs.yml", site_dir=site, strict=True))
            outcome = "built"
        except (Abort, MkDocsException, SystemExit) as err:
            outcome = "stopped: " + str(err)
        except Exception as err:  # a crash: the rule is broken
            import traceback
            outcome = "Traceback: " + traceback.format_exc()
        finally:
            logging.getLogger("mkdocs").removeHandler(handler)
        results[project] = outcome + "\\n" + stream.getvalue()
    print(json.dumps(results))
""")


def test_every_broken_fixture_stops_the_build_with_the_check_s_lines(tmp_path):
    """Each broken fixture fails `handbook check`, and its MkDocs build stops with exactly those lines, no traceback."""
    projects = {}
    for rule in sorted(EXPECTED):
        project = fixture_project(tmp_path / rule)
        apply_broken(project, rule)
        projects[rule] = project
    valid = fixture_project(tmp_path / "valid")
    jobs = [(str(p), str(p / "site")) for p in [*projects.values(), valid]]
    env = {k: v for k, v in __import__("os").environ.items() if k not in CLEAN_ENV}
    env["NO_MKDOCS_2_WARNING"] = "1"
    run = subprocess.run(
        [sys.executable, "-c", BUILD_ALL, json.dumps(jobs)], capture_output=True, text=True, env=env, timeout=600
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads(run.stdout.splitlines()[-1])
    wrong = []
    for rule, project in projects.items():
        _, problems, _ = check_all(project, use_cache=False)
        lines = [str(p) for p in sorted(problems) if not p.warning]
        out = results[str(project)]
        if not lines:
            wrong.append(f"{rule}: `handbook check` passes")
        if "Traceback" in out or out.startswith("built"):
            wrong.append(f"{rule}: the build {'crashed' if 'Traceback' in out else 'passed'}:\n{out[-1500:]}")
        missing = [line for line in lines if line not in out]
        if missing:
            wrong.append(f"{rule}: the build does not show {missing}; it says:\n{out[-800:]}")
        if (project / "site").exists() and any((project / "site").iterdir()):
            wrong.append(f"{rule}: the stopped build left files in site/")
    assert results[str(valid)].startswith("built"), results[str(valid)][-2000:]
    assert wrong == [], "\n".join(wrong)


# --- random damage to real files ---------------------------------------------------------------

SAMPLE = [
    "data/principles/confidentiality.yml",
    "data/boundaries/gifts.yml",
    "data/dilemmas/keep-it-a-secret.yml",
    "data/training/ethical-decision-making.yml",
    "data/faq.yml",
    "data/glossary.yml",
    "data/sources.yml",
    "data/timeline.yml",
    "data/decision-model.yml",
    "data/profile.yml",
    "data/changelog.yml",
    "data/i18n/es/principles/confidentiality.yml",
    "data/i18n/es/faq/can-i-accept-a-gift.yml",
    "data/i18n/es/ui.yml",
    "data/i18n/es/profile.yml",
]
SECONDS = 10  # no check may take longer than this on one damaged file
RENDER_SECONDS = 60  # nor may rendering every page after a passing check
WHOLE_FILE = __import__("re").compile(
    r"file is empty|required file is missing|file is [0-9.]+ MB|not a known data file|rename to "
)


@pytest.fixture(scope="module")
def real_copy(tmp_path_factory):
    """A copy of the real handbook, checked once so that the parse cache holds every untouched file."""
    root = tmp_path_factory.mktemp("damaged") / "handbook"
    root.mkdir()
    for name in ("data", "docs", "overrides", "mkdocs.yml", "content.lock.json"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, root / name)
    handbook, problems, _ = check_all(root)
    assert handbook is not None and not [p for p in problems if not p.warning]
    return root


def damage(data: bytes, how: str, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    if how == "flip":
        at = rng.randrange(len(data))
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    if how == "delete-line":
        del lines[rng.randrange(len(lines))]
        return b"\n".join(lines)
    if how == "truncate":
        return data[: rng.randrange(len(data))]
    if how == "unicode":
        at = rng.randrange(len(data) + 1)
        text = "".join(
            chr(rng.choice([rng.randrange(32, 0x2FF), rng.randrange(0x300, 0xD7FF), 0x202E, 0xFEFF, 9, 0]))
            for _ in range(rng.randrange(1, 12))
        )
        return data[:at] + text.encode("utf-8", "surrogatepass") + data[at:]
    # "swap-type": a `key: value` line gets a value of another type
    candidates = [i for i, line in enumerate(lines) if b": " in line and not line.lstrip().startswith(b"#")]
    if not candidates:
        return data
    i = rng.choice(candidates)
    key = lines[i].split(b": ", 1)[0]
    lines[i] = key + b": " + rng.choice([b"[1, 2]", b"{a: b}", b"42", b"true", b"~", b"''", b"3.5", b"[]", b"{}"])
    return b"\n".join(lines)


def reachable(site, handbook, file: str) -> list:
    """The pages damage to file can reach: every English page; in another language, the pages of the
    items of that file (or of the translation damaged), every list and index page, and any page when the
    damaged file holds what every page shows (the profile, the words of the chrome)."""
    if file.endswith(("profile.yml", "ui.yml")):
        return list(site.pages.values())
    stem = file.rsplit("/", 1)[-1][: -len(".yml")]
    mine = {
        i.src for i in handbook.items.values() if i.file == file or (file.startswith("data/i18n/") and i.id == stem)
    }
    out = []
    for page in site.pages.values():
        inner = page.inner
        if (
            page.lang == "en"
            or inner in mine
            or ("/" not in inner and inner != "print.md")
            or inner.endswith("/index.md")
        ):
            out.append(page)
    return out


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang()


#: Examples per run: 300 in all, in two tests of 150 (this file and test_check_fuzz_more.py, so the two
#: workers share them), the same ones each time. HANDBOOK_FUZZ_EXAMPLES=5000 HANDBOOK_FUZZ_RANDOM=1
#: explores further with new examples (how the crashes this test guards against were found).
FUZZ = settings(
    max_examples=int(os.environ.get("HANDBOOK_FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    derandomize=os.environ.get("HANDBOOK_FUZZ_RANDOM") != "1",
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no explain phase: its tracing is slow
)
DAMAGE = given(
    file=st.sampled_from(SAMPLE),
    how=st.sampled_from(["flip", "delete-line", "truncate", "unicode", "swap-type"]),
    seed=st.integers(0, 2**32 - 1),
)


def damage_and_check(real_copy, file, how, seed) -> None:
    """Damage one file of real_copy, check, and if the check passes render every page; then restore the file."""
    path = real_copy / file
    original = path.read_bytes()
    path.write_bytes(damage(original, how, random.Random(seed)))
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        handbook, problems, _ = check_all(real_copy)
        signal.alarm(RENDER_SECONDS)  # rendering every page takes a few seconds; only a hang takes this long
        errors = [p for p in problems if not p.warning]
        for p in errors:
            assert p.file and isinstance(p.line, int) and p.line >= 0, p
            assert (real_copy / p.file).exists() or p.file == file or p.file.startswith("data/"), p
        if errors:
            own = [p for p in errors if p.file == file]
            about_ids = all(
                "unknown id" in p.message
                or "duplicate id" in p.message
                or "anchor" in p.message
                or "still cited" in p.message
                or "not in the story" in p.message
                or "must walk every step" in p.message  # a decision-model step renamed: the analyses name it
                for p in errors
                if p.file != file
            )
            assert own or about_ids, [str(p) for p in errors]
            assert all(p.line > 0 or WHOLE_FILE.search(p.message) for p in own), [str(p) for p in own]
        else:
            config = read_config(real_copy)
            site = build_site(handbook, Urls("https://example.org/h/", True), config.nav)
            for page in reachable(site, handbook, file):
                page.markdown  # noqa: B018 - rendering is the test: it must not raise
            for page in site.pages.values():
                if not page.generated:
                    site.render_doc(page.src)
    except HandbookError as err:  # the loader's own report is a clean report too
        assert err.problems
    except _Hang:
        pytest.fail(f"the check or the render hung on {file} after '{how}' damage (seed {seed})")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        path.write_bytes(original)


@FUZZ
@DAMAGE
def test_damaged_files_are_reported_never_crash_and_a_passing_check_builds(real_copy, file, how, seed):
    """Random damage to one real file: a clean report naming a file and line, never a crash or a hang; a pass renders every page."""
    damage_and_check(real_copy, file, how, seed)
