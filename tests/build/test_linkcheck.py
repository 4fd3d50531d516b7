"""The link check itself: on a small site written here, it finds each kind of broken link and passes the good ones."""

from __future__ import annotations

from pathlib import Path

from macros.linkcheck import check_site_dir

SITE_URL = "https://example.org/h/"

HOME = """<!doctype html><html><head><meta charset="utf-8"><title>Home</title>
<link rel="stylesheet" href="assets/style.css"><link rel="canonical" href="https://example.org/h/gone/"></head>
<body><h1 id="top">Home</h1>
<a href="guide/">good</a> <a href="guide/#step-2">good anchor</a> <a href="p/guide/#step-2">good redirect</a>
<a href="/h/guide/">good absolute</a> <a href="https://example.org/h/guide/#step-2">good public address</a>
<a href="#top">good here</a> <a href="tel:988">call</a> <a href="https://elsewhere.example/">elsewhere</a>
<a href="missing/">broken page</a> <a href="guide/#no-such">broken anchor</a>
<a href="p/guide/#nope">broken redirect anchor</a> <a href="../../outside.html">above the root</a>
<a href="/other/">outside the base path</a> <img src="assets/none.png" alt="">
<a href="http://127.0.0.1:8000/h/">the build machine</a>
</body></html>"""

GUIDE = """<!doctype html><html><head><meta charset="utf-8"><title>Guide</title></head>
<body><h1>Guide</h1><h2 id="step-2">Step 2</h2><a name="old-name"></a><a href="../#top">home</a></body></html>"""

STUB = """<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=../../guide/"></head><body></body></html>"""


def write_site(root: Path) -> None:
    for rel, text in {
        "index.html": HOME,
        "guide/index.html": GUIDE,
        "p/guide/index.html": STUB,
        "assets/style.css": "body { color: black }",
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def test_link_check_reports_each_broken_link_and_passes_the_good_ones(tmp_path):
    """Every broken link kind (page, anchor, redirect's anchor, above the root, outside the base, build machine) is reported, no good link is."""
    write_site(tmp_path)
    report = check_site_dir(tmp_path, SITE_URL)
    broken = sorted(line.split(": ", 1)[1] for line in report.broken)
    assert broken == sorted(
        [
            "holds an address of the build machine (http://127.0.0.1:8000)",
            "missing/ -> missing missing/index.html",
            "guide/#no-such -> no anchor #no-such on guide/index.html",
            "p/guide/#nope -> redirect p/guide/index.html -> no anchor #nope on guide/index.html",
            "../../outside.html -> missing __outside_the_site__/outside.html",
            "/other/ -> missing __outside_the_site__/other/",
            "assets/none.png -> missing assets/none.png",
            "https://example.org/h/gone/ -> missing gone/index.html",
        ]
    ), report.broken
    assert report.pages == 3 and report.links > 15
