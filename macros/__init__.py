"""Macros for mkdocs-macros-plugin: thin names over the engine's functions.

The handbook plugin (macros.plugin) loads and validates the data once per
build; these macros only ask the renderer for Markdown.
"""

from __future__ import annotations


def define_env(env) -> None:
    from . import state

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
    def crisis() -> str:
        """The crisis line, from the profile, as a Markdown admonition."""
        return renderer.crisis_box()
