"""The words of the page chrome: every text the templates, the theme and the scripts word has its Spanish."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import jinja2
import pytest
import yaml
from jinja2 import nodes

from macros.docs import DELIMITERS
from macros.i18n import Catalog
from macros.load import load_handbook
from macros.render import Renderer
from macros.urls import Urls
from tests.conftest import ROOT, VALID

CATALOG = ROOT / "data" / "i18n" / "es" / "ui.yml"
TEMPLATES = ROOT / "macros" / "templates"
OVERRIDES = ROOT / "overrides"
ASSETS = ROOT / "docs" / "assets"
JS_CALL = re.compile(r'\bhbT\(\s*"((?:[^"\\\n]|\\.)*)"')  # hbT("English text", ...) in the scripts
JS_TABLE = re.compile(r"var ES = (\{.*?\n  \});", re.S)  # handbook.js's Spanish table, written as JSON


def _messages() -> dict[str, str]:
    return yaml.safe_load(CATALOG.read_text(encoding="utf-8"))["messages"]


def _literals(env: jinja2.Environment, path: Path, name: str) -> list[str]:
    """The constant first arguments of every call of `name` in a template."""
    tree = env.parse(path.read_text(encoding="utf-8"))
    return [
        call.args[0].value
        for call in tree.find_all(nodes.Call)
        if isinstance(call.node, nodes.Name)
        and call.node.name == name
        and call.args
        and isinstance(call.args[0], nodes.Const)
    ]


def _wrapped() -> dict[str, str]:
    """Every text the templates (`_`) and the theme (`hb_t`) word, with the file it comes from."""
    found: dict[str, str] = {}
    for path in sorted(TEMPLATES.glob("*.j2")):
        for text in _literals(jinja2.Environment(**DELIMITERS), path, "_"):
            found.setdefault(text, path.relative_to(ROOT).as_posix())
    for path in sorted(OVERRIDES.rglob("*.html")):
        for text in _literals(jinja2.Environment(), path, "hb_t"):
            found.setdefault(text, path.relative_to(ROOT).as_posix())
    return found


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_wrapped_text_has_its_spanish():
    """Every _("...") of macros/templates and every hb_t("...") of overrides/ has an entry in data/i18n/es/ui.yml."""
    wrapped = _wrapped()
    assert len(wrapped) > 100  # the parse found the templates' texts
    messages = _messages()
    missing = [f"{where}: {text!r}" for text, where in wrapped.items() if text not in messages]
    assert missing == [], "\n".join(missing)


def test_every_translation_keeps_the_placeholders_of_its_english():
    """Every entry of ui.yml has exactly the {placeholders} of its English text, and fills them without error."""
    bad = []
    for english, spanish in _messages().items():
        assert isinstance(spanish, str) and spanish.strip(), english
        if _fields(english) != _fields(spanish):
            bad.append(f"{english!r}: {sorted(_fields(english))} -> {sorted(_fields(spanish))}")
        elif _fields(english):
            spanish.format(**{name: "x" for name in _fields(english)})
    assert bad == [], "\n".join(bad)


def test_every_script_text_has_its_spanish_in_handbook_js():
    """Every hbT("...") of docs/assets/*.js has an entry with the same {placeholders} in handbook.js's Spanish table."""
    table = json.loads(JS_TABLE.search((ASSETS / "handbook.js").read_text(encoding="utf-8")).group(1))
    used = set()
    for path in sorted(ASSETS.glob("*.js")):
        code = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")]
        for match in JS_CALL.finditer("\n".join(code)):
            used.add(json.loads(f'"{match.group(1)}"'))
    assert len(used) > 50
    assert sorted(used - set(table)) == []
    assert [k for k, v in table.items() if _fields(k) != _fields(v)] == []


@pytest.fixture(scope="module")
def spanish() -> Renderer:
    return Renderer(load_handbook(VALID), Urls("https://example.org/handbook/"), catalog=Catalog("es", _messages()))


def test_a_spanish_principle_page_has_no_english_chrome(spanish):
    """A principle rendered with the Spanish catalog shows its template chrome in Spanish only."""
    text = spanish.item_page("honesty")
    for english, spanish_words in [
        ("## What you commit to {#commitments}", "## A qué te comprometes {#commitments}"),
        ("## Why it matters {#why}", "## Por qué importa {#why}"),
        ("## In practice {#in-practice}", "## En la práctica {#in-practice}"),
        ("## Examples {#examples}", "## Ejemplos {#examples}"),
        ("**Do**", "**Haz**"),
        ("**Avoid**", "**Evita**"),
        ("**What happens:**", "**Qué pasa:**"),
        ("**Acting on the principle:**", "**Cómo actuar según el principio:**"),
        ("## Where this comes up {#cited-by}", "## Dónde aparece {#cited-by}"),
        ("**Permanent link:**", "**Enlace permanente:**"),
        ('aria-label="Permanent link and citation"', 'aria-label="Enlace permanente y cita"'),
        ('data-copy-target="honesty">Copy link</button>', 'data-copy-target="honesty">Copiar enlace</button>'),
    ]:
        assert english not in text
        assert spanish_words in text
    assert '<p class="hb-number">Principio ' in text
    assert "**Edición " in text and ", vigente desde el " in text
