"""The offline copy: the site built with file URLs (mkdocs-offline.yml), zipped, to open from file://."""

from __future__ import annotations

import re
import tempfile
import zipfile
from pathlib import Path

from .run import mkdocs_build

OFFLINE_ZIP = "handbook-offline.zip"


def folder_name(title: str) -> str:
    """The folder inside the zip, named after the handbook: 'riverside-peer-network-code-of-ethics'."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "handbook"


def build_offline_zip(root: Path, zip_path: Path, title: str = "Peer Support Ethics Handbook") -> str | None:
    """Build mkdocs-offline.yml into a temporary folder and zip it; return a problem or None."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / folder_name(title)
        run = mkdocs_build(root, site, "mkdocs-offline.yml", quiet=True, env={"HANDBOOK_OFFLINE_ZIP": None})
        if run.returncode:
            return "the offline copy did not build:\n" + run.stderr[-3000:]
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site.parent).as_posix())
    return None


def write_manifest(site_dir: Path, edition: str) -> Path:
    """offline/manifest.json: every file of the built site with its size, and a version that changes with any file.

    The "Save for offline" service worker caches exactly these files, and saves again when the version changes.
    """
    import hashlib
    import json

    site_dir = Path(site_dir)
    files, digest = [], hashlib.sha256()
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith("offline/") or rel.endswith((".gz", ".zip")) or rel == "sitemap.xml":
            continue
        if rel.startswith("search/") and rel.endswith("search_index.json"):
            continue  # Material's whole-site index: the online search uses Pagefind
        data = path.read_bytes()
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
        files.append([rel, len(data)])
    manifest = {
        "edition": edition,
        "version": digest.hexdigest()[:16],
        "bytes": sum(n for _, n in files),
        "files": files,
    }
    out = site_dir / "offline" / "manifest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(manifest, separators=(",", ":")), encoding="utf-8")
    return out
