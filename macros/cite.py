"""How to cite an item or a page: APA (7th edition) and BibTeX, with the address of the edition's archive.

An item that reads exactly as the last published edition recorded it (its hash
is the one in content.lock.json, and that edition is the profile's edition) is
cited at that edition's archive, /editions/X.Y/p/<id>/, which never changes.
An item changed since is cited at its permanent link, with the edition it is
being prepared for.
"""

from __future__ import annotations

import re

from .editions import item_hash
from .model import Handbook, Item
from .urls import Urls

BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def year(handbook: Handbook) -> str:
    return str(handbook.profile.get("effective_date", ""))[:4] or "n.d."


def address(handbook: Handbook, urls: Urls, item: Item | None = None, src: str = "") -> str:
    """The address to cite: the edition's archive when the text is as published there, else the living one."""
    edition = str(handbook.profile.get("edition", ""))
    lock = handbook.lock or {}
    # A page of another language is cited at its living address: an edition's archive holds the
    # languages it was published in, and a translation may follow after the edition.
    published = lock.get("edition") == edition and not handbook.changelog.get("unreleased") and not urls.prefix
    if item is not None:
        entry = (lock.get("items") or {}).get(item.id)
        if published and entry and entry.get("hash") == item_hash(item):
            return urls.edition(edition, f"p/{item.id}/")
        return urls.permalink(item.id)
    from .urls import canonical_path

    return urls.edition(edition, canonical_path(src)) if published else urls.public_page(src)


def _same(text: str, **values) -> str:
    return text.format(**values)


def apa(
    handbook: Handbook, urls: Urls, title: str, label: str, item: Item | None = None, src: str = "", _=_same
) -> str:
    """'Publisher. (2026). Title [Principle]. In Handbook (Edition 1.1). https://...' (plain text, for copying)."""
    p = handbook.profile
    title = title.rstrip(".")
    within = _("In {handbook} (Edition {edition}).", handbook=p["handbook_title"], edition=p["edition"])
    return (
        f"{p['name']}. ({year(handbook)}). {title} [{label[:1].upper() + label[1:]}]. "
        f"{within} {address(handbook, urls, item, src)}"
    )


def apa_markdown(
    handbook: Handbook, urls: Urls, title: str, label: str, item: Item | None = None, src: str = "", _=_same
) -> str:
    """The same citation with the titles in italics, for the page."""
    from .render import escape_md

    p = handbook.profile
    return (
        f"{escape_md(str(p['name']))}. ({year(handbook)}). *{escape_md(title.rstrip('.'))}* "
        f"[{escape_md(label[:1].upper() + label[1:])}]. "
        + _(
            "In {handbook} (Edition {edition}).",
            handbook=f"*{escape_md(str(p['handbook_title']))}*",
            edition=p["edition"],
        )
        + f" {address(handbook, urls, item, src)}"
    )


def bibtex(
    handbook: Handbook, urls: Urls, key: str, title: str, label: str, item: Item | None = None, src: str = "", _=_same
) -> str:
    """A BibTeX @misc entry."""
    p = handbook.profile

    def esc(text: str) -> str:
        return (
            BIBTEX_SPECIAL.sub(r"\\\1", str(text))
            .replace("~", r"\textasciitilde{}")
            .replace("^", r"\textasciicircum{}")
        )

    return "\n".join(
        [
            f"@misc{{{re.sub(r'[^A-Za-z0-9:_.-]', '-', key)},",
            f'  author = "{{{esc(p["name"])}}}",',  # quoted, braced inside: one corporate name; never two braces
            f"  title = {{{esc(title.rstrip('.'))}}},",
            f"  howpublished = {{{esc(label[:1].upper() + label[1:])}, {_('in')} \\emph{{{esc(p['handbook_title'])}}}, {_('edition')} {esc(p['edition'])}}},",
            f"  year = {{{year(handbook)}}},",
            f"  url = {{{address(handbook, urls, item, src)}}},",
            f"  note = {{{esc(_('Edition {edition}', edition=p['edition']))}}}",
            "}",
        ]
    )
