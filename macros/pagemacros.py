"""The macros a hand-written page may call, such as {{ crisis() }} or {{ count('principle') }}.

One definition serves every output: mkdocs-macros registers these for the
MkDocs build (macros/__init__.py), `handbook render` and `handbook check`
call them with the engine's own Jinja. Each takes the page being rendered
from current_src(), so links are relative to that page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .kinds import KINDS

#: Every name a hand-written page can use; `handbook check` refuses others.
MACRO_NAMES = (
    "code_facts",
    "adopted",
    "base_title",
    "base_edition",
    "crisis",
    "link",
    "offline_download",
    "save_offline",
    "count",
    "profile",
    "counts",
    "edition",
    "title",
)


SAVE_OFFLINE = (
    "Save the whole handbook on this device, to read and search it with no connection. It is your choice: "
    "nothing is saved until you press the button, and you can remove it at any time."
)


def page_macros(renderer, current_src: Callable[[], str], offline_zip: bool = False) -> dict[str, Any]:
    """The macros and variables, by name, for pages rendered by renderer."""
    hb = renderer.hb
    _ = renderer._

    def crisis() -> str:
        """The crisis line, from the profile, as a Markdown admonition."""
        return renderer.crisis_box(current_src())

    def code_facts() -> str:
        """Edition, base edition, dates, where it applies, reviewers, contact and license, as a list."""
        return renderer.code_facts(current_src())

    def link(item_id: str, words: str | None = None) -> str:
        """A link to an item, from the page being rendered."""
        if not hb.has(item_id):
            raise ValueError(f"link('{item_id}'): no such item")
        return renderer.link(item_id, current_src(), None, words)

    def offline_download() -> str:
        """A link to the offline copy when this build publishes one, else how to make it."""
        if offline_zip:
            href = renderer.file_href(current_src(), "handbook-offline.zip")
            return _(
                '<a href="{href}" download>Download the handbook for offline use</a> (a zip file: unzip it and open index.html).',
                href=href,
            )
        return _("An offline copy can be built with `make offline` (a zip file: unzip it and open index.html).")

    def save_offline() -> str:
        """The "Save for offline" control: docs/assets/offline.js runs it; without a server (the zip) it says so."""
        if renderer.offline:
            return _("This is the offline copy: it already works with no connection.")
        manifest = renderer.file_href(current_src(), "offline/manifest.json")
        worker = renderer.file_href(current_src(), "sw.js")
        return (
            f'<div class="hb-offline" data-hb-offline data-manifest="{manifest}" data-worker="{worker}" markdown>\n'
            + _(SAVE_OFFLINE)
            + "\n\n"
            + f'<p class="hb-offline-status" role="status">{_("Saving for offline needs JavaScript.")}</p>\n'
            "</div>\n"
        )

    def count(kind: str, words: str | None = None) -> str:
        """'16 principles', from the data: count('principle'), or count('dilemma', 'case studies')."""
        info = KINDS[kind]
        n = len(hb.kind(kind))
        return f"{n} {words or renderer._(info.label if n == 1 else info.plural)}"

    counts = {name: len(hb.kind(name)) for name in KINDS}
    base = hb.base_profile or hb.profile
    return {
        "code_facts": code_facts,
        "adopted": hb.overlay is not None,
        "base_title": str(base.get("handbook_title", "")),
        "base_edition": str(base.get("edition", "")),
        "crisis": crisis,
        "link": link,
        "offline_download": offline_download,
        "save_offline": save_offline,
        "count": count,
        "profile": dict(hb.profile),
        "counts": counts,
        "edition": str(hb.profile.get("edition", "")),
        "title": str(hb.profile.get("handbook_title", "")),
    }
