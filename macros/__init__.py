"""Macros for mkdocs-macros-plugin: the handbook's page macros, registered by name.

The handbook plugin (macros.builders.mkdocs_plugin) loads the data and
builds the Site once per build; these macros come from macros.pagemacros,
the same definitions `handbook render` and `handbook check` use.
"""

from __future__ import annotations


def define_env(env) -> None:
    from .pagemacros import page_macros

    plugin = env.conf.plugins.get("handbook")
    if plugin is None or getattr(plugin, "site", None) is None:
        raise RuntimeError("the 'handbook' plugin must come before 'macros' in mkdocs.yml plugins")
    site = plugin.site
    for name, value in page_macros(site.renderer, lambda: env.page.file.src_uri, site.offline_zip).items():
        if callable(value):
            env.macro(value, name)
        else:
            env.variables[name] = value
