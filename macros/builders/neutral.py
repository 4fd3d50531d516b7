"""The generator-neutral tree: `handbook render --out DIR` writes the whole site as plain Markdown.

The tree holds docs/ (every page as Markdown whose macros have already run,
every static file: redirect stubs, handbook.json, the site's CSS and JS) and
a minimal mkdocs.yml with the nav and the standard Markdown extensions only,
no plugin and no theme of its own. Any MkDocs-1.x-compatible generator builds
it; the tests build it with ProperDocs 1.6.7 and its built-in theme. This is
the way off Material (end of life 2027-05-05) and off MkDocs 1.x.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from ..config import read_config
from ..load import load_handbook
from ..model import thaw
from ..problems import HandbookError, report
from ..site import build_site, public_address
from ..sitecheck import check_site
from ..urls import Urls

MARKER = ".handbook-render"  # a tree this command wrote; only such a folder may be replaced
EXTENSIONS = [{"toc": {"permalink": True}}, "attr_list", "md_in_html", "admonition", "def_list", "tables"]
ASSETS = (
    "assets/handbook.css",
    "assets/a11y.css",
    "assets/selfcheck.css",
    "assets/handbook.js",
    "assets/selfcheck.js",
)


def render_tree(root: Path, out: Path, replace: bool = False) -> list[str]:
    """Write the neutral tree of the handbook at root into out; return what was written, line by line.

    Raises HandbookError with every problem when the handbook does not check, and FileExistsError
    when out holds files this command did not write (a person's files are never overwritten).
    """
    root, out = Path(root).resolve(), Path(out).resolve()
    if out.exists() and any(out.iterdir()):
        if not (replace and (out / MARKER).exists()):
            raise FileExistsError(
                f"{out}: already holds files; choose an empty folder"
                + (" (--replace only replaces a tree `handbook render` wrote)" if replace else ", or add --replace")
            )
        shutil.rmtree(out)
    handbook = load_handbook(root)
    config = read_config(root)
    address = public_address(handbook, config.site_url)
    site = build_site(handbook, Urls(address, True), config.nav)
    problems = [p for p in check_site(site, config) if not p.warning]
    if problems:
        raise HandbookError(problems)
    docs = out / "docs"
    for page in site.pages.values():
        body = page.markdown if page.generated else site.page_markdown(page.src, site.render_doc(page.src))
        meta = {"title": page.title}
        if not page.indexed:
            meta["search"] = {"exclude": True}
        target = docs / page.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)}---\n{body}", encoding="utf-8"
        )
    for static in site.files.values():
        target = docs / static.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(static.content, bytes):
            target.write_bytes(static.content)
        else:
            target.write_text(static.content, encoding="utf-8")
    for asset in ASSETS:
        if (root / "docs" / asset).exists():
            (docs / asset).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / "docs" / asset, docs / asset)
    css = [a for a in ASSETS if a.endswith(".css")] + (
        ["assets/profile.css"] if "assets/profile.css" in site.files else []
    )
    settings = {
        "site_name": str(handbook.profile["handbook_title"]),
        "site_url": address or None,
        "use_directory_urls": True,
        "strict": True,
        "nav": thaw(site.nav),
        "not_in_nav": "\n".join(f"/{p.src}" for p in site.pages.values() if not p.in_nav) + "\n",
        "theme": {"name": "mkdocs", "locale": "en"},
        "markdown_extensions": EXTENSIONS,
        "extra_css": css,
        "extra_javascript": [a for a in ASSETS if a.endswith(".js")],
        "validation": {
            "nav": {"omitted_files": "warn", "not_found": "warn"},
            "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"},
        },
    }
    (out / "mkdocs.yml").write_text(
        "# Written by `handbook render`: the handbook as plain Markdown, for any MkDocs-1.x-compatible generator.\n"
        + yaml.safe_dump(settings, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    (out / MARKER).write_text(
        "This folder was written by `handbook render`; `handbook render --replace` may replace it.\n", encoding="utf-8"
    )
    return [f"wrote {len(site.pages)} pages and {len(site.files)} files to {out}/docs, and {out}/mkdocs.yml"]


def main(root: Path, out: Path, replace: bool) -> int:
    import sys

    try:
        done = render_tree(root, out, replace)
    except HandbookError as err:
        print(report(err.problems, err.folder), file=sys.stderr)
        return 1
    except FileExistsError as err:
        print(err, file=sys.stderr)
        return 1
    print("\n".join(done))
    return 0
