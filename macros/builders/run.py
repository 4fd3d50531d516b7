"""The one way the engine, the tests and the benchmarks run a MkDocs build in a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_build(
    root: Path | str,
    site_dir: Path | str,
    config_file: str = "mkdocs.yml",
    strict: bool = True,
    env: dict | None = None,
    quiet: bool = False,
    tool: str = "mkdocs",
) -> subprocess.CompletedProcess:
    """Build the site of root into site_dir; returns the finished process (its output captured).

    tool="properdocs" builds with ProperDocs instead (a maintained continuation of MkDocs 1.x).
    env adds to (or, with a None value, removes from) the current environment.
    """
    run_env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    for key, value in (env or {}).items():
        if value is None:
            run_env.pop(key, None)
        else:
            run_env[key] = value
    args = [sys.executable, "-m", tool, "build", "-f", str(Path(root) / config_file), "--site-dir", str(site_dir)]
    if strict:
        args.append("--strict")
    # quiet: the output is captured either way. Never pass -q: with it MkDocs stops counting warnings,
    # and a strict build passes whatever they say.
    return subprocess.run(args, cwd=root, env=run_env, capture_output=True, text=True)
