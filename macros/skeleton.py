"""Skeleton files for `handbook new`: valid YAML whose comments explain each field.

A skeleton passes validation as written, so that a new author starts from a
file that builds; every text is marked TODO, and `handbook check` warns about
each TODO left behind (the content tests refuse them).
"""

from __future__ import annotations

import re

from .model import Handbook

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

HEADER = "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"


def _first(hb: Handbook | None, kind: str, n: int, fallback: list[str]) -> list[str]:
    if hb is None:
        return fallback[:n]
    return [item.id for item in hb.kind(kind)[:n]] or fallback[:n]


def _list(values: list[str]) -> str:
    return "[" + ", ".join(values) + "]"


def skeleton(kind: str, item_id: str, hb: Handbook | None = None) -> str:
    """The text of a new file for kind with id item_id."""
    if not ID.match(item_id):
        raise ValueError(f"'{item_id}' is not a valid id: use lowercase letters, digits and single hyphens")
    sources = _list(_first(hb, "source", 1, ["naps-2013"]))
    principles = _first(hb, "principle", 2, ["self-determination", "dignity-and-respect"])
    steps = _first(hb, "step", 99, [])
    body = {
        "principle": _principle,
        "boundary": _boundary,
        "dilemma": _dilemma,
        "training": _training,
    }[kind](item_id, sources, principles, steps)
    return HEADER.format(kind=kind) + body


def _principle(item_id: str, sources: str, principles: list[str], steps: list[str]) -> str:
    return f"""# A principle of the code. Every text below is Markdown; link other items as [[id]].
id: {item_id}                 # permanent: equals the file name, never reused
title: TODO title             # a short name, e.g. "Honesty and transparency"
order: 99                     # position in the list of principles
summary: TODO one plain sentence of at most 30 words.
commitments:                  # what a peer supporter commits to; each id is a permanent anchor
  - id: {item_id}-commitment
    text: TODO I will ...
why: |                        # why it matters, in a few short paragraphs
  TODO
in_practice:                  # what it looks like on an ordinary day
  do:
    - TODO a thing to do
  avoid:
    - TODO a thing to avoid
examples:                     # at least one; each has a permanent anchor id
  - id: {item_id}-example
    title: TODO a short title
    situation: TODO what happens
    response: TODO what acting on the principle looks like
related: []                   # ids of related principles
frameworks:                   # what it matches in national guidance (see the schema for values)
  naps: []
  samhsa: []
sources: {sources}            # ids from data/sources.yml that support it
aliases: []                   # everyday words people search for, e.g. "gift card"
"""


def _boundary(item_id: str, sources: str, principles: list[str], steps: list[str]) -> str:
    return f"""# A boundary topic: the range from clearly fine to clearly not fine.
id: {item_id}                 # permanent: equals the file name, never reused
title: TODO title
summary: TODO one or two plain sentences.
range:
  fine:                       # clearly fine
    - TODO
  grey:                       # the grey zone: it depends
    - TODO
  not_fine:                   # clearly not fine
    - TODO
questions:                    # questions to ask yourself in the grey zone
  - TODO Whose need does this meet?
examples:                     # at least one; each has a permanent anchor id
  - id: {item_id}-example
    title: TODO a short title
    situation: TODO what happens
    response: TODO a good way through
principles: {_list(principles[:1])}   # ids of the principles involved
sources: {sources}            # ids from data/sources.yml
aliases: []                   # everyday words people search for
"""


def _dilemma(item_id: str, sources: str, principles: list[str], steps: list[str]) -> str:
    analysis = "".join(f"  - step: {s}\n    text: TODO\n" for s in steps) or "  - step: TODO-step-id\n    text: TODO\n"
    return f"""# A case study. It is fictional: invent names and details.
id: {item_id}                 # permanent: equals the file name, never reused
title: TODO title
summary: TODO the dilemma in one sentence.
setting: community            # clinic, community, inpatient, rural, online, harm-reduction, justice, housing, crisis-service
fictional: true               # must stay true
scenario: |                   # the story, in plain words
  TODO
principles: {_list(principles)}   # the principles in tension: at least two
boundaries: []                # ids of boundary topics involved
questions:                    # discussion questions; each id is a permanent anchor
  - id: {item_id}-q1
    text: TODO
options:                      # realistic options and their likely consequences; at least two
  - id: {item_id}-option-1
    title: TODO
    consequences: TODO
  - id: {item_id}-option-2
    title: TODO
    consequences: TODO
analysis:                     # one entry per step of the decision model, in order
{analysis}takeaways:
  - TODO
facilitator_notes: |          # for people who lead a discussion of this case
  TODO
sources: []                   # ids from data/sources.yml for any fact stated
aliases: []                   # everyday words people search for
"""


def _training(item_id: str, sources: str, principles: list[str], steps: list[str]) -> str:
    return f"""# A training module. The agenda's minutes must add up to duration_minutes.
id: {item_id}                 # permanent: equals the file name, never reused
title: TODO title             # what the module is called
order: 99                     # position in the list of modules
summary: TODO one or two plain sentences.
audience: TODO who it is for  # e.g. new peer specialists, supervisors
duration_minutes: 60          # total length in minutes
objectives:                   # what participants will be able to do; each id is a permanent anchor
  - id: {item_id}-objective
    text: TODO
agenda:                       # timed activities, in order; items are handbook ids they use
  - id: {item_id}-welcome
    title: TODO
    minutes: 60
    activity: TODO
    items: {_list(principles[:1])}
role_plays: []                # scripts built on case studies: id, title, dilemma, roles, debrief
questions:                    # discussion questions; each id is a permanent anchor
  - id: {item_id}-q1
    text: TODO
facilitator_notes: |          # safety, timing, what groups tend to miss
  TODO
handouts: []                  # ids of case studies and other items to print
"""
