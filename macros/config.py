"""What the engine needs from mkdocs.yml, read without MkDocs: the public address, URL style, nav, extensions.

`handbook check`, `handbook render`, the PDFs and the benchmarks read the site's
configuration here; the MkDocs build gets the same values from MkDocs itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !ENV and !!python/name: read them without running anything."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if isinstance(name, str) and os.environ.get(name):
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


def _other(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    return None


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _other)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _other)


@dataclass(frozen=True)
class SiteConfig:
    site_url: str = ""
    use_directory_urls: bool = True
    nav: list = field(default_factory=list)
    not_in_nav: str = ""
    markdown_extensions: list = field(default_factory=list)
    macros: dict = field(default_factory=dict)
    file: str = "mkdocs.yml"


def read_config(root: Path | str, name: str = "mkdocs.yml") -> SiteConfig:
    """The site configuration in root/name (following INHERIT), as the engine needs it."""
    path = Path(root) / name
    if not path.exists():
        return SiteConfig(file=name)
    try:
        data = _raw(path)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        data = {}  # `handbook check` reports it (macros/siteconf.py); the rest reads the defaults
    data = data if isinstance(data, dict) else {}
    macros = {}
    plugins = data.get("plugins")
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and "macros" in plugin:
            macros = plugin["macros"] or {}
    return SiteConfig(
        site_url=str(data.get("site_url") or ""),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        nav=_list(data.get("nav")),
        not_in_nav=str(data.get("not_in_nav") or ""),
        markdown_extensions=_list(data.get("markdown_extensions")),
        macros=dict(macros) if isinstance(macros, dict) else {},
        file=name,
    )


def _list(value) -> list:
    return list(value) if isinstance(value, list) else []


def _raw(path: Path) -> dict:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    if isinstance(data, dict) and data.get("INHERIT"):
        return {**_raw(path.parent / data["INHERIT"]), **data}
    return data
