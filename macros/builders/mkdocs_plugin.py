"""The MkDocs adapter: load once, build the Site, copy it into MkDocs' files and nav.

Everything the site holds is decided by macros.site; this plugin only hands
it to MkDocs. It keeps the Site on the plugin instance (mkdocs-macros reaches
it through env.conf.plugins) and logs through MkDocs' logger. The check's
warnings (advice `handbook check` passes with) are logged at INFO, so a passing
check means a passing strict build; its errors stop the build.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from ..config import SiteConfig
from ..i18n import ENGLISH
from ..load import load_handbook
from ..model import thaw
from ..problems import HandbookError, report
from ..site import Site, build_site, footer, logo_file, public_address
from ..sitecheck import check_site
from ..siteconf import template_problems
from ..urls import Urls
from .offline import OFFLINE_ZIP, build_offline_zip, write_manifest

log = logging.getLogger("mkdocs.plugins.handbook")


class HandbookConfig(Config):
    data_dir = config_options.Type(str, default="data")
    org_dir = config_options.Type(str, default="org")  # the organization's overlay; $HANDBOOK_ORG overrides it
    offline_build = config_options.Type(bool, default=False)  # set by mkdocs-offline.yml
    offline_zip = config_options.Type(
        bool, default=False
    )  # also build the offline copy; $HANDBOOK_OFFLINE_ZIP=1 sets it


class HandbookPlugin(BasePlugin[HandbookConfig]):
    site: Site | None = None
    catalogs: dict = {"en": ENGLISH}

    def on_startup(self, *, command, dirty) -> None:
        self.site = None

    def on_config(self, config):
        root = Path(config.config_file_path or ".").resolve().parent
        unparsed = template_problems(config, root)  # else the theme would stop the build with a traceback
        try:
            handbook = load_handbook(root, self.config.data_dir, self.config.org_dir)
        except HandbookError as err:
            raise PluginError(
                "\n" + (report(sorted([*err.problems, *unparsed])) if unparsed else err.report())
            ) from None
        if unparsed:
            raise PluginError("\n" + report(unparsed))
        # The check's warnings are advice it passes with (`handbook check` says ok), so they are shown at INFO:
        # strict mode counts only what the build itself finds, and a passing check means a passing build.
        for warning in handbook.warnings:
            log.info(str(warning))
        address = public_address(handbook, config.site_url or "")
        config.site_url = address or None
        site = build_site(
            handbook, Urls(address, config.use_directory_urls), config.nav or [], self.config.offline_build
        )
        settings = SiteConfig(address, config.use_directory_urls, config.nav or [], str(config.not_in_nav or ""))
        problems = check_site(site, settings)
        if any(not p.warning for p in problems):
            raise PluginError("\n" + report(problems))
        for problem in problems:
            log.info(str(problem))
        self.site = site
        profile = handbook.profile
        config.site_name = profile.get("handbook_title", config.site_name)
        config.copyright = footer(handbook)
        logo = logo_file(handbook)
        if logo:
            config.theme["logo"] = logo.path
        if profile.get("colors"):
            config.extra_css.append("assets/profile.css")
        if not self.config.offline_build:  # Pagefind needs a web server; the offline copy keeps Material's search
            config.extra["pagefind"] = True
            config.extra_javascript.append("assets/search.js")
        config.nav = thaw(site.nav)
        self.catalogs = {"en": ENGLISH, **{code: lang.catalog for code, lang in handbook.languages.items()}}
        self.chrome = {
            code: {
                "site_name": str(r.hb.profile.get("handbook_title", config.site_name)),
                "copyright": footer(r.hb) if code == "en" else _localized_footer(r),
                "crisis_bar": r.crisis_bar("CRISIS_HREF"),
                "crisis_href": ("" if code == "en" else f"{code}/") + site.urls.page_href("crisis.md"),
            }
            for code, r in site.renderers.items()
        }
        config.extra.update({k: v for k, v in self.chrome["en"].items() if k.startswith("crisis")})
        return config

    def on_nav(self, nav, config, files):
        """Each language's pages get that language's nav (on_page_context hands it to the theme)."""
        self.navs = {"en": nav}
        self.files = files
        for code, entries in self.site.navs.items():
            self.navs[code] = _navigation(entries, files)
        return nav

    def on_page_context(self, context, page, config, nav):
        """The page's language: its nav, the site's name, footer and crisis bar in it, and its other languages."""
        code = self.language_of(page)
        chrome = self.chrome.get(code, self.chrome["en"])
        context["nav"] = self.navs.get(code, nav)
        config.site_name = chrome["site_name"]
        config.copyright = chrome["copyright"]
        config.extra.update({k: v for k, v in chrome.items() if k.startswith("crisis")})
        # The language switcher (Material's header menu and <link rel="alternate" hreflang>): the same page
        # in each language, so that switching keeps the reader where they are.
        src = page.file.src_uri
        alternates = []
        for other in self.catalogs:
            target = src if other == code else self.site.counterpart(src, other)
            file = self.files.get_file_from_path(target) if target else None
            if file is not None:
                name = "English" if other == "en" else self.site.handbook.languages[other].name
                alternates.append({"name": name, "lang": other, "link": file.url or "./"})
        config.extra["alternate"] = alternates if len(alternates) > 1 else None
        return context

    def on_env(self, env, config, files):
        """Templates of the theme (overrides/) word their chrome with hb_t("English text", page)."""
        env.globals["hb_t"] = self.text
        env.globals["hb_lang"] = self.language_of
        return env

    def language_of(self, page=None) -> str:
        """The language of a page: the prefix of its path (es/...), else English."""
        src = page.file.src_uri if page is not None and getattr(page, "file", None) else ""
        head = src.split("/", 1)[0]
        return head if head in self.catalogs else "en"

    def text(self, text: str, page=None, **values) -> str:
        return self.catalogs.get(self.language_of(page), ENGLISH)(text, **values)

    def on_serve(self, server, config, builder):
        """`mkdocs serve` rebuilds when the data, the overlay or the engine's templates change, not only docs/."""
        root = Path(config.config_file_path or ".").resolve().parent
        server.watch(str(root / self.config.data_dir))
        org = os.environ.get("HANDBOOK_ORG")
        org_dir = (root / org) if org else root / self.config.org_dir
        if org_dir.is_dir():
            server.watch(str(org_dir))
        server.watch(str(Path(__file__).resolve().parents[1] / "templates"))
        return server

    def on_files(self, files: Files, config) -> Files:
        site = self.site
        hb = site.handbook
        for file in list(files):  # a translation's own page (docs/es/...) of a language this build leaves out
            head = file.src_uri.partition("/")[0]
            if head in hb.languages and file.src_uri.endswith(".md") and file.src_uri not in site.pages:
                files.remove(file)
        if hb.overlay is not None:  # the organization's own pages replace base pages of the same name, or add new ones
            org_docs = Path(hb.root) / hb.overlay.folder / "docs"
            for page in site.pages.values():
                if page.origin == "org":
                    old = files.get_file_from_path(page.src)
                    if old is not None:
                        files.remove(old)
                    files.append(File(page.src, str(org_docs), config.site_dir, config.use_directory_urls))
            for path in sorted(org_docs.rglob("*")) if org_docs.is_dir() else ():
                src = path.relative_to(org_docs).as_posix()
                if path.is_file() and not src.endswith(".md"):  # images and other files of the organization's pages
                    old = files.get_file_from_path(src)
                    if old is not None:
                        files.remove(old)
                    files.append(File(src, str(org_docs), config.site_dir, config.use_directory_urls))
        for page in site.pages.values():
            if page.lang != "en":  # a page of another language: made by the engine, even from docs/<lang>/
                old = files.get_file_from_path(page.src)
                if old is not None:
                    files.remove(old)
            elif not page.generated or files.get_file_from_path(page.src) is not None:
                continue
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.src, content=_source(page), inclusion=inclusion))
        for static in site.files.values():
            files.append(File.generated(config, static.path, content=static.content))
        return files

    @event_priority(-100)  # after mkdocs-macros: [[links]] are made once a page's own macros ran
    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Hand-written pages get their checked [[id]] links and their citation; generated pages are final."""
        src = page.file.src_uri
        mine = self.site.pages.get(src)
        if mine is None:
            return markdown
        if mine.generated:
            # The model's title, for pages MkDocs cannot name from the nav or a plain first heading (handouts).
            if not page.meta.get("title") and mine.inner.startswith("handouts/"):
                page.meta["title"] = mine.title
            return markdown
        return self.site.page_markdown(src, markdown)

    def on_post_page(self, output: str, page, config) -> str:
        """Mark what Pagefind indexes: the content of reading pages, not print pages or handouts."""
        mine = self.site.pages.get(page.file.src_uri)
        if self.config.offline_build or mine is None or not mine.indexed:
            return output
        return output.replace(
            '<article class="md-content__inner md-typeset">',
            '<article class="md-content__inner md-typeset" data-pagefind-body>',
            1,
        )

    def on_post_build(self, config) -> None:
        """Index the site with Pagefind; with offline_zip, also build the offline copy."""
        if not self.config.offline_build:
            run = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pagefind",
                    "--site",
                    config.site_dir,
                    "--quiet",
                    "--exclude-selectors",
                    ".headerlink",
                ],
                capture_output=True,
                text=True,
            )
            if run.returncode:
                raise PluginError("Pagefind could not index the site:\n" + (run.stderr or run.stdout)[-2000:])
        if not self.config.offline_build:
            from ..search import result_pages

            homes = {lang: "" if lang == "en" else f"{lang}/" for lang in self.site.renderers}
            urls = self.site.urls
            weights = {"/" + urls.page_href(p.src): p.search_weight for p in self.site.pages.values() if p.indexed}
            labels = {lang: renderer._("Also searched as") for lang, renderer in self.site.renderers.items()}
            for rel, text in result_pages(Path(config.site_dir) / "pagefind", homes, weights, labels).items():
                (Path(config.site_dir) / rel).write_text(text, encoding="utf-8")
            write_manifest(Path(config.site_dir), str(self.site.handbook.profile.get("edition", "")))
        if self.config.offline_build or not (self.config.offline_zip or os.environ.get("HANDBOOK_OFFLINE_ZIP") == "1"):
            return
        root = Path(config.config_file_path or ".").resolve().parent
        problem = build_offline_zip(
            root, Path(config.site_dir) / OFFLINE_ZIP, str(self.site.handbook.profile.get("handbook_title", ""))
        )
        if problem:
            raise PluginError(problem)


def _navigation(entries, files: Files):
    """A Navigation of pages MkDocs already made (a language's pages are not in mkdocs.yml's nav)."""
    from mkdocs.structure.nav import Navigation, Section, _add_parent_links, _add_previous_and_next_links

    def items(value) -> list:
        out = []
        for entry in value if isinstance(value, list) else [value]:
            if isinstance(entry, dict):
                for title, inner in entry.items():
                    if isinstance(inner, list):
                        out.append(Section(title, items(inner)))
                    else:
                        out += _pages(inner, title)
            else:
                out += _pages(entry, None)
        return out

    def _pages(src: str, title) -> list:
        file = files.get_file_from_path(src)
        if file is None or file.page is None:
            return []
        if title is not None:
            file.page.title = title
        return [file.page]

    top = items(list(entries))
    pages = []

    def collect(value):
        for item in value:
            if isinstance(item, Section):
                collect(item.children)
            else:
                pages.append(item)

    collect(top)
    _add_previous_and_next_links(pages)
    _add_parent_links(top)
    return Navigation(top, pages)


def _localized_footer(renderer) -> str:
    """The footer line of a page in another language."""
    import html

    hb, _ = renderer.hb, renderer._
    parts = [html.escape(str(hb.profile.get("name", "")))]
    if hb.overlay is not None:
        base = hb.base_profile
        parts.append(
            html.escape(
                _(
                    "Edition {edition}, based on base edition {base_edition} of the {base_title}",
                    edition=hb.profile.get("edition"),
                    base_edition=base.get("edition"),
                    base_title=base.get("handbook_title"),
                )
            )
        )
    parts.append(_("Content") + ' <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>')
    return " · ".join(p for p in parts if p)


def _source(page) -> str:
    """A generated page as MkDocs reads it: its front matter (never rendered by mkdocs-macros), then its Markdown."""
    meta = {**page.meta, "render_macros": False}
    return f"---\n{yaml.safe_dump(meta, sort_keys=True)}---\n" + page.markdown
