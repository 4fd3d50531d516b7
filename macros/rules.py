"""Rules of each kind that a schema cannot say: order, timing, answers, numbers, names.

Each rule takes the records (and what it needs) and yields problems; the
loader runs them all after the shape of every file is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .problems import Problem
from .validate import Record


def analysis_follows_model(rec: Record, step_order: list[str]) -> Iterator[Problem]:
    """A case study's analysis walks every step of the decision model, once each, in order."""
    analysis = rec.data.get("analysis")
    if not isinstance(analysis, list) or not step_order:
        return
    steps = [entry.get("step") for entry in analysis if isinstance(entry, dict)]
    if steps == step_order:
        return
    missing = [s for s in step_order if s not in steps]
    if missing:
        yield rec.problem(
            ("analysis",), f"the analysis must walk every step of the decision model; missing: {', '.join(missing)}"
        )
        return
    for i, (got, want) in enumerate(zip(steps, step_order, strict=False)):
        if got != want:
            yield rec.problem(
                ("analysis", i, "step"),
                f"steps must follow the decision model's order: expected '{want}' here, found '{got}'",
            )
            return
    if len(steps) > len(step_order):
        yield rec.problem(("analysis",), "each step of the decision model appears once; remove the repeated step")


def timings_add_up(rec: Record) -> Iterator[Problem]:
    """A module's agenda adds up to its duration."""
    agenda = rec.data.get("agenda")
    duration = rec.data.get("duration_minutes")
    if not isinstance(agenda, list) or not isinstance(duration, int) or isinstance(duration, bool):
        return
    total = sum(
        a["minutes"]
        for a in agenda
        if isinstance(a, dict) and isinstance(a.get("minutes"), int) and not isinstance(a.get("minutes"), bool)
    )
    if total != duration:
        yield rec.problem(
            ("duration_minutes",),
            f"the agenda's timings add up to {total} minutes, but duration_minutes is {duration}: make them agree",
        )


def quiz_is_answerable(rec: Record) -> Iterator[Problem]:
    """Every knowledge-check question has a correct answer and options with distinct ids."""
    quiz = rec.data.get("quiz")
    if not isinstance(quiz, list):
        return
    for q, question in enumerate(quiz):
        if not isinstance(question, dict) or not isinstance(question.get("options"), list):
            continue
        options = [o for o in question["options"] if isinstance(o, dict)]
        if options and not any(o.get("correct") is True for o in options):
            yield rec.problem(
                ("quiz", q, "options"), "no option is marked `correct: true`: mark the right answer (or answers)"
            )
        seen: dict[str, int] = {}
        for o, option in enumerate(question["options"]):
            oid = option.get("id") if isinstance(option, dict) else None
            if isinstance(oid, str):
                if oid in seen:
                    yield rec.problem(
                        ("quiz", q, "options", o, "id"),
                        f"two options of this question have the id '{oid}' (first at options[{seen[oid]}]); give each its own",
                    )
                seen.setdefault(oid, o)


def principle_numbers(records: Iterable[Record]) -> Iterator[Problem]:
    """Principles are numbered by `order`: no two share a number."""
    seen: dict[int, Record] = {}
    ids: set[str] = set()
    for rec in records:
        number = rec.data.get("order")
        duplicate = rec.id in ids  # a duplicate id is reported already
        ids.add(rec.id)
        if rec.kind != "principle" or duplicate or not isinstance(number, int) or isinstance(number, bool):
            continue
        if number in seen:
            first = seen[number]
            file, line = first.where(("order",))
            yield rec.problem(
                ("order",),
                f"principle number {number} is already taken by '{first.id}' ({file}:{line}); give each principle its own number",
            )
        else:
            seen[number] = rec


def casts_do_not_repeat(records: Iterable[Record]) -> Iterator[Problem]:
    """No first name appears in two case studies, and every name in a cast appears in its story."""
    seen: dict[str, Record] = {}
    for rec in records:
        cast = rec.data.get("cast")
        if rec.kind != "dilemma" or not isinstance(cast, list):
            continue
        story = " ".join(str(rec.data.get(f, "")) for f in ("scenario", "in_short", "summary"))
        words = set(re.findall(r"\w+", story))  # a one-word name is looked up here, not by a regex of its own
        for i, name in enumerate(cast):
            if not isinstance(name, str):
                continue
            if name in seen and seen[name].id != rec.id:
                yield rec.problem(
                    ("cast", i),
                    f"the name '{name}' is already used in the case study '{seen[name].id}'; choose a name no other case uses",
                )
            seen.setdefault(name, rec)
            found = name in words if re.fullmatch(r"\w+", name) else re.search(rf"\b{re.escape(name)}\b", story)
            if not found:
                yield rec.problem(
                    ("cast", i), f"'{name}' does not appear in the story: list only the names the scenario uses"
                )


def link_words_are_unique(records: Iterable[Record]) -> Iterator[Problem]:
    """A glossary link word leads to one term only."""
    seen: dict[str, Record] = {}
    for rec in records:
        words = rec.data.get("link_words")
        if rec.kind != "term" or not isinstance(words, list):
            continue
        for i, word in enumerate(words):
            if not isinstance(word, str):
                continue
            key = word.lower()
            if key in seen and seen[key].id != rec.id:
                yield rec.problem(
                    ("link_words", i),
                    f"'{word}' already links to the term '{seen[key].id}'; a word can link to one term only",
                )
            seen.setdefault(key, rec)


def check_rules(records: list[Record], step_order: list[str]) -> list[Problem]:
    """Every rule over every record."""
    problems: list[Problem] = []
    for rec in records:
        if rec.kind == "dilemma":
            problems += analysis_follows_model(rec, step_order)
        elif rec.kind == "training":
            problems += timings_add_up(rec)
            problems += quiz_is_answerable(rec)
    problems += principle_numbers(records)
    problems += casts_do_not_repeat(records)
    problems += link_words_are_unique(records)
    return problems


def check_courses(parsed, names) -> list[Problem]:
    """Each block of a course plan is a training module, or a titled block with its minutes."""
    from .problems import did_you_mean

    problems: list[Problem] = []
    data = parsed.data if isinstance(parsed.data, dict) else {}
    for c, course in enumerate(data.get("courses") if isinstance(data.get("courses"), list) else []):
        sessions = course.get("sessions") if isinstance(course, dict) else None
        for s, session in enumerate(sessions if isinstance(sessions, list) else []):
            blocks = session.get("blocks") if isinstance(session, dict) else None
            for b, block in enumerate(blocks if isinstance(blocks, list) else []):
                if not isinstance(block, dict):
                    continue
                path = ("courses", c, "sessions", s, "blocks", b)
                where = f"courses[{c}].sessions[{s}].blocks[{b}]"
                module = block.get("module")
                if isinstance(module, str):
                    if names.kinds.get(module) != "training":
                        modules = [i for i, k in names.kinds.items() if k == "training"]
                        problems.append(
                            Problem(
                                *parsed.where(path + ("module",)),
                                where + ".module",
                                f"'{module}' is not a training module{did_you_mean(module, modules)}",
                            )
                        )
                    if "minutes" in block:
                        problems.append(
                            Problem(
                                *parsed.where(path + ("minutes",)),
                                where + ".minutes",
                                "a module runs for its own duration: remove `minutes`",
                            )
                        )
                elif not (isinstance(block.get("title"), str) and isinstance(block.get("minutes"), int)):
                    problems.append(
                        Problem(
                            *parsed.where(path), where, "a block is a `module: <id>`, or a `title:` with its `minutes:`"
                        )
                    )
    return problems
