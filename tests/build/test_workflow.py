"""The Pages workflow keeps its promises, and its build job runs here step by step, as GitHub would run it.

The first tests read .github/workflows/pages.yml with PyYAML and check what it
promises: which pushes and tags start it, which job may write what, that the
tests come first, that a pull request publishes nothing, that the build
installs only the pinned lock, and that every `${{ }}` expression is one the
test knows (a typo is an unknown name, and fails).

The others run the build job's steps in order, in a git clone of this
repository: the clone holds HEAD, and then the working tree's uncommitted
changes (tracked and untracked, not ignored) committed on top, so the steps
run on exactly the files the test sees, and tags made in the clone point at
them. Steps that `uses:` an action are simulated (checkout is the clone,
setup-python the Python already here, configure-pages gives BASE_URL, the
upload checks its folder); each `run:` step runs in bash as GitHub runs it.
Two steps are replaced, so nothing is downloaded: the install links the
environment the tests run in as .venv (PYTHONPATH makes it import the clone's
engine, as `pip install -e .` would), and the edition builds get the same
environment through HANDBOOK_VENV, the one hook the workflow keeps for this.
The PDF step needs a Chromium: without one it is skipped here, and fails on
CI (CI=true), as the browser tests do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SWITCHES

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
BASE_URL = "https://example.github.io/handbook"  # what actions/configure-pages gives as base_url
SITE_URL = BASE_URL + "/"
#: How GitHub runs a `run:` step with `shell: bash` (the workflow's default): a script file, then this.
BASH = ["bash", "--noprofile", "--norc", "-eo", "pipefail"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@localhost",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@localhost",
}


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def build_steps() -> list[dict]:
    return workflow()["jobs"]["build"]["steps"]


def is_install(step: dict) -> bool:
    return "python -m venv .venv" in step.get("run", "")


def is_pdf(step: dict) -> bool:
    return "handbook pdf" in step.get("run", "")


def is_editions(step: dict) -> bool:
    return "handbook info tag_prefix" in step.get("run", "")


def is_action(step: dict) -> bool:
    """A `uses:` step that sets the job up (checkout, Python, the Pages address), not the upload."""
    return "uses" in step and "upload-pages-artifact" not in step["uses"]


def editions_log(run) -> str:
    (name,) = [s["name"] for s in build_steps() if is_editions(s)]
    return run.log[name]


# --- GitHub's expressions, the part the workflow uses ----------------------------------------------------

TOKEN = re.compile(
    r"\s*(?:(?P<str>'(?:[^']|'')*')|(?P<num>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||\(|\)|,)|(?P<name>[A-Za-z_][\w-]*(?:\.[\w-]+)*))"
)
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def context(workspace: Path | str = "/ws", temp: Path | str = "/tmp/runner", event: str = "push") -> dict:
    """The names an expression may use, with their values for a run; a name not here fails the test."""
    return {
        "github.event_name": event,
        "github.ref_type": "branch",
        "github.ref": "refs/pull/7/merge" if event == "pull_request" else "refs/heads/main",
        "github.workspace": str(workspace),
        "runner.temp": str(temp),
        "steps.pages.outputs.base_url": "",  # until the configure-pages step has run (and on a pull request)
        "steps.deployment.outputs.page_url": SITE_URL,
    }


def evaluate(expression: str, names: dict, where: str = "pages.yml"):
    """The value of one expression: literals, names, ==, !=, &&, ||, parentheses and format()."""
    python, pos, text = [], 0, expression.strip()
    while pos < len(text):
        match = TOKEN.match(text, pos)
        if not match or match.end() == pos:
            pytest.fail(f"{where}: ${{{{ {text} }}}}: the test cannot read {text[pos:]!r}", pytrace=False)
        pos = match.end()
        if match["str"]:
            python.append(repr(match["str"][1:-1].replace("''", "'")))
        elif match["num"]:
            python.append(match["num"])
        elif match["op"]:
            python.append({"&&": " and ", "||": " or "}.get(match["op"], match["op"]))
        elif match["name"] in ("true", "false", "null"):
            python.append({"true": "True", "false": "False", "null": "None"}[match["name"]])
        elif match["name"] == "format":
            python.append("_format")
        elif match["name"] in names:
            python.append(f"_names[{match['name']!r}]")
        else:
            pytest.fail(
                f"{where}: ${{{{ {text} }}}}: unknown name {match['name']!r} (a typo? known: {', '.join(names)})",
                pytrace=False,
            )
    return eval("".join(python), {"__builtins__": {}}, {"_names": names, "_format": lambda f, *a: f.format(*a)})


def substitute(text: str, names: dict) -> str:
    """text with every ${{ }} replaced by its value, as GitHub writes it into a script or a variable."""

    def value(match: re.Match) -> str:
        result = evaluate(match.group(1), names)
        return "" if result is None else str(result).lower() if isinstance(result, bool) else str(result)

    return EXPRESSION.sub(value, str(text))


def condition(value, names: dict) -> bool:
    """An `if:`: an expression with or without ${{ }}; no `if:` always runs."""
    if value is None:
        return True
    match = EXPRESSION.fullmatch(str(value).strip())
    return bool(evaluate(match.group(1) if match else str(value), names))


def expressions(node, where: str = "") -> list[tuple[str, str]]:
    """(place, expression) for every ${{ }} in the workflow, and every `if:`."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            place = f"{where}.{key}"
            if key == "if":
                found.append((place, str(value)))
            else:
                found += expressions(value, place)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += expressions(value, f"{where}[{i}]")
    elif isinstance(node, str):
        found += [(where, m.group(1)) for m in EXPRESSION.finditer(node)]
    return found


def github_filter(pattern: str) -> re.Pattern:
    """A branch or tag filter pattern of GitHub's as a regex (* is anything but /, ** anything)."""
    parts = re.split(r"(\*\*|\*)", pattern)
    return re.compile("".join({"**": ".*", "*": "[^/]*"}.get(p, re.escape(p)) for p in parts) + r"\Z")


# --- what the workflow promises -------------------------------------------------------------------------


def test_every_expression_uses_known_names():
    """Every ${{ }} expression and `if:` of the workflow reads, for a push and for a pull request, with names the test knows."""
    for event in ("push", "pull_request"):
        for place, expression in expressions(workflow()):
            inner = EXPRESSION.fullmatch(expression.strip())
            evaluate(inner.group(1) if inner else expression, context(event=event), f"pages.yml {place}")


def test_triggers_include_the_handbook_and_organization_tags():
    """Pushes to main, the handbook's tags (v1.1) and an organization's own (rpn-v1.0, from its profile) start the workflow."""
    from macros.editions import tag_prefix
    from macros.load import load_handbook

    on = workflow()["on"]
    assert on["push"]["branches"] == ["main"] and on["pull_request"]["branches"] == ["main"]
    assert "pull_request_target" not in on  # it would run a fork's code with this repository's keys
    riverside = tag_prefix(load_handbook(ROOT, org_dir="examples/riverside"))
    assert riverside == "rpn-v"
    patterns = [github_filter(p) for p in on["push"]["tags"]]
    for tag in ("v1.0", "v1.1", "v2.10", f"{riverside}1.0", "our-code-v3.2"):
        assert any(p.match(tag) for p in patterns), f"no tag filter in {on['push']['tags']} matches {tag}"
    assert not any(p.match("release-candidate") for p in patterns)


def test_permissions_are_least_privilege():
    """The workflow reads only; each job names its own permissions; only deploy writes, and only pages and id-token."""
    data = workflow()
    assert data["permissions"] == {"contents": "read"}
    for name, job in data["jobs"].items():
        assert "permissions" in job, f"job {name} inherits permissions instead of naming them"
        writes = {scope for scope, level in job["permissions"].items() if level != "read"}
        assert writes == ({"pages", "id-token"} if name == "deploy" else set()), f"job {name} may write {writes}"
    assert data["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert data["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}  # configure-pages reads


def test_pull_requests_never_publish_or_write():
    """On a pull request the deploy job is skipped, nothing is uploaded, and no job that runs may write."""
    jobs = workflow()["jobs"]
    for event, publishes in (("pull_request", False), ("push", True), ("workflow_dispatch", True)):
        names = context(event=event)
        assert condition(jobs["deploy"].get("if"), names) is publishes, event
        running = [job for job in jobs.values() if condition(job.get("if"), names)]
        if not publishes:
            assert all(level == "read" for job in running for level in job["permissions"].values())
            uploads = [s for s in jobs["build"]["steps"] if "upload-pages-artifact" in s.get("uses", "")]
            assert uploads and not any(condition(s.get("if"), names) for s in uploads)


def test_tests_run_before_anything_is_built_or_deployed():
    """The build job needs the test job, which runs the suite as CI does; deploy needs the build."""
    jobs = workflow()["jobs"]
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert any(s.get("run") == "CI=true bash .ci/run" for s in jobs["test"]["steps"])


def test_checkouts_keep_no_credentials():
    """Every checkout leaves no key on disk, and the build's has every tag and its history."""
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert (step.get("with") or {}).get("persist-credentials") is False
    (checkout,) = [s for s in build_steps() if s.get("uses", "").startswith("actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0


def test_build_installs_only_the_pinned_lock():
    """The build installs the hash-checked lock and the engine, and no test browser, Playwright browser or npm package."""
    steps = build_steps()
    text = "\n".join(str(s.get("run", "")) for s in steps)
    for forbidden in ("apt-get", "apt ", "playwright install", "npm", "npx", "sudo"):
        assert forbidden not in text, f"the build job runs {forbidden!r}"
    (install,) = [s for s in steps if is_install(s)]
    assert "--require-hashes -r requirements.lock" in install["run"]
    assert "--no-deps --no-build-isolation -e ." in install["run"]


def test_build_steps_use_the_pages_address():
    """Each step that builds gets SITE_URL from configure-pages' base_url plus '/', and the default when there is none."""
    steps = build_steps()
    (pages,) = [s for s in steps if s.get("uses", "").startswith("actions/configure-pages@")]
    assert pages["id"] == "pages"
    builders = [s for s in steps if re.search(r"mkdocs build|handbook pdf", s.get("run", ""))]
    assert len(builders) == 3  # the site, the PDFs, the editions
    for step in builders:
        names = context()
        assert substitute(step["env"]["SITE_URL"], names) == ""
        names["steps.pages.outputs.base_url"] = BASE_URL
        assert substitute(step["env"]["SITE_URL"], names) == SITE_URL, step["name"]
    (site,) = [s for s in builders if not is_pdf(s) and not is_editions(s)]
    assert site["env"]["HANDBOOK_OFFLINE_ZIP"] == "1"  # the offline copy, linked from the About page
    (pdf,) = [s for s in builders if is_pdf(s)]
    assert pdf["env"]["CHROMIUM"] == "/usr/bin/google-chrome"  # preinstalled on GitHub's ubuntu-latest


def test_actions_are_pinned_to_commits():
    """Every action is named by a full commit hash, with the release it is beside it, so a moved tag changes nothing."""
    lines = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert len(lines) == 7
    for line in lines:
        assert re.fullmatch(r"(- )?uses: actions/[a-z-]+@[0-9a-f]{40}  # v\d+\.\d+\.\d+", line), line


def test_run_steps_are_strict_bash():
    """Every `run:` step runs in bash with -e and pipefail, the workflow's default shell."""
    data = workflow()
    assert data["defaults"]["run"]["shell"] == "bash"
    for job in data["jobs"].values():
        assert all(step.get("shell", "bash") == "bash" for step in job["steps"])


# --- running the build job ------------------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, **GIT_ENV},
    )
    assert run.returncode == 0, f"git {' '.join(args)}:\n{run.stdout}\n{run.stderr}"
    return run.stdout


def clone_working_tree(dest: Path) -> Path:
    """A clone of this repository's HEAD, with the working tree's uncommitted changes committed on top."""
    head = git(ROOT, "rev-parse", "HEAD").strip()
    git(dest.parent, "clone", "--quiet", "--no-checkout", str(ROOT), str(dest))
    git(dest, "checkout", "--quiet", "-B", "main", head)
    git(dest, "remote", "remove", "origin")  # nothing in the test can reach the real repository
    changed = git(ROOT, "diff", "--name-only", "--no-renames", "-z", "HEAD").split("\0")
    changed += git(ROOT, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    for rel in filter(None, changed):
        src, target = ROOT / rel, dest / rel
        if src.exists() or src.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, target, follow_symlinks=False)
        elif target.exists():
            target.unlink()
    git(dest, "add", "-A")
    if git(dest, "status", "--porcelain"):
        git(dest, "commit", "--quiet", "-m", "The working tree the test ran on (uncommitted changes)")
    return dest


def runner_venv() -> Path:
    """The virtual environment the tests run in: it stands in for the workflow's installs."""
    venv = Path(sys.prefix)
    if venv == Path(sys.base_prefix) or not (venv / "bin" / "handbook").exists():
        pytest.fail(f"run the tests in the project's environment (make test), not {sys.executable}", pytrace=False)
    return venv


#: The PDFs the step prints here ($HANDBOOK_PDF_ONLY): the handbook, the code, one handout and one module's test.
PDF_SAMPLE = "handbook.pdf,code-on-two-pages.pdf,handout-rent-money.pdf,ethical-decision-making-knowledge-check.pdf"


def find_chromium() -> str | None:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    return path if os.path.isfile(path) and os.access(path, os.X_OK) else None


@dataclass
class JobRun:
    workspace: Path
    temp: Path
    log: dict[str, str] = field(default_factory=dict)  # step name -> what it printed
    seconds: dict[str, float] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    @property
    def site(self) -> Path:
        return self.workspace / "site"


def run_build_job(workspace: Path, temp: Path, wanted: Callable[[dict], bool] = lambda step: True) -> JobRun:
    """Run the build job's steps in order, for a push to main; stop the test at the first step that fails."""
    data, venv = workflow(), runner_venv()
    job = data["jobs"]["build"]
    names = context(workspace, temp)
    run = JobRun(workspace, temp)
    for number, step in enumerate(job["steps"]):
        name = step.get("name") or step.get("uses") or f"step {number}"
        unknown = set(step) - {"name", "id", "if", "uses", "with", "run", "env"}
        assert not unknown, f"{name}: the test does not know {sorted(unknown)}"
        if not wanted(step) or not condition(step.get("if"), names):
            continue
        started = time.monotonic()
        if "uses" in step:
            simulate(step, names, workspace)
        elif is_install(step):
            (workspace / ".venv").symlink_to(venv)  # the installed packages, instead of a fresh install from PyPI
        else:
            env = step_env(data, job, step, names, workspace, temp, venv)
            if is_pdf(step):
                chromium = find_chromium()
                if chromium is None:
                    if os.environ.get("CI", "").strip().lower() == "true":
                        pytest.fail(f"{name}: no Chromium (CI=true: the PDF step must run on CI)", pytrace=False)
                    print(f"{name}: skipped, no Chromium here (install it: apt-get install -y chromium)")
                    run.skipped.append(name)
                    continue
                env["CHROMIUM"] = chromium  # Debian's, in place of GitHub's /usr/bin/google-chrome
                # Every PDF is printed and looked at in tests/browser/test_pdf.py; here, the step's own command
                # prints the whole handbook and one printable of each other sort, into the folder it publishes.
                env["HANDBOOK_PDF_ONLY"] = PDF_SAMPLE
            run.log[name] = run_step(number, name, substitute(step["run"], names), env, workspace, temp)
        run.seconds[name] = time.monotonic() - started
    return run


def simulate(step: dict, names: dict, workspace: Path) -> None:
    """What an action does for this test: the clone is the checkout, Python is here, the address is BASE_URL."""
    action, options = step["uses"].split("@")[0], step.get("with") or {}
    if action == "actions/checkout":
        assert substitute(options.get("ref", ""), names) == "", "a push to main checks out main itself"
        assert git(workspace, "rev-parse", "--is-shallow-repository").strip() == "false"
    elif action == "actions/setup-python":
        pass  # the Python that runs this test
    elif action == "actions/configure-pages":
        names[f"steps.{step['id']}.outputs.base_url"] = BASE_URL
    elif action == "actions/upload-pages-artifact":
        folder = workspace / substitute(options["path"], names)
        assert (folder / "index.html").is_file(), f"{folder} holds no index.html to publish"
    else:
        pytest.fail(f"pages.yml: the test does not know the action {action!r}", pytrace=False)


def step_env(data, job, step, names, workspace: Path, temp: Path, venv: Path) -> dict:
    """The environment of a run step: this machine's, without the handbook's switches, plus GitHub's and the step's."""
    env = {k: v for k, v in os.environ.items() if k not in SWITCHES and k != "PYTHONPATH"}
    env |= {
        "GITHUB_WORKSPACE": str(workspace),
        "RUNNER_TEMP": str(temp),
        "PYTHONPATH": str(workspace),  # .venv imports the clone's engine, as `pip install -e .` makes it
        "HANDBOOK_VENV": str(venv),  # the edition builds link it instead of installing
    }
    for scope in (data, job, step):
        env |= {key: substitute(value, names) for key, value in (scope.get("env") or {}).items()}
    return env


def run_step(number: int, name: str, script: str, env: dict, workspace: Path, temp: Path) -> str:
    """Run one step's script as GitHub does; return what it printed."""
    path = temp / f"step-{number}.sh"
    path.write_text(script, encoding="utf-8")
    done = subprocess.run([*BASH, str(path)], cwd=workspace, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = done.stdout.decode("utf-8", errors="replace")
    assert done.returncode == 0, f"step {name!r} failed (exit {done.returncode}):\n{output[-4000:]}"
    return output


@pytest.fixture(scope="module")
def base_run(tmp_path_factory) -> JobRun:
    """The whole build job on a clone of this handbook, with one edition tag, v1.0."""
    top = tmp_path_factory.mktemp("workflow-base")
    workspace = clone_working_tree(top / "handbook")
    git(workspace, "tag", "v1.0")
    (top / "runner").mkdir()
    return run_build_job(workspace, top / "runner")


@pytest.fixture(scope="module")
def org_run(tmp_path_factory) -> JobRun:
    """An organization's fork: the handbook's tag v1.0, the overlay in org/ (as docs/adopt.md says), its tag rpn-v1.0.

    Only the steps the edition builds need are run: the actions but the upload, the install and the editions.
    """
    top = tmp_path_factory.mktemp("workflow-org")
    workspace = clone_working_tree(top / "handbook")
    git(workspace, "tag", "v1.0")
    shutil.copytree(ROOT / "examples" / "riverside", workspace / "org")
    git(workspace, "add", "org")
    git(workspace, "commit", "--quiet", "-m", "Adopt the code: our profile and changes in org/")
    git(workspace, "tag", "rpn-v1.0")
    (top / "runner").mkdir()
    return run_build_job(
        workspace, top / "runner", lambda step: is_install(step) or is_editions(step) or is_action(step)
    )


def test_build_job_publishes_the_site_at_the_pages_address(base_run):
    """The build job's site is built for the Pages address, and the upload step found it."""
    assert base_run.site.joinpath("index.html").is_file()
    assert f"<loc>{SITE_URL}</loc>" in (base_run.site / "sitemap.xml").read_text(encoding="utf-8")
    print("build job steps: " + ", ".join(f"{name} {s:.0f} s" for name, s in base_run.seconds.items()))


def test_offline_copy_is_published_where_the_about_page_links(base_run):
    """site/handbook-offline.zip is there, holds the handbook in its named folder, and the About page links to it."""
    from macros.builders.offline import OFFLINE_ZIP, folder_name
    from macros.linkcheck import SiteLinks, parse

    archive = base_run.site / OFFLINE_ZIP
    about = base_run.site / "about" / "index.html"
    links = SiteLinks(base_run.site, SITE_URL)
    targets = {links.target(about, href) for href in parse(about).anchors if href.endswith(".zip")}
    assert targets == {archive.resolve()}
    with zipfile.ZipFile(archive) as zipped:
        assert f"{folder_name('Peer Support Ethics Handbook')}/index.html" in zipped.namelist()


def test_pdfs_are_published_in_site_pdf(base_run):
    """site/pdf/ holds the PDFs the step printed (a sample of every sort, see PDF_SAMPLE), each a real PDF."""
    from macros.builders.pdf import targets
    from macros.load import load_handbook

    if base_run.skipped:
        pytest.skip(f"not run here: {', '.join(base_run.skipped)} (no Chromium)")
    every = set(targets(load_handbook(base_run.workspace)))
    expected = set(PDF_SAMPLE.split(","))
    assert expected <= every, f"not print targets: {sorted(expected - every)}"
    folder = base_run.site / "pdf"
    assert {p.name for p in folder.iterdir()} == expected
    assert all((folder / name).read_bytes()[:5] == b"%PDF-" for name in expected)


def test_base_edition_tag_is_archived(base_run):
    """The handbook's tag v1.0 is built at site/editions/1.0/, for its address under the Pages site."""
    log = editions_log(base_run)
    assert "Edition tags of this handbook: vX.Y" in log
    edition = base_run.site / "editions" / "1.0"
    assert sorted(p.name for p in (base_run.site / "editions").iterdir()) == ["1.0"]
    assert f"<loc>{SITE_URL}editions/1.0/</loc>" in (edition / "sitemap.xml").read_text(encoding="utf-8")
    assert not (base_run.temp / "edition-1.0").exists()  # its worktree is removed


def test_published_site_links_resolve(base_run):
    """`handbook linkcheck site` passes on everything the job uploads: the site, the offline zip's link, the edition."""
    check = subprocess.run(
        [str(base_run.workspace / ".venv" / "bin" / "handbook"), "linkcheck", "site", "--site-url", SITE_URL],
        cwd=base_run.workspace,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(base_run.workspace)},
    )
    assert check.returncode == 0, check.stdout + check.stderr[-4000:]
    assert "all resolve" in check.stdout


def test_organization_builds_only_its_own_tags(org_run):
    """In a fork with org/, rpn-v1.0 is built at editions/1.0/ and the handbook's own v1.0 is skipped, saying why."""
    log = editions_log(org_run)
    assert "Edition tags of this handbook: rpn-vX.Y" in log
    assert "skip v1.0: it is an edition of the base handbook, not one of this organization's (rpn-vX.Y)" in log
    assert sorted(p.name for p in (org_run.site / "editions").iterdir()) == ["1.0"]
    home = (org_run.site / "editions" / "1.0" / "index.html").read_text(encoding="utf-8")
    assert "Riverside Peer Network" in home
