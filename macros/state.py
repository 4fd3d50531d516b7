"""The handbook of the build in progress, shared by the plugin and the macros.

MkDocs loads both in one process; the plugin fills these once per build in
on_config, and the macros read them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from .model import Handbook
    from .render import Renderer

handbook: Optional["Handbook"] = None
renderer: Optional["Renderer"] = None
