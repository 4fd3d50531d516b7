"""Reading level of the Spanish edition, with textstat's Spanish formulas (Fernández-Huerta, Szigriszt-Pazos).

    python bench/reading_level_es.py

Prints, for summaries, short versions ("in short") and scenarios, and for all other prose, the
distribution of Fernández-Huerta scores by band (higher is easier: 80-90 "bastante fácil", 70-80
"normal"...) and the median of each formula. Links ([[id]]) are read as the words a reader sees.
Not a test: a measure to report.
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import textstat  # noqa: E402

from macros import i18n  # noqa: E402
from macros.kinds import KINDS  # noqa: E402
from macros.load import load_handbook  # noqa: E402

BANDS = [  # Fernández-Huerta's bands (the Flesch scale as adapted to Spanish)
    (90, "muy fácil"),
    (80, "bastante fácil"),
    (70, "normal"),
    (60, "bastante difícil"),
    (50, "difícil"),
    (0, "muy difícil"),
]
FOCUS = ("summary", "in_short", "scenario")


def plain(text: str, handbook) -> str:
    def word(m: re.Match) -> str:
        target, _, words = m.group(1).partition("|")
        item = handbook.items.get(target.split("#")[0].strip())
        return words or (item.title if item else target)

    text = re.sub(r"\[\[([^\]]+)\]\]", word, text)
    text = re.sub(r"[*_`#>]|\]\([^)]*\)|\[", " ", text)
    return text


def band(score: float) -> str:
    return next(name for floor, name in BANDS if score >= floor)


def main() -> int:
    textstat.set_lang("es")
    handbook = load_handbook(ROOT, org_dir=None)
    local = i18n.translated(handbook, "es")
    groups: dict[str, list[tuple[float, float]]] = {"summaries, in short, scenarios": [], "all other prose": []}
    for item in local.items.values():
        if item.kind in i18n.UNTRANSLATED_KINDS:
            continue
        prose = i18n.extract(i18n.kind_shape(KINDS[item.kind]), i18n._plain(item.data)) or {}
        for path, _, text in i18n.changed_fields(KINDS[item.kind], {}, prose):
            if path.split(".")[0].split("[")[0] in i18n.FREE_LISTS or len(text.split()) < 12:
                continue
            words = plain(text, local)
            scores = (textstat.fernandez_huerta(words), textstat.szigriszt_pazos(words))
            key = "summaries, in short, scenarios" if path.split(".")[0] in FOCUS else "all other prose"
            groups[key].append(scores)
    for name, scores in groups.items():
        fh = [s[0] for s in scores]
        sp = [s[1] for s in scores]
        print(
            f"{name}: {len(scores)} texts; median Fernández-Huerta {statistics.median(fh):.1f} ({band(statistics.median(fh))}), "
            f"median Szigriszt-Pazos {statistics.median(sp):.1f}"
        )
        for _, label in BANDS:
            n = sum(1 for s in fh if band(s) == label)
            print(f"  {label:17} {n:4} ({100 * n / len(fh):.0f}%)")
        easy = sum(1 for s in fh if s >= 80)
        print(f"  'bastante fácil' or easier: {easy}/{len(fh)} = {100 * easy / len(fh):.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
