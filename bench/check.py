"""Benchmark of `handbook check` against a bare libyaml load of the same files. Not a test; prints figures.

For each scale (1x, 10x, 100x the real per-item files), it makes a synthetic
handbook (bench/build.py) and times, each in a fresh process, fastest of
--repeat runs:

- bare: yaml.load(CSafeLoader) of every data file, nothing else;
- cold: `handbook check` with no cache (.cache/ deleted first);
- warm: `handbook check` again, no file changed (the parse cache of .cache/ is used).

Targets (issue 9): cold at most 1.5x bare; warm at most a quarter of cold.
Usage: python bench/check.py [--scales 1 10 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import make_data_project  # noqa: E402

BARE = r"""
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    run = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{run.stderr[-3000:]}")
    return seconds


def measure(project: Path, repeat: int) -> dict[str, float]:
    check = [sys.executable, "-m", "macros.cli", "check"]
    bare, cold, warm = [], [], []
    for _ in range(repeat):
        bare.append(timed([sys.executable, "-c", BARE, str(project / "data")], project))
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(timed(check, project))
        warm.append(timed(check, project))
    return {"bare": min(bare), "cold": min(cold), "warm": min(warm)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(
        f"{'scale':>5} {'files':>6} {'bare s':>8} {'check s':>8} {'cached s':>9} {'check/bare':>11} {'cached/check':>13}"
    )
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            project = Path(tmp)
            make_data_project(scale, project)
            files = len(list((project / "data").rglob("*.yml")))
            t = measure(project, args.repeat)
            print(
                f"{scale:>4}x {files:>6} {t['bare']:>8.2f} {t['cold']:>8.2f} {t['warm']:>9.2f} "
                f"{t['cold'] / t['bare']:>11.2f} {t['warm'] / t['cold']:>13.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
