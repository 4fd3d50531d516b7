"""Macros for mkdocs-macros-plugin: thin names over the engine's functions.

The handbook plugin (macros.plugin) loads and validates the data once per
build; these macros only ask the renderer for Markdown.
"""

from __future__ import annotations


def define_env(env) -> None:
    from . import state
    from .render import page_url, relative_url

    def renderer_relative(src: str, target: str) -> str:
        return relative_url(page_url(src), target + "/").rstrip("/")

    if state.renderer is None:
        raise RuntimeError("the 'handbook' plugin must come before 'macros' in mkdocs.yml plugins")
    renderer = state.renderer
    env.variables["profile"] = dict(renderer.hb.profile)

    @env.macro
    def handbook_page(src: str) -> str:
        """The Markdown of a page generated from the data."""
        return renderer.page(src)

    @env.macro
    def link(item_id: str, words: str | None = None) -> str:
        """A checked link to an item, from the page being rendered."""
        return renderer.link(item_id, env.page.file.src_uri, None, words)

    @env.macro
    def offline_download() -> str:
        """A link to the offline copy when this build makes one, else how to make it."""
        import os

        plugin = env.conf.plugins.get("handbook")
        if plugin and (plugin.config.offline_zip or os.environ.get("HANDBOOK_OFFLINE_ZIP") == "1") and not plugin.config.offline_build:
            href = renderer_relative(env.page.file.src_uri, "handbook-offline.zip")
            return f'<a href="{href}" download>Download the handbook for offline use</a> (a zip file: unzip it and open index.html).'
        return "An offline copy can be built with `make offline` (a zip file: unzip it and open index.html)."

    @env.macro
    def crisis() -> str:
        """The crisis line, from the profile, as a Markdown admonition."""
        return renderer.crisis_box()
