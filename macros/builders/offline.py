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
