"""LMS exports of the knowledge checks: GIFT read back by an independent parser, QTI 1.2 checked against its DTD.

The GIFT parser is gift-pegjs (npm, pinned in tests/fixtures/lms/package-lock.json), run with node; it is
installed with `npm ci` into pytest's cache folder on first use, never into the work tree. The QTI check
uses the official IMS QTI ASI 1.2.1 DTD, fetched from pyslet's source distribution on PyPI (see tests/fixtures/lms/README.md), through lxml.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from macros.builders.lms import QTI_NS, QTI_RESOURCE_TYPE, gift, plain, qti_zip, write_exports
from macros.load import load_handbook
from tests.conftest import FIXTURES, ROOT, VALID

LMS = FIXTURES / "lms"
DTD_NAME = "ims_qtiasiv1p2p1.dtd"
DTD_SHA256 = "c991ca648247cde8f228500a4ffb7e3578505c451f54150f43258b7f1ab445bd"
#: The official DTD ships inside the source distribution of pyslet on PyPI; it is fetched, not kept here.
PYSLET = "pyslet==0.7.20170805"
PYSLET_SHA256 = "d4cbb85e16d58a8f990e15e711266ec2fe30a4dc4626c4d839bb7b7824afdf6c"
PYSLET_MEMBER = "unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd"
CP_NS = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
SPECIAL = r"a ~ b = c # d { e } f : g \ h \\ i"  # every character GIFT gives a meaning, and backslashes

#: Reads a JSON list of GIFT texts on stdin; writes, for each, the parsed questions or the parser's error.
PARSE_JS = """
const parser = require(process.argv[1]);
let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const results = JSON.parse(input).map((text) => {
    try {
      return { questions: parser.parse(text) };
    } catch (e) {
      return { error: String(e.message), location: e.location || null };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
"""


@dataclass(frozen=True)
class Module:
    """Just what the exports read of a training module."""

    id: str
    title: str
    data: dict[str, Any] = field(default_factory=dict)


def _option(id_: str, text: str, correct: bool, feedback: str) -> dict[str, Any]:
    return {"id": id_, "text": text, "correct": correct, "feedback": feedback}


def _question(id_: str, text: str, *options: dict[str, Any]) -> dict[str, Any]:
    return {"id": id_, "type": "recall", "text": text, "options": list(options), "tests": "honesty"}


SPECIAL_MODULE = Module(
    "special",
    "Odd: characters / {all} = here",
    {
        "quiz": [
            _question(
                "one",
                f"Question {SPECIAL}?\n\nA second paragraph.",
                _option("a", f"Right {SPECIAL}", True, f"Yes {SPECIAL}.\n\nAnd why."),
                _option("b", f"Wrong {SPECIAL}", False, f"No {SPECIAL}."),
            ),
            _question(
                "two",
                f"Pick two <&> {SPECIAL}",
                _option("a", f"One {SPECIAL}", True, f"Yes, one {SPECIAL}"),
                _option("b", f"Two {SPECIAL}", True, f"Yes, two {SPECIAL}"),
                _option("c", f"Three {SPECIAL}", False, f"No, three {SPECIAL}"),
            ),
        ]
    },
)


@pytest.fixture(scope="module")
def hb():
    return load_handbook(ROOT)


@pytest.fixture(scope="module")
def fixture_hb():
    return load_handbook(VALID)


def _modules(hb) -> list:
    modules = [m for m in hb.kind("training") if m.data.get("quiz")]
    assert modules, "the real handbook has no module with a quiz"
    return modules


@pytest.fixture(scope="session")
def gift_parser(request, tmp_path_factory):
    """A function from GIFT texts to gift-pegjs's results; gift-pegjs is installed once, from the lock file."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        if __import__("os").environ.get("CI", "").lower() == "true":
            pytest.fail("node is not installed (CI=true: the independent GIFT parser must run)", pytrace=False)
        pytest.skip("node is not installed: the independent GIFT parser (gift-pegjs) runs on node")
    lock = (LMS / "package-lock.json").read_bytes()
    name = "gift-pegjs-" + hashlib.sha256(lock).hexdigest()[:12]
    cache = getattr(request.config, "cache", None)  # None with -p no:cacheprovider
    folder = cache.mkdir(name) if cache is not None else tmp_path_factory.mktemp(name)
    module = folder / "node_modules" / "gift-pegjs"
    if not (module / "package.json").exists():
        if npm is None:
            pytest.fail("npm is not installed, so gift-pegjs cannot be installed for node", pytrace=False)
        for file in ("package.json", "package-lock.json"):
            shutil.copyfile(LMS / file, folder / file)
        command = [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"]
        run = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300)
        if run.returncode:
            pytest.fail(f"npm ci of gift-pegjs failed:\n{(run.stdout + run.stderr)[-3000:]}", pytrace=False)
    assert json.loads((module / "package.json").read_text())["version"] == "1.0.2"

    def parse(texts: list[str]) -> list[dict]:
        run = subprocess.run(
            [node, "-e", PARSE_JS, str(module)], input=json.dumps(texts), capture_output=True, text=True, timeout=120
        )
        assert run.returncode == 0, run.stderr
        return json.loads(run.stdout)

    return parse


def _parsed(result: dict) -> tuple[dict, list[dict]]:
    """The category and the questions of one parsed GIFT text; fails on a parse error."""
    assert "error" not in result, result
    category, *questions = result["questions"]
    assert category["type"] == "Category", category
    return category, questions


def _correct(choice: dict) -> bool:
    return bool(choice["isCorrect"]) or (choice["weight"] or 0) > 0


def test_gift_of_every_module_parses_with_an_independent_parser(hb, gift_parser):
    """The GIFT of every module with a quiz parses with gift-pegjs into its category and multiple-choice questions."""
    modules = _modules(hb)
    for module, result in zip(modules, gift_parser([gift(m, hb) for m in modules]), strict=True):
        category, questions = _parsed(result)
        assert category["title"] == module.title
        assert [q["type"] for q in questions] == ["MC"] * len(questions), module.id
        assert [q["title"] for q in questions] == [f"{module.id}-{q['id']}" for q in module.data["quiz"]]


def test_parsed_gift_has_the_questions_options_and_answers_of_the_data(hb, gift_parser):
    """The parsed GIFT has as many questions, options and correct answers as the data, with the same texts."""
    modules = _modules(hb)
    for module, result in zip(modules, gift_parser([gift(m, hb) for m in modules]), strict=True):
        _, questions = _parsed(result)
        quiz = module.data["quiz"]
        assert len(questions) == len(quiz), module.id
        for parsed, question in zip(questions, quiz, strict=True):
            options, choices = question["options"], parsed["choices"]
            assert parsed["stem"]["text"] == plain(question["text"], hb)
            assert len(choices) == len(options), parsed["title"]
            assert [_correct(c) for c in choices] == [bool(o["correct"]) for o in options], parsed["title"]
            assert [c["text"]["text"] for c in choices] == [plain(o["text"], hb) for o in options]
            assert [c["feedback"]["text"] for c in choices] == [plain(o["feedback"], hb) for o in options]


def test_multiple_answer_weights_sum_to_plus_and_minus_one_hundred(hb, gift_parser):
    """With several right answers, the right ones weigh 100 in all and the wrong ones -100 in all."""
    modules = _modules(hb)
    seen = 0
    for result in gift_parser([gift(m, hb) for m in modules]):
        for parsed in _parsed(result)[1]:
            weights = [c["weight"] for c in parsed["choices"]]
            if None in weights:  # a one-answer question: = and ~, no weights
                assert weights == [None] * len(weights) and sum(c["isCorrect"] for c in parsed["choices"]) == 1
                continue
            seen += 1
            assert sum(w for w in weights if w > 0) == pytest.approx(100, abs=1e-3), parsed["title"]
            assert sum(w for w in weights if w < 0) == pytest.approx(-100, abs=1e-3), parsed["title"]
    assert seen, "no multiple-answer question in the handbook: the weights were not tested"


def test_special_characters_round_trip_through_gift(fixture_hb, gift_parser):
    """Text with ~ = # { } :, backslashes and paragraphs comes back from gift-pegjs exactly as written."""
    (result,) = gift_parser([gift(SPECIAL_MODULE, fixture_hb)])
    category, questions = _parsed(result)
    assert category["title"] == "Odd: characters // {all} = here"  # a '/' in a category name is written '//'
    assert [q["title"] for q in questions] == ["special-one", "special-two"]
    for parsed, question in zip(questions, SPECIAL_MODULE.data["quiz"], strict=True):
        assert parsed["stem"]["text"] == question["text"]
        assert [c["text"]["text"] for c in parsed["choices"]] == [o["text"] for o in question["options"]]
        assert [c["feedback"]["text"] for c in parsed["choices"]] == [o["feedback"] for o in question["options"]]
        assert [_correct(c) for c in parsed["choices"]] == [o["correct"] for o in question["options"]]


def test_gift_starts_with_its_comment_and_category(hb):
    """A GIFT file opens with a comment naming the module, handbook and edition, then the module's category."""
    module = _modules(hb)[0]
    comment, category = gift(module, hb).splitlines()[:2]
    assert comment == f"// {module.title}, from {hb.profile['handbook_title']}, edition {hb.profile['edition']}"
    assert category == f"$CATEGORY: {module.title}"


def test_references_and_emphasis_become_plain_words(fixture_hb):
    """A reference becomes its words or the title of its item, and emphasis loses its asterisks."""
    text = "See [[honesty]], [[code-a|the code]], [[gifts#why]] and **bold** or *italic* words.\n\nNext [[missing]]."
    assert plain(text, fixture_hb) == "See Honesty, the code, Gifts and bold or italic words.\n\nNext missing."
    assert (
        plain("one\nparagraph, two\nlines\n- a list\n- item", fixture_hb)
        == "one paragraph, two lines\n- a list\n- item"
    )


def _zip(module, hb, tmp_path: Path) -> dict[str, bytes]:
    path = qti_zip(module, hb, tmp_path / f"{module.id}.qti.zip")
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _local(element: ET.Element) -> str:
    return element.tag.rpartition("}")[2]


def test_qti_zip_holds_a_manifest_and_the_assessment_it_names(hb, tmp_path):
    """The QTI zip holds imsmanifest.xml and <module-id>.xml, both XML, the manifest naming the assessment."""
    for module in _modules(hb):
        files = _zip(module, hb, tmp_path)
        assert set(files) == {"imsmanifest.xml", f"{module.id}.xml"}
        manifest = ET.fromstring(files["imsmanifest.xml"])
        assert manifest.tag == f"{{{CP_NS}}}manifest"
        resources = manifest.findall(f"{{{CP_NS}}}resources/{{{CP_NS}}}resource")
        assert [(r.get("type"), r.find(f"{{{CP_NS}}}file").get("href")) for r in resources] == [
            (QTI_RESOURCE_TYPE, f"{module.id}.xml")
        ]
        root = ET.fromstring(files[f"{module.id}.xml"])
        assert root.tag == f"{{{QTI_NS}}}questestinterop"
        assert [_local(e) for e in root] == ["assessment"] and root[0].get("ident") == module.id


@pytest.fixture(scope="session")
def qti_dtd(request, tmp_path_factory) -> Path:
    """The IMS QTI ASI 1.2.1 DTD, taken once from pyslet's source distribution on PyPI and checked by its hash."""
    import sys
    import tarfile

    cache = getattr(request.config, "cache", None)
    folder = cache.mkdir("qti-dtd-" + DTD_SHA256[:12]) if cache is not None else tmp_path_factory.mktemp("qti-dtd")
    dtd = folder / DTD_NAME
    if not dtd.exists():
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--quiet",
                "--no-deps",
                "--no-binary",
                ":all:",
                "--no-build-isolation",
                "-d",
                str(folder),
                PYSLET,
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        sdists = sorted(folder.glob("pyslet-*.tar.gz"))
        if run.returncode or not sdists:
            pytest.fail(f"could not download {PYSLET} for the QTI DTD:\n{run.stderr[-2000:]}", pytrace=False)
        assert hashlib.sha256(sdists[0].read_bytes()).hexdigest() == PYSLET_SHA256, (
            "pyslet's sdist is not the pinned one"
        )
        with tarfile.open(sdists[0]) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith(PYSLET_MEMBER))
            dtd.write_bytes(archive.extractfile(member).read())
    assert hashlib.sha256(dtd.read_bytes()).hexdigest() == DTD_SHA256, "the DTD is not the official 1.2.1 one"
    return dtd


def _dtd_valid(xml: bytes, dtd_path: Path) -> tuple[bool, str]:
    """Whether a QTI document is valid against the QTI 1.2.1 DTD, read without its namespace (a DTD knows none)."""
    from lxml import etree

    dtd = etree.DTD(str(dtd_path))
    root = etree.fromstring(xml)
    for element in root.iter():
        element.tag = etree.QName(element).localname
        for name in [n for n in element.attrib if n.startswith("{")]:  # xsi:schemaLocation
            del element.attrib[name]
    etree.cleanup_namespaces(root)
    return dtd.validate(root), str(dtd.error_log.filter_from_errors())


def test_qti_assessment_is_valid_against_the_qti_1_2_dtd(hb, fixture_hb, tmp_path, qti_dtd):
    """Every module's assessment, and one full of special characters, validates against the official QTI 1.2.1 DTD."""
    for module, book in [*((m, hb) for m in _modules(hb)), (SPECIAL_MODULE, fixture_hb)]:
        valid, errors = _dtd_valid(_zip(module, book, tmp_path)[f"{module.id}.xml"], qti_dtd)
        assert valid, f"{module.id}: {errors}"
    broken = _zip(SPECIAL_MODULE, fixture_hb, tmp_path)["special.xml"].replace(b"<resprocessing>", b"<resprocessin>")
    assert not _dtd_valid(broken.replace(b"</resprocessing>", b"</resprocessin>"), qti_dtd)[0], (
        "the DTD check accepts anything"
    )


def _field(item: ET.Element, label: str) -> str | None:
    for entry in item.iter(f"{{{QTI_NS}}}qtimetadatafield"):
        if entry.findtext(f"{{{QTI_NS}}}fieldlabel") == label:
            return entry.findtext(f"{{{QTI_NS}}}fieldentry")
    return None


def _check_items(root: ET.Element, module, hb) -> None:
    """Every question, option, right answer and feedback of the module is in the assessment, in order."""

    def q(path: str) -> str:
        return "/".join(f"{{{QTI_NS}}}{part}" for part in path.split("/"))

    items = root.findall(q("assessment/section/item"))
    quiz = module.data["quiz"]
    assert [i.get("ident") for i in items] == [f"{module.id}-{x['id']}" for x in quiz]
    for item, question in zip(items, quiz, strict=True):
        options = question["options"]
        right = {f"{item.get('ident')}-{o['id']}" for o in options if o["correct"]}
        multiple = len(right) > 1
        assert _field(item, "question_type") == (
            "multiple_answers_question" if multiple else "multiple_choice_question"
        )
        assert float(_field(item, "points_possible")) > 0
        mattext = item.find(q("presentation/material/mattext"))
        assert mattext.get("texttype") == "text/plain" and mattext.text == plain(question["text"], hb)
        lid = item.find(q("presentation/response_lid"))
        assert lid.get("rcardinality") == ("Multiple" if multiple else "Single")
        labels = lid.findall(q("render_choice/response_label"))
        assert [label.findtext(q("material/mattext")) for label in labels] == [plain(o["text"], hb) for o in options]
        idents = [label.get("ident") for label in labels]
        assert len(set(idents)) == len(options)

        scoring = [c for c in item.iterfind(q("resprocessing/respcondition")) if c.find(q("setvar")) is not None]
        assert len(scoring) == 1
        setvar = scoring[0].find(q("setvar"))
        assert (setvar.get("varname"), setvar.get("action"), setvar.text) == ("SCORE", "Set", "100")
        condition = scoring[0].find(q("conditionvar"))
        ruled_out = {e.text for e in condition.iterfind(".//" + q("not/varequal"))}
        assert {e.text for e in condition.iter(q("varequal"))} - ruled_out == right
        assert ruled_out == (set(idents) - right if multiple else set())  # with several answers, no wrong one

        feedback = {f.get("ident"): f.findtext(q("flow_mat/material/mattext")) for f in item.iter(q("itemfeedback"))}
        shown = {
            c.findtext(q("conditionvar/varequal")): c.find(q("displayfeedback")).get("linkrefid")
            for c in item.iterfind(q("resprocessing/respcondition"))
            if c.find(q("displayfeedback")) is not None
        }
        for ident, option in zip(idents, options, strict=True):
            assert feedback[shown[ident]] == plain(option["feedback"], hb), ident


def test_qti_assessment_holds_every_question_option_answer_and_feedback(hb, fixture_hb, tmp_path):
    """The assessment has every question and option, the right answers scored 100, and each option's feedback."""
    for module, book in [*((m, hb) for m in _modules(hb)), (SPECIAL_MODULE, fixture_hb)]:
        _check_items(ET.fromstring(_zip(module, book, tmp_path)[f"{module.id}.xml"]), module, book)


def test_qti_zip_is_the_same_for_the_same_data(hb, tmp_path):
    """Two exports of the same quiz are the same bytes, so a rebuild changes no file."""
    module = _modules(hb)[0]
    first = qti_zip(module, hb, tmp_path / "a.zip").read_bytes()
    assert qti_zip(module, hb, tmp_path / "b.zip").read_bytes() == first


def test_write_exports_writes_gift_and_qti_for_every_module_with_a_quiz(hb, fixture_hb, tmp_path):
    """write_exports writes exports/<id>.gift and exports/<id>.qti.zip for each module with a quiz, and none without."""
    written = write_exports(hb, tmp_path / "site")
    folder = tmp_path / "site" / "exports"
    expected = [folder / f"{m.id}{ext}" for m in _modules(hb) for ext in (".gift", ".qti.zip")]
    assert written == expected and sorted(folder.iterdir()) == sorted(expected)
    module = _modules(hb)[0]
    assert (folder / f"{module.id}.gift").read_text(encoding="utf-8") == gift(module, hb)
    assert zipfile.ZipFile(folder / f"{module.id}.qti.zip").testzip() is None
    assert not any(m.data.get("quiz") for m in fixture_hb.kind("training"))
    assert write_exports(fixture_hb, tmp_path / "empty") == [] and (tmp_path / "empty" / "exports").is_dir()
