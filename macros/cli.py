"""The `handbook` command: check the data, start a new item, write the schemas."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import editions, schemas
from .kinds import FOLDERS, KINDS
from .load import load_handbook
from .problems import HandbookError
from .skeleton import skeleton

KIND_ORDER = ["principle", "boundary", "dilemma", "training", "faq", "term", "source", "event", "step"]


def cmd_check(args: argparse.Namespace) -> int:
    try:
        handbook = load_handbook(args.root)
    except HandbookError as err:
        print(err.report(), file=sys.stderr)
        return 1
    for warning in handbook.warnings:
        print(warning, file=sys.stderr)
    counts = handbook.counts()
    parts = [f"{counts.get(k, 0)} {KINDS[k].plural if counts.get(k, 0) != 1 else KINDS[k].label}" for k in KIND_ORDER]
    print("ok: " + ", ".join(parts))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    kinds = {kind: folder for folder, kind in FOLDERS.items()}
    path = Path(args.root) / "data" / kinds[args.kind] / f"{args.id}.yml"
    if path.exists():
        print(f"{path}: already exists; nothing was written (choose another id, or edit that file)", file=sys.stderr)
        return 1
    try:
        handbook = load_handbook(args.root)
    except HandbookError:
        handbook = None  # the skeleton falls back to well-known ids
    try:
        text = skeleton(args.kind, args.id, handbook)
    except ValueError as err:
        print(f"handbook new: {err}", file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite a person's file
        handle.write(text)
    print(f"wrote {path}: fill in each field, then run `handbook check`")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    try:
        handbook = load_handbook(args.root, org_dir=None)  # an edition is of the base handbook
    except HandbookError as err:
        print(err.report(), file=sys.stderr)
        return 1
    try:
        done = editions.release(Path(args.root), args.version, handbook)
    except ValueError as err:
        print(f"handbook release: {err}", file=sys.stderr)
        return 2
    print("\n".join(done))
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from . import pdf

    try:
        handbook = load_handbook(args.root)
    except HandbookError as err:
        print(err.report(), file=sys.stderr)
        return 1
    out = Path(args.out)
    return pdf.main(Path(args.root), out, handbook)


def cmd_offline(args: argparse.Namespace) -> int:
    from .plugin import build_offline_zip

    out = Path(args.out)
    if out.exists() and not args.replace:
        print(f"{out}: already exists; nothing was written (add --replace to write over it)", file=sys.stderr)
        return 1
    problem = build_offline_zip(Path(args.root).resolve(), out)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    print(f"wrote {out} ({out.stat().st_size // 1024} KB): unzip it and open index.html")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    changed = schemas.write_schemas(Path(args.root) / "schemas")
    print(f"{len(changed)} schema file(s) updated" if changed else "schemas are up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description="Check and extend the Peer Support Ethics Handbook.")
    parser.add_argument("--root", default=".", help="the handbook's folder (default: the current folder)")
    parser.add_argument("--org", help="an organization's overlay folder (default: $HANDBOOK_ORG, else org/ if it exists)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ and print every problem").set_defaults(func=cmd_check)
    new = sub.add_parser("new", help="write a skeleton file for a new item")
    new.add_argument("kind", choices=sorted({kind for kind in FOLDERS.values()}))
    new.add_argument("id", help="the new item's id, lowercase-kebab, e.g. 'borrowing-a-car'")
    new.set_defaults(func=cmd_new)
    sub.add_parser("schemas", help="write schemas/*.schema.json from the engine").set_defaults(func=cmd_schemas)
    pdf_cmd = sub.add_parser("pdf", help="write the whole handbook, each module and each handout as PDF (needs Chromium)")
    pdf_cmd.add_argument("--out", default="pdf", help="folder for the PDF files (default: pdf/)")
    pdf_cmd.set_defaults(func=cmd_pdf)
    off = sub.add_parser("offline", help="build the offline copy of the site as a zip file")
    off.add_argument("--out", default="handbook-offline.zip")
    off.add_argument("--replace", action="store_true", help="write over an existing zip file")
    off.set_defaults(func=cmd_offline)
    rel = sub.add_parser("release", help="file unreleased changes under a new edition and update content.lock.json")
    rel.add_argument("version", help="the new edition, X.Y")
    rel.set_defaults(func=cmd_release)
    args = parser.parse_args(argv)
    if args.org:
        os.environ["HANDBOOK_ORG"] = str(Path(args.org).resolve())
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
