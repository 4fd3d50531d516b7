"""LMS exports of the training modules' knowledge checks: Moodle GIFT text and a QTI 1.2 zip as Canvas imports it.

Texts are exported as plain text: a [[ref]] becomes the words a reader sees (its words after |, or the
title of the item it names), **bold** and *italic* lose their asterisks, line breaks inside a paragraph
become spaces, and paragraphs stay apart.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..validate import REF

QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_RESOURCE_TYPE = "imsqti_xmlv1p2"
RESPONSE = "response1"  # the one response of each item
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # fixed, so the same data gives the same zip

#: Characters GIFT gives a meaning, the backslash among them; each is written behind a backslash.
GIFT_SPECIAL = "\\~=#{}:"
_GIFT_ESCAPE = str.maketrans({c: "\\" + c for c in GIFT_SPECIAL} | {"\n": "\\n", "\r": ""})
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML 1.0
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*", re.S)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])", re.S)
_LIST_ITEM = re.compile(r"\n(?=\s*(?:[-*+]|\d+[.)])\s)")


def plain(text: str, hb: Any) -> str:
    """Markdown as the plain words a reader sees: references resolved, emphasis dropped, whitespace tidied."""

    def ref(m: re.Match) -> str:
        if m.group(3):
            return m.group(3).strip()
        target = m.group(1).strip()
        return hb.find(target).title if hb.has(target) else target

    text = REF.sub(ref, str(text))
    text = _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = _LIST_ITEM.split(para)  # a list item keeps its own line
        paragraphs.append("\n".join(" ".join(line.split()) for line in lines))
    return "\n\n".join(p for p in paragraphs if p)


def gift_escape(text: str) -> str:
    """Text for GIFT: each of ~ = # { } : and backslash behind a backslash, line breaks as \\n."""
    return text.translate(_GIFT_ESCAPE)


def _quiz(module: Any) -> tuple[Mapping[str, Any], ...]:
    return tuple(module.data.get("quiz") or ())


def _weight(count: int) -> str:
    """An equal share of 100 among count options, as Moodle writes grade fractions: 50, 33.33333."""
    return f"{100 / count:.5f}".rstrip("0").rstrip(".")


def _header(module: Any, hb: Any) -> str:
    title = " ".join(str(module.title).split())
    handbook = " ".join(str(hb.profile.get("handbook_title", "")).split())
    return f"// {title}, from {handbook}, edition {hb.profile.get('edition', '')}"


def gift(module: Any, hb: Any) -> str:
    """Moodle GIFT text for one module's quiz: one multiple-choice question a block, with feedback on every option."""
    title = " ".join(str(module.title).split())
    blocks = [f"{_header(module, hb)}\n$CATEGORY: {title.replace('/', '//')}"]  # '//' keeps a '/' in the name
    for question in _quiz(module):
        options = question["options"]
        right = [o for o in options if o["correct"]]
        wrong = [o for o in options if not o["correct"]]
        name, text = gift_escape(f"{module.id}-{question['id']}"), gift_escape(plain(question["text"], hb))
        lines = [f"::{name}::{text} {{"]
        for option in options:
            if len(right) == 1:
                mark = "=" if option["correct"] else "~"
            elif option["correct"]:
                mark = f"~%{_weight(len(right))}%"
            else:
                mark = f"~%-{_weight(len(wrong))}%"
            text, feedback = gift_escape(plain(option["text"], hb)), gift_escape(plain(option["feedback"], hb))
            lines.append(f"{mark}{text}#{feedback}")
        lines.append("}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _root(tag: str, namespace: str, schema: str, **attrs: str) -> ET.Element:
    """A root element in a default namespace, with its schema location; the elements below it take no prefix."""
    return ET.Element(
        tag, {"xmlns": namespace, "xmlns:xsi": XSI_NS, **attrs, "xsi:schemaLocation": f"{namespace} {schema}"}
    )


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _material(parent: ET.Element, text: str) -> ET.Element:
    material = _sub(parent, "material")
    _sub(material, "mattext", text, texttype="text/plain")
    return material


def _field(metadata: ET.Element, label: str, entry: str) -> None:
    field = _sub(metadata, "qtimetadatafield")
    _sub(field, "fieldlabel", label)
    _sub(field, "fieldentry", entry)


def _item(section: ET.Element, module: Any, question: Mapping[str, Any], hb: Any) -> None:
    options = question["options"]
    multiple = sum(bool(o["correct"]) for o in options) > 1
    ident = f"{module.id}-{question['id']}"
    labels = {o["id"]: f"{ident}-{o['id']}" for o in options}
    item = _sub(section, "item", ident=ident, title=ident)
    metadata = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    _field(metadata, "question_type", "multiple_answers_question" if multiple else "multiple_choice_question")
    _field(metadata, "points_possible", "1.0")
    _field(metadata, "original_answer_ids", ",".join(labels.values()))

    presentation = _sub(item, "presentation")
    _material(presentation, plain(question["text"], hb))
    lid = _sub(presentation, "response_lid", ident=RESPONSE, rcardinality="Multiple" if multiple else "Single")
    choices = _sub(lid, "render_choice")
    for option in options:
        _material(_sub(choices, "response_label", ident=labels[option["id"]]), plain(option["text"], hb))

    processing = _sub(item, "resprocessing")
    outcomes = _sub(processing, "outcomes")
    _sub(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    for option in options:  # the feedback of each option picked
        condition = _sub(processing, "respcondition", **{"continue": "Yes"})
        _sub(_sub(condition, "conditionvar"), "varequal", labels[option["id"]], respident=RESPONSE)
        _sub(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{labels[option['id']]}_fb")
    condition = _sub(processing, "respcondition", **{"continue": "No"})
    test = _sub(condition, "conditionvar")
    if multiple:  # every right answer and no wrong one
        test = _sub(test, "and")
    for option in options:
        if option["correct"]:
            _sub(test, "varequal", labels[option["id"]], respident=RESPONSE)
        elif multiple:
            _sub(_sub(test, "not"), "varequal", labels[option["id"]], respident=RESPONSE)
    _sub(condition, "setvar", "100", action="Set", varname="SCORE")

    for option in options:
        feedback = _sub(item, "itemfeedback", ident=f"{labels[option['id']]}_fb")
        _material(_sub(feedback, "flow_mat"), plain(option["feedback"], hb))


def qti_assessment(module: Any, hb: Any) -> bytes:
    """The QTI 1.2 assessment (questestinterop) of one module's quiz, as UTF-8 XML."""
    root = _root("questestinterop", QTI_NS, QTI_XSD)
    assessment = _sub(root, "assessment", ident=module.id, title=" ".join(str(module.title).split()))
    section = _sub(assessment, "section", ident="root_section")
    for question in _quiz(module):
        _item(section, module, question, hb)
    return _xml(root)


def qti_manifest(module: Any, hb: Any) -> bytes:
    """imsmanifest.xml of the package: one resource of type imsqti_xmlv1p2, the assessment file."""
    root = _root("manifest", CP_NS, CP_XSD, identifier=f"{module.id}-manifest")
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "IMS Content")
    _sub(metadata, "schemaversion", "1.1.3")
    _sub(root, "organizations")
    resource = _sub(_sub(root, "resources"), "resource", identifier=module.id, type=QTI_RESOURCE_TYPE)
    _sub(resource, "file", href=f"{module.id}.xml")
    return _xml(root)


def qti_bytes(module: Any, hb: Any) -> bytes:
    """A QTI 1.2 package (imsmanifest.xml and <module-id>.xml) of one module's quiz, as the bytes of a zip file."""
    import io

    files = {"imsmanifest.xml": qti_manifest(module, hb), f"{module.id}.xml": qti_assessment(module, hb)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def qti_zip(module: Any, hb: Any, path: Path) -> Path:
    """Write a QTI 1.2 package (imsmanifest.xml and <module-id>.xml) for one module's quiz to path; return path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(qti_bytes(module, hb))
    return path


def export_files(hb: Any) -> dict[str, str | bytes]:
    """exports/<module-id>.gift and exports/<module-id>.qti.zip of every module with a quiz, by path in the site."""
    out: dict[str, str | bytes] = {}
    for module in hb.kind("training"):
        if _quiz(module):
            out[f"exports/{module.id}.gift"] = gift(module, hb)
            out[f"exports/{module.id}.qti.zip"] = qti_bytes(module, hb)
    return out


def write_exports(hb: Any, out_dir: Path) -> list[Path]:
    """Write exports/<module-id>.gift and exports/<module-id>.qti.zip for every module with a quiz; return the paths."""
    folder = Path(out_dir) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for module in hb.kind("training"):
        if not _quiz(module):
            continue
        gift_path = folder / f"{module.id}.gift"
        gift_path.write_text(gift(module, hb), encoding="utf-8", newline="\n")
        written += [gift_path, qti_zip(module, hb, folder / f"{module.id}.qti.zip")]
    return written
