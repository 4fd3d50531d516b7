"""The MkDocs side of the engine: load once, add one page per item, build the nav.

MkDocs calls on_config once per build: the handbook is loaded and validated
there, and a broken data file stops the build before anything is written.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import state
from .editions import moved_items, read_lock
from .export import dumps, export, export_schema
from .kinds import KINDS
from .load import load_handbook
from .problems import HandbookError
from .render import PRINT_PAGES, SETTING_LABELS, Renderer, relative_url

GROUP_SIZE = 40  # larger nav sections are split, so that each page's sidebar stays small


class HandbookConfig(Config):
    data_dir = config_options.Type(str, default="data")
    org_dir = config_options.Type(str, default="org")  # the organization's overlay; $HANDBOOK_ORG overrides it
    offline_build = config_options.Type(bool, default=False)  # set by mkdocs-offline.yml
    offline_zip = config_options.Type(bool, default=False)  # also build the offline copy; $HANDBOOK_OFFLINE_ZIP=1 sets it


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        try:
            handbook = load_handbook(root, self.config.data_dir, self.config.org_dir)
        except HandbookError as err:
            raise PluginError("\n" + err.report()) from None
        for warning in handbook.warnings:
            print(f"WARNING -  {warning}")
        state.handbook = handbook
        state.renderer = Renderer(handbook, config.site_url or "", moved_items(handbook, read_lock(root)))
        profile = handbook.profile
        config.site_name = profile.get("handbook_title", config.site_name)
        config.copyright = _footer(handbook)
        self.logo = None
        if profile.get("logo") and handbook.overlay is not None:
            source = root / handbook.overlay.folder / profile["logo"]
            self.logo = (f"assets/logo{source.suffix}", source.read_bytes())
            config.theme["logo"] = self.logo[0]
        if profile.get("colors"):
            config.extra_css.append("assets/profile.css")
        if not self.config.offline_build:  # Pagefind needs a web server; the offline copy keeps Material's search
            config.extra["pagefind"] = True
            config.extra_javascript.append("assets/search.js")
        config.nav = self.site_nav(config.nav or [])
        return config

    def on_post_page(self, output: str, page, config) -> str:
        """Mark what Pagefind indexes: the content of reading pages, not print pages or handouts."""
        src = page.file.src_uri
        if self.config.offline_build or src in UNINDEXED or src.startswith("handouts/"):
            return output
        return output.replace('<article class="md-content__inner md-typeset">', '<article class="md-content__inner md-typeset" data-pagefind-body>', 1)

    def on_post_build(self, config) -> None:
        """Index the site with Pagefind; with offline_zip, also build the offline copy."""
        if not self.config.offline_build:
            run = subprocess.run([sys.executable, "-m", "pagefind", "--site", config.site_dir, "--quiet", "--exclude-selectors", ".headerlink"], capture_output=True, text=True)
            if run.returncode:
                raise PluginError("Pagefind could not index the site:\n" + (run.stderr or run.stdout)[-2000:])
        if self.config.offline_build or not (self.config.offline_zip or os.environ.get("HANDBOOK_OFFLINE_ZIP") == "1"):
            return
        root = Path(config.config_file_path or ".").resolve().parent
        zip_path = Path(config.site_dir) / OFFLINE_ZIP
        problem = build_offline_zip(root, zip_path)
        if problem:
            raise PluginError(problem)

    def site_nav(self, nav: list) -> list:
        """The nav of mkdocs.yml with every item filled in, and the pages the profile adds."""
        nav = self._expand_nav(nav)
        extra = [{"Raise a concern": "raise-a-concern.md"}]
        if state.handbook.overlay is not None:
            extra.insert(0, {"How our code differs": "differences.md"})
        return nav[:-1] + extra + nav[-1:] if nav else extra

    def on_serve(self, server, config, builder):
        """`mkdocs serve` rebuilds when a data file changes, not only docs/."""
        root = Path(config.config_file_path or ".").resolve().parent
        server.watch(str(root / self.config.data_dir))
        return server

    def on_files(self, files: Files, config) -> Files:
        renderer = state.renderer
        self.org_pages = {}
        overlay = state.handbook.overlay
        root = Path(config.config_file_path or ".").resolve().parent
        if overlay is not None and (root / overlay.folder / "docs").is_dir():
            # The organization's own pages replace base pages of the same name, or add new ones.
            org_docs = root / overlay.folder / "docs"
            for path in sorted(org_docs.rglob("*")):
                if path.is_file():
                    src = path.relative_to(org_docs).as_posix()
                    old = files.get_file_from_path(src)
                    if old is not None:
                        files.remove(old)
                    files.append(File(src, str(org_docs), config.site_dir, config.use_directory_urls))
                    self.org_pages[src] = f"{overlay.folder}/docs/{src}"
        for src in renderer.generated_pages():
            if files.get_file_from_path(src) is None:
                printable = src in PRINT_PAGES or src.startswith("handouts/")
                inclusion = InclusionLevel.NOT_IN_NAV if printable else InclusionLevel.UNDEFINED
                files.append(File.generated(config, src, content=_page_source(src), inclusion=inclusion))
        for item in [*state.handbook.items.values(), *state.handbook.retired.values()]:
            files.append(File.generated(config, f"p/{item.id}/index.html", content=_redirect(f"p/{item.id}/", item.url, item.title)))
            for sub in sorted(state.handbook.sub_ids.get(item.id, ())):
                url = f"{item.url}#{sub}"
                files.append(File.generated(config, f"p/{item.id}/{sub}/index.html", content=_redirect(f"p/{item.id}/{sub}/", url, item.title)))
        for moved in state.renderer.moved:
            if moved["change"] == "renamed":
                target = state.handbook.find(moved["to"])
                if KINDS[moved["kind"]].per_item:
                    files.append(File.generated(config, moved["url"] + "index.html", content=_redirect(moved["url"], target.url, target.title)))
                destination = target.url.split("#")[0]
            else:
                destination, target = moved["url"].split("#")[0], None
            title = target.title if target else moved["title"]
            files.append(File.generated(config, f"p/{moved['id']}/index.html", content=_redirect(f"p/{moved['id']}/", target.url if target else moved["url"], title)))
            for sub in moved.get("anchors", ()):  # a renamed item keeps its anchors; a retired one has its notice
                url = f"{destination}#{sub}" if target else destination
                files.append(File.generated(config, f"p/{moved['id']}/{sub}/index.html", content=_redirect(f"p/{moved['id']}/{sub}/", url, title)))
        files.append(File.generated(config, "handbook.json", content=dumps(export(state.handbook, config.site_url or ""))))
        if self.logo:
            files.append(File.generated(config, self.logo[0], content=self.logo[1]))
        if state.handbook.profile.get("colors"):
            files.append(File.generated(config, "assets/profile.css", content=_colors_css(state.handbook.profile["colors"])))
        files.append(File.generated(config, "handbook.schema.json", content=dumps(export_schema())))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Hand-written pages use the same checked [[id]] links as the data; every page says how to cite it."""
        src = page.file.src_uri
        renderer = state.renderer
        if page.file.generated_by:
            return markdown + renderer.page_cite(src) if src in CITED_LIST_PAGES else markdown
        text, errors = renderer.prose_outside_code(markdown, src)
        if errors:
            where = self.org_pages.get(src, f"docs/{src}")
            raise PluginError("\n" + "\n".join(f"{where}: {e}" for e in errors))
        return text + renderer.page_cite(src, _first_heading(text))

    def _expand_nav(self, nav: list) -> list:
        """Put every item of a kind under the nav entry of that kind's index page."""
        out = []
        for entry in nav:
            if isinstance(entry, dict):
                (title, value), = entry.items()
                kind = _index_kind(value)
                if kind:
                    value = [value, *self._nav_items(kind)]
                elif isinstance(value, list):
                    value = self._expand_nav(value)
                out.append({title: value})
            else:
                kind = _index_kind(entry)
                out.append({KINDS[kind].plural.capitalize(): [entry, *self._nav_items(kind)]} if kind else entry)
        return out

    def _nav_items(self, kind: str) -> list:
        items = state.handbook.kind(kind)
        if kind == "dilemma":
            groups = {}
            for item in items:
                groups.setdefault(SETTING_LABELS[item.data["setting"]], []).append(item.src)
            retired = [item.src for item in state.handbook.retired.values() if item.kind == kind]
            retired += state.renderer.moved_pages(kind)
            if retired:
                groups["Retired"] = retired
            return [{label: groups[label]} for label in [*SETTING_LABELS.values(), "Retired"] if label in groups]
        srcs = [item.src for item in items]
        retired = [item.src for item in state.handbook.retired.values() if item.kind == kind]
        retired += state.renderer.moved_pages(kind)
        tail = [{"Retired": retired}] if retired else []
        if len(srcs) <= GROUP_SIZE:
            return srcs + tail
        chunks = [srcs[i : i + GROUP_SIZE] for i in range(0, len(srcs), GROUP_SIZE)]
        return [{f"{i * GROUP_SIZE + 1}–{i * GROUP_SIZE + len(c)}": c} for i, c in enumerate(chunks)] + tail


CITED_LIST_PAGES = ("faq.md", "glossary.md", "sources.md", "history.md", "decision-model.md", "changes.md", "raise-a-concern.md", "differences.md")


def _first_heading(markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def _footer(handbook) -> str:
    """The footer line, from the profile: who publishes, and what it is adapted from."""
    profile, base = handbook.profile, handbook.base_profile
    parts = [html.escape(str(profile.get("name", "")))]
    if handbook.overlay is not None:
        parts.append(f"Adapted from the {html.escape(str(base.get('handbook_title')))}, edition {html.escape(str(base.get('edition')))}")
    parts.append("Content CC BY-SA 4.0")
    return " · ".join(p for p in parts if p)


def _colors_css(colors) -> str:
    """Theme colours from the profile (validated as #rrggbb, dark enough for white text)."""
    lines = []
    if colors.get("primary"):
        lines.append(f'[data-md-color-primary="custom"] {{ --md-primary-fg-color: {colors["primary"]}; --md-primary-fg-color--dark: {colors["primary"]}; }}')
        lines.append(f'[data-md-color-scheme="default"] {{ --md-typeset-a-color: {colors["primary"]}; }}')
    if colors.get("accent"):
        lines.append(f'[data-md-color-scheme="default"][data-md-color-accent="custom"] {{ --md-accent-fg-color: {colors["accent"]}; }}')
    return "\n".join(lines) + "\n"


OFFLINE_ZIP = "handbook-offline.zip"
UNINDEXED = ("print.md", "decision-model-worksheet.md", "404.md")


def build_offline_zip(root: Path, zip_path: Path) -> str | None:
    """Build mkdocs-offline.yml into a temporary folder and zip it; return a problem or None."""
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_OFFLINE_ZIP"}
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "peer-support-ethics-handbook"
        run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs-offline.yml"),
                              "--site-dir", str(site)], cwd=root, env=env, capture_output=True, text=True)
        if run.returncode:
            return "the offline copy did not build:\n" + run.stderr[-3000:]
        zip_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(site.parent).as_posix())
    return None


def _index_kind(value) -> str | None:
    if not isinstance(value, str):
        return None
    for kind, info in KINDS.items():
        if info.per_item and value == f"{info.page}/index.md":
            return kind
    return None


def _page_source(src: str) -> str:
    """A generated page: front matter, then one macro call that renders it."""
    return _front_matter(src) + "{{ handbook_page(" + repr(src) + ") }}\n"


def _front_matter(src: str) -> str:
    meta: dict = {}
    if src == "decision-model-worksheet.md" or src in PRINT_PAGES or src.startswith("handouts/"):
        meta["hide"] = ["navigation", "toc"]
    if src in PRINT_PAGES or src.startswith("handouts/"):
        meta["search"] = {"exclude": True}  # the same words are on the item pages
    return f"---\n{yaml.safe_dump(meta)}---\n" if meta else ""


def _redirect(from_url: str, target_url: str, title: str) -> str:
    """A tiny page at from_url that forwards to target_url, keeping any #anchor of the link followed."""
    href = html.escape(relative_url(from_url, target_url))
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n"
        f"<link rel=\"canonical\" href=\"{href}\">\n"
        f"<script>if (location.hash) location.replace(\"{href}\".split(\"#\")[0] + location.hash);</script>\n"
        f"</head><body><p>This link leads to <a href=\"{href}\">{html.escape(title)}</a>.</p></body></html>\n"
    )
