"""Build-time benchmark: the data layer against plain Markdown. Not a test; prints figures.

For 1x, 10x and 100x the real number of items, it makes a synthetic handbook
(every principle, boundary topic, case study and module copied under new ids)
and builds it twice, each in a fresh process:

- data: the real pipeline (handbook plugin + macros, rendering from YAML);
- baseline: the very same pages, pre-rendered to Markdown files, built by
  MkDocs and Material with neither plugin, then indexed by Pagefind as the
  data build's own plugin does.

It prints wall time and peak memory (max RSS of the build process) for each,
and the ratio data/baseline. Usage: python bench/build.py [--scales 1 10 100] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
ONE_BUILD = r"""
import json, resource, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
cfg = load_config(sys.argv[1], site_dir=sys.argv[2])
build(cfg)
if len(sys.argv) > 3:  # the baseline indexes its pages with Pagefind too, as the data build does
    import subprocess
    subprocess.run([sys.executable, "-m", "pagefind", "--site", sys.argv[2], "--quiet"], check=True)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_data_project(scale: int, where: Path) -> int:
    """Copy the project with every per-item file repeated `scale` times; return the item-page count."""
    for name in ("mkdocs.yml", "docs", "overrides", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, where / name)
    pages = 0
    number = 100  # copies of principles get numbers of their own
    for folder in ("principles", "boundaries", "dilemmas", "training"):
        for path in sorted((where / "data" / folder).glob("*.yml")):
            text = path.read_text(encoding="utf-8")
            item_id = path.stem
            cast = yaml.safe_load(text).get("cast") or []
            pages += scale
            for k in range(1, scale):
                copy_id = f"{item_id}-copy-{k}"
                copy = text.replace(f"id: {item_id}\n", f"id: {copy_id}\n", 1)
                if folder == "principles":
                    copy = re.sub(r"(?m)^order: \d+$", f"order: {number}", copy, count=1)
                    number += 1
                for name in cast:  # no first name in two case studies: each copy's cast gets new names
                    copy = re.sub(rf"\b{re.escape(name)}\b", f"{name}{_letters(k)}", copy)
                (path.parent / f"{copy_id}.yml").write_text(copy, encoding="utf-8")
    return pages


def _letters(k: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa': a suffix that keeps a name one word."""
    out = ""
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(97 + r) + out
    return out


def make_baseline_project(data_project: Path, where: Path) -> None:
    """The same pages as plain Markdown, for MkDocs and Material without the data layer.

    `handbook render` writes the site as plain Markdown (macros run, links made); the baseline builds that
    tree with the project's own theme settings and overrides, and only the search plugin.
    """
    sys.path.insert(0, str(ROOT))
    from macros.builders.neutral import render_tree

    tree = where / "tree"
    render_tree(data_project, tree)
    shutil.copytree(tree / "docs", where / "docs")
    shutil.copytree(data_project / "overrides", where / "overrides")
    shutil.copytree(data_project / "docs" / "assets", where / "docs" / "assets", dirs_exist_ok=True)
    neutral = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    shutil.rmtree(tree)
    from macros.config import _raw

    config = _raw(data_project / "mkdocs.yml")
    config["plugins"] = ["search"]
    config["nav"] = neutral["nav"]
    config["not_in_nav"] = neutral["not_in_nav"]
    config["site_url"] = neutral["site_url"]
    (where / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def build(project: Path, repeat: int, index_after: bool = False) -> dict:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    runs = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as site:
            out = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    ONE_BUILD,
                    str(project / "mkdocs.yml"),
                    site,
                    *(["pagefind"] if index_after else []),
                ],
                cwd=project,
                capture_output=True,
                text=True,
                env=env,
            )
            if out.returncode:
                raise SystemExit(f"build of {project} failed:\n{out.stderr[-3000:]}")
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return {"seconds": min(r["seconds"] for r in runs), "max_rss_mb": max(r["max_rss_mb"] for r in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3, help="builds per figure (the fastest counts); 100x runs once")
    args = parser.parse_args()
    print(
        f"{'scale':>5} {'item pages':>10} {'data s':>8} {'plain s':>8} {'time ratio':>10} {'data MB':>8} {'plain MB':>8}"
    )
    for scale in args.scales:
        with tempfile.TemporaryDirectory() as tmp:
            data_project, plain_project = Path(tmp) / "data", Path(tmp) / "plain"
            data_project.mkdir()
            plain_project.mkdir()
            pages = make_data_project(scale, data_project)
            make_baseline_project(data_project, plain_project)
            repeat = 1 if scale >= 100 else args.repeat
            data = build(data_project, repeat)
            plain = build(plain_project, repeat, index_after=True)
            ratio = data["seconds"] / plain["seconds"]
            print(
                f"{scale:>4}x {pages:>10} {data['seconds']:>8.1f} {plain['seconds']:>8.1f} {ratio:>10.2f} "
                f"{data['max_rss_mb']:>8.0f} {plain['max_rss_mb']:>8.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
