"""The content model: one JSON Schema per kind of data file.

These dictionaries are the single source of truth for the shape of the data.
`handbook schemas` writes them to `schemas/*.schema.json`, which editors use
through the `# yaml-language-server: $schema=...` line at the top of every data
file; a test keeps the written files identical to these.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"

#: The twelve values of the N.A.P.S. National Practice Guidelines (2013).
NAPS_VALUES = [
    "voluntary",
    "hopeful",
    "open-minded",
    "empathetic",
    "respectful",
    "facilitates-change",
    "honest-and-direct",
    "mutual-and-reciprocal",
    "equally-shared-power",
    "strengths-focused",
    "transparent",
    "person-driven",
]

#: The twelve competency categories of SAMHSA's Core Competencies (2015).
SAMHSA_COMPETENCIES = [
    "engages-peers",
    "provides-support",
    "shares-lived-experience",
    "personalizes-peer-support",
    "supports-recovery-planning",
    "links-to-resources",
    "provides-information-on-skills",
    "helps-manage-crises",
    "values-communication",
    "supports-collaboration",
    "promotes-leadership-and-advocacy",
    "promotes-growth-and-development",
]

SETTINGS = [
    "clinic",
    "community",
    "inpatient",
    "rural",
    "online",
    "harm-reduction",
    "justice",
    "reentry",
    "housing",
    "crisis-service",
    "youth-and-family",
]

#: The four performance domains of the IC&RC Peer Recovery credential.
ICRC_DOMAINS = [
    "advocacy",
    "mentoring-and-education",
    "recovery-and-wellness-support",
    "ethical-responsibility",
]

SOURCE_KINDS = [
    "code",
    "guideline",
    "report",
    "article",
    "review",
    "law",
    "regulation",
    "book",
    "web",
    "credential",
]


def _id(description: str = "Permanent id: lowercase words joined by hyphens.") -> dict:
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": 60, "description": description}


def _text(description: str, max_length: int = 400) -> dict:
    return {"type": "string", "minLength": 1, "maxLength": max_length, "description": description}


def _prose(description: str) -> dict:
    return {
        "type": "string",
        "minLength": 1,
        "maxLength": 8000,
        "description": description + " Markdown; link other items as [[id]] or [[id|words]].",
    }


def _date(description: str) -> dict:
    """A calendar date, YYYY-MM-DD; the validator also checks that the day exists."""
    return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "format": "date", "description": description}


def _partial_date(description: str) -> dict:
    """A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD, each one that exists."""
    return {
        "type": "string",
        "pattern": "^[0-9]{4}(-[0-9]{2}){0,2}$",
        "format": "partial-date",
        "description": description,
    }


def _phone(description: str) -> dict:
    """A phone number to call or text: digits, with spaces, dashes, dots or brackets, and an optional leading +."""
    return {"type": "string", "pattern": "^\\+?[0-9][0-9 ().-]{1,22}[0-9]$|^[0-9]{3}$", "description": description}


def _list(items: dict, description: str, min_items: int = 0) -> dict:
    schema: dict[str, Any] = {"type": "array", "items": items, "description": description}
    if min_items:
        schema["minItems"] = min_items
    return schema


def _refs(description: str, min_items: int = 0) -> dict:
    schema = _list(_id("Id of another item."), description, min_items)
    schema["uniqueItems"] = True
    return schema


def _object(properties: dict, required: list[str], description: str = "") -> dict:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _aliases() -> dict:
    schema = _list(
        _text("An everyday word or phrase.", 80),
        "Words people type when they look for this (search aliases), e.g. 'gift card'.",
    )
    schema["uniqueItems"] = True
    return schema


_TRANSLATIONS_BEHIND = {
    "type": "object",
    "propertyNames": {"pattern": "^[a-z]{2}$"},
    "additionalProperties": {
        "type": "array",
        "items": {"type": "string", "pattern": "^(page:)?[a-z0-9][a-z0-9./-]*$"},
        "description": "Ids (and page:<file> for hand-written pages) whose translation was behind the English.",
    },
    "description": "Written by `handbook release`: per language, what was not yet translated from this edition's English.",
}


def _sources(min_items: int = 0) -> dict:
    return _refs("Ids of entries in data/sources.yml that support this item.", min_items)


def _example() -> dict:
    return _object(
        {
            "id": _id("Permanent anchor of this example."),
            "title": _text("A short title.", 120),
            "situation": _prose("What happens."),
            "response": _prose("What acting on the principle looks like here."),
        },
        ["id", "title", "situation", "response"],
        "A concrete example.",
    )


def _question() -> dict:
    return _object(
        {"id": _id("Permanent anchor of this question."), "text": _text("The question.", 600)},
        ["id", "text"],
    )


PRINCIPLE = _object(
    {
        "id": _id(),
        "title": _text("Name of the principle.", 80),
        "order": {
            "type": "integer",
            "minimum": 1,
            "maximum": 9999,
            "description": "The principle's number: its place in the code, cited as 'principle 4'.",
        },
        "summary": _text("One sentence, in plain words, of at most 30 words.", 300),
        "commitments": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this commitment; its number (such as 4.2) follows from its place."),
                    "text": _text("Something a peer supporter commits to, in the first person.", 400),
                },
                ["id", "text"],
            ),
            "What this principle commits you to, in order: commitment 2 of principle 4 is cited as 4.2.",
            1,
        ),
        "why": _prose("Why it matters."),
        "in_practice": _object(
            {
                "do": _list(_text("A thing to do.", 400), "Things to do.", 1),
                "avoid": _list(_text("A thing to avoid.", 400), "Things to avoid.", 1),
            },
            ["do", "avoid"],
            "What it looks like on an ordinary day.",
        ),
        "examples": _list(_example(), "Concrete examples; at least one.", 1),
        "related": _refs("Ids of related principles."),
        "frameworks": _object(
            {
                "naps": _list({"enum": NAPS_VALUES}, "N.A.P.S. National Practice Guidelines values."),
                "samhsa": _list({"enum": SAMHSA_COMPETENCIES}, "SAMHSA Core Competencies categories."),
            },
            [],
            "What this principle corresponds to in national guidance.",
        ),
        "sources": _sources(1),
        "aliases": _aliases(),
        "crisis": {
            "type": "boolean",
            "description": "true when it speaks of suicide, self-harm or harm to others: the page opens with the crisis lines.",
        },
    },
    ["id", "title", "order", "summary", "commitments", "why", "in_practice", "examples", "sources"],
    "A principle of the code of ethics.",
)

BOUNDARY = _object(
    {
        "id": _id(),
        "title": _text("Name of the boundary topic.", 80),
        "summary": _text("One or two plain sentences.", 400),
        "range": _object(
            {
                "fine": _list(_text("Clearly fine.", 400), "Clearly fine.", 1),
                "grey": _list(_text("A grey zone: depends.", 400), "The grey zone: it depends.", 1),
                "not_fine": _list(_text("Clearly not fine.", 400), "Clearly not fine.", 1),
            },
            ["fine", "grey", "not_fine"],
            "From clearly fine, through the grey zone, to clearly not fine.",
        ),
        "questions": _list(_text("A question to ask yourself.", 400), "Questions to ask yourself in the grey zone.", 1),
        "examples": _list(_example(), "Concrete examples; at least one.", 1),
        "codes_differ": _prose("Where real codes disagree on this topic."),
        "principles": _refs("Ids of the principles involved.", 1),
        "sources": _sources(1),
        "aliases": _aliases(),
        "crisis": {
            "type": "boolean",
            "description": "true when it speaks of suicide, self-harm or harm to others: the page opens with the crisis lines.",
        },
    },
    ["id", "title", "summary", "range", "questions", "examples", "principles", "sources"],
    "A boundary topic.",
)

DILEMMA = _object(
    {
        "id": _id(),
        "title": _text("A short title.", 100),
        "summary": _text("One sentence: the dilemma in brief.", 300),
        "in_short": _text("Two or three plain sentences at the top of the page: the situation and the takeaway.", 600),
        "setting": {"enum": SETTINGS, "description": "Where the story happens."},
        "cast": {
            **_list(
                _text("A first name used in the story.", 40),
                "Every first name in the story; no name is used in two case studies.",
            ),
            "uniqueItems": True,
        },
        "fictional": {"const": True, "description": "Case studies are invented; this must be true."},
        "scenario": _prose("The fictional story."),
        "principles": _refs("Ids of the principles in tension; at least two.", 2),
        "boundaries": _refs("Ids of the boundary topics involved."),
        "questions": _list(_question(), "Discussion questions.", 1),
        "options": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this option."),
                    "title": _text("The option in a few words.", 160),
                    "consequences": _prose("Its likely consequences."),
                },
                ["id", "title", "consequences"],
            ),
            "Realistic options and their likely consequences.",
            2,
        ),
        "analysis": _list(
            _object(
                {"step": _id("Id of a step of the decision model."), "text": _prose("This step applied to the case.")},
                ["step", "text"],
            ),
            "A worked analysis that follows every step of the decision model, in order.",
            1,
        ),
        "takeaways": _list(_text("A lesson to keep.", 400), "Takeaways.", 1),
        "facilitator_notes": _prose("Notes for people who lead a discussion of this case."),
        "sources": _sources(),
        "aliases": _aliases(),
        "crisis": {
            "type": "boolean",
            "description": "true when it speaks of suicide, self-harm or harm to others: the page opens with the crisis lines.",
        },
    },
    [
        "id",
        "title",
        "summary",
        "in_short",
        "setting",
        "fictional",
        "cast",
        "scenario",
        "principles",
        "questions",
        "options",
        "analysis",
        "takeaways",
        "facilitator_notes",
    ],
    "A dilemma case study.",
)

FAQ = _object(
    {
        "entries": _list(
            _object(
                {
                    "id": _id(),
                    "question": _text("The question as people ask it.", 200),
                    "answer": _prose("The answer."),
                    "related": _refs("Ids of related items."),
                    "sources": _sources(),
                    "aliases": _aliases(),
                    "crisis": {
                        "type": "boolean",
                        "description": "true when it speaks of suicide, self-harm or harm to others: the entry shows the crisis lines.",
                    },
                },
                ["id", "question", "answer"],
            ),
            "Frequently asked questions.",
            1,
        )
    },
    ["entries"],
    "The FAQ.",
)

GLOSSARY = _object(
    {
        "terms": _list(
            _object(
                {
                    "id": _id(),
                    "term": _text("The term.", 80),
                    "definition": _prose("A plain definition."),
                    "link_words": {
                        **_list(
                            _text("A word or phrase as it appears in running text.", 80),
                            "Words that link to this term the first time they appear on a page, e.g. 'dual relationship'. Case matters for short ones such as 'CPS'.",
                        ),
                        "uniqueItems": True,
                    },
                    "related": _refs("Ids of related items."),
                    "sources": _sources(),
                    "aliases": _aliases(),
                },
                ["id", "term", "definition"],
            ),
            "Glossary terms.",
            1,
        )
    },
    ["terms"],
    "The glossary.",
)

SOURCES = _object(
    {
        "sources": _list(
            _object(
                {
                    "id": _id(),
                    "kind": {"enum": SOURCE_KINDS, "description": "What kind of source this is."},
                    "title": _text("Full title.", 300),
                    "short": _text("Short name used in the text, e.g. 'Arkansas peer code'.", 60),
                    "authors": _list(_text("Family name, initials.", 120), "Authors, in order."),
                    "organization": _text("Publishing or responsible organization.", 200),
                    "year": {
                        "type": "integer",
                        "minimum": 1900,
                        "maximum": 2100,
                        "description": "Year published; leave out for an undated page (shown as n.d.).",
                    },
                    "date": _partial_date("Exact date where it matters: YYYY, YYYY-MM or YYYY-MM-DD."),
                    "journal": _text("Journal name.", 200),
                    "volume": _text("Volume.", 20),
                    "issue": _text("Issue.", 20),
                    "pages": _text("Pages or article number.", 40),
                    "publisher": _text("Publisher.", 200),
                    "identifier": _text("Report number, public law number or other identifier.", 120),
                    "doi": {
                        "type": "string",
                        "pattern": "^10\\.[0-9]{4,9}/\\S+$",
                        "description": "DOI, without https://doi.org/.",
                    },
                    "url": {"type": "string", "pattern": "^https://\\S+$", "description": "Where to read it (https)."},
                    "accessed": _date("Date the URL was checked."),
                    "note": _prose("What this source is and how the handbook uses it."),
                },
                ["id", "kind", "title", "url"],
            ),
            "Every source the handbook cites.",
            1,
        )
    },
    ["sources"],
    "Sources.",
)

DECISION_MODEL = _object(
    {
        "title": _text("Name of the model.", 120),
        "intro": _prose("What the model is for and where it comes from."),
        "steps": _list(
            _object(
                {
                    "id": _id(),
                    "title": _text("The step in a few words.", 100),
                    "prompt": _text("The question this step asks.", 300),
                    "details": _prose("How to do this step."),
                    "questions": _list(_text("A prompt.", 300), "Prompts for this step.", 1),
                },
                ["id", "title", "prompt", "details", "questions"],
            ),
            "The steps, in order.",
            3,
        ),
        "sources": _sources(1),
    },
    ["title", "intro", "steps", "sources"],
    "The decision-making model.",
)

TIMELINE = _object(
    {
        "events": _list(
            _object(
                {
                    "id": _id(),
                    "date": _partial_date("YYYY, YYYY-MM or YYYY-MM-DD."),
                    "title": _text("What happened.", 160),
                    "description": _prose("Why it matters for peer support."),
                    "sources": _sources(1),
                },
                ["id", "date", "title", "description", "sources"],
            ),
            "Dated events, oldest first.",
            1,
        )
    },
    ["events"],
    "History and context.",
)

TRAINING = _object(
    {
        "id": _id(),
        "title": _text("Title of the module.", 120),
        "order": {"type": "integer", "minimum": 1, "description": "Position in the list of modules."},
        "summary": _text("One or two plain sentences.", 400),
        "audience": _text("Who the module is for.", 300),
        "duration_minutes": {
            "type": "integer",
            "minimum": 15,
            "maximum": 960,
            "description": "Total length; the agenda must add up to it.",
        },
        "objectives": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this objective."),
                    "text": _text("What participants will be able to do, starting with a verb.", 300),
                    "samhsa": _list(
                        {"enum": SAMHSA_COMPETENCIES}, "SAMHSA Core Competencies categories this objective serves."
                    ),
                    "icrc": _list(
                        {"enum": ICRC_DOMAINS}, "IC&RC Peer Recovery performance domains this objective serves."
                    ),
                },
                ["id", "text"],
            ),
            "Learning objectives.",
            1,
        ),
        "agenda": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this activity."),
                    "title": _text("The activity.", 120),
                    "minutes": {"type": "integer", "minimum": 1, "maximum": 480},
                    "activity": _prose("What happens."),
                    "items": _refs("Ids of handbook items this activity uses."),
                },
                ["id", "title", "minutes", "activity"],
            ),
            "Timed activities, in order.",
            1,
        ),
        "role_plays": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this role-play."),
                    "title": _text("Title.", 120),
                    "dilemma": _id("Id of the dilemma the role-play is built on."),
                    "roles": _list(
                        _object(
                            {"name": _text("Role.", 80), "brief": _prose("What this player knows and wants.")},
                            ["name", "brief"],
                        ),
                        "Roles.",
                        2,
                    ),
                    "observe": _list(
                        _text("Something the observer watches for.", 300),
                        "What an observer watches for; printed on the observer's sheet.",
                    ),
                    "debrief": _prose("How to debrief."),
                },
                ["id", "title", "dilemma", "roles", "debrief"],
            ),
            "Role-play scripts built on dilemmas.",
        ),
        "questions": _list(_question(), "Discussion questions.", 1),
        "quiz": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this knowledge-check question."),
                    "type": {
                        "enum": ["recall", "scenario"],
                        "description": "recall: a fact from the handbook; scenario: apply it to a short situation.",
                    },
                    "text": _text("The question; for a scenario question, the situation first.", 1200),
                    "options": _list(
                        _object(
                            {
                                "id": _id("Anchor of this option inside the question, e.g. 'a'."),
                                "text": _text("The answer option.", 400),
                                "correct": {
                                    "type": "boolean",
                                    "description": "true for a correct answer; a question has at least one.",
                                },
                                "feedback": _text(
                                    "What a person who picks this option reads: why it is right or not.", 800
                                ),
                            },
                            ["id", "text", "correct", "feedback"],
                        ),
                        "Answer options; at least two, at least one correct.",
                        2,
                    ),
                    "tests": {
                        "type": "string",
                        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*(#[a-z0-9]+(-[a-z0-9]+)*)?$",
                        "description": "The handbook item (and optional anchor) this question tests, e.g. 'confidentiality#explain-limits'.",
                    },
                },
                ["id", "type", "text", "options", "tests"],
            ),
            "Knowledge-check questions for a pre- and post-test and the web self-check.",
        ),
        "facilitator_notes": _prose("Notes for the facilitator."),
        "handouts": _refs("Ids of the dilemmas and items to print as handouts."),
        "sources": _sources(),
        "aliases": _aliases(),
        "crisis": {
            "type": "boolean",
            "description": "true when it speaks of suicide, self-harm or harm to others: the page opens with the crisis lines.",
        },
    },
    [
        "id",
        "title",
        "summary",
        "audience",
        "duration_minutes",
        "objectives",
        "agenda",
        "questions",
        "facilitator_notes",
    ],
    "A training module.",
)

PROFILE = _object(
    {
        "name": _text("Full name of the organization that adopts this code.", 160),
        "handbook_title": _text("Title of the site.", 120),
        "short_name": _text("Short name.", 60),
        "edition": {"type": "string", "pattern": "^[0-9]+\\.[0-9]+$", "description": "Edition of the code, X.Y."},
        "logo": {"type": "string", "minLength": 1, "description": "Path of a logo image, relative to this file."},
        "colors": _object(
            {
                "primary": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": "Header colour, #rrggbb."},
                "accent": {
                    "type": "string",
                    "pattern": "^#[0-9a-fA-F]{6}$",
                    "description": "Link and accent colour, #rrggbb.",
                },
            },
            [],
        ),
        "contact": _object(
            {
                "name": _text("Person or role to contact about ethics concerns.", 120),
                "email": {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+$"},
                "phone": _text("Phone number.", 40),
            },
            ["name"],
        ),
        "raise_concern": _prose("How to raise an ethics concern, step by step."),
        "jurisdiction": _text("Where this code applies, e.g. a state.", 160),
        "crisis": _object(
            {
                "name": _text("Name of the main crisis line.", 120),
                "call": _phone("Number to call the main line, e.g. 988."),
                "text": _phone("Number to text the main line."),
                "url": {"type": "string", "pattern": "^https://\\S+$"},
                "note": _prose("When to use it, in plain words."),
                "lines": _list(
                    _object(
                        {
                            "name": _text("Name of the line, e.g. 'The Trevor Project (LGBTQ+ young people)'.", 120),
                            "call": _phone("Number to call."),
                            "text": _phone("Number to text."),
                            "text_word": _text("A word to send by text, if the line asks for one (e.g. START).", 20),
                            "chat": {
                                "type": "string",
                                "pattern": "^https://\\S+$",
                                "description": "Address of its online chat.",
                            },
                            "url": {"type": "string", "pattern": "^https://\\S+$"},
                            "options": _list(
                                _text("An option of its menu, e.g. 'Press 1 for the Veterans Crisis Line'.", 120),
                                "Menu options.",
                            ),
                            "for": _text("Who it is for, or when to use it, in a few words.", 160),
                        },
                        ["name"],
                    ),
                    "Every line to show, the main one first: shown as tap-to-call and tap-to-text links on every page.",
                ),
            },
            ["name", "note"],
        ),
        "effective_date": _date("The day this edition of the code takes effect."),
        "reviewers": _list(_text("Name and role.", 160), "People who reviewed this code."),
        "next_review": _date("Date of the next review."),
        "repository": {
            "type": "string",
            "pattern": "^https://\\S+$",
            "description": "Where the source of this handbook lives.",
        },
        "site_url": {
            "type": "string",
            "pattern": "^https://\\S+/$",
            "description": "The public address of your site, ending in /, e.g. https://example.github.io/our-code/.",
        },
        "nav": _list(
            _object(
                {
                    "page": {
                        "type": "string",
                        "pattern": "^[^/][^:]*\\.md$",
                        "description": "A page of yours, as its path under org/docs/, e.g. about-us.md.",
                    },
                    "title": _text("Its title in the navigation (default: the page's own title).", 80),
                    "section": _text(
                        "The section it goes in: a section of the navigation such as 'For organizations' or "
                        "'Reference', or a new section of that name. Without it, the page has an entry of its own.",
                        80,
                    ),
                },
                ["page"],
            ),
            "Where your own pages (org/docs/) appear in the navigation; pages not listed go in 'Our organization'.",
        ),
        "tag_prefix": {
            "type": "string",
            "pattern": "^[a-z][a-z0-9-]*-v$",
            "description": "How your own edition tags begin, e.g. 'rpn-v' for tags rpn-v1.0, rpn-v1.1: never the base's plain 'v'.",
        },
        "example": {
            "type": "boolean",
            "description": "true for a fictional example organization: placeholders are allowed, and every page says it is fictional.",
        },
    },
    ["name", "handbook_title", "edition", "crisis", "effective_date"],
    "Who publishes this code, and the details an adopting organization changes.",
)

_CHANGE = _object(
    {
        "id": _id("Id of the item."),
        "change": {"enum": ["added", "changed", "retired", "renamed"], "description": "What happened to it."},
        "note": _text("What changed, in a few words.", 300),
        "to": _id("For a renamed item: its new id."),
        "see": _refs("For a retired item: where to look instead."),
    },
    ["id", "change"],
)

CHANGELOG = _object(
    {
        "unreleased": _list(
            _CHANGE, "Changes made since the last edition; `handbook release X.Y` files them under a new edition."
        ),
        "editions": _list(
            _object(
                {
                    "version": {
                        "type": "string",
                        "pattern": "^[0-9]+\\.[0-9]+$",
                        "description": "Edition number, X.Y.",
                    },
                    "date": _date("The day the edition was published."),
                    "summary": _prose("What this edition brings."),
                    "changes": _list(_CHANGE, "Items added, changed, renamed or retired in this edition."),
                    "translations_behind": _TRANSLATIONS_BEHIND,
                },
                ["version", "date", "summary"],
            ),
            "Published editions, newest first.",
            1,
        ),
    },
    ["unreleased", "editions"],
    "The handbook's editions and what changed in each.",
)

SEARCH_WORDS = _object(
    {
        "words": _list(
            _object(
                {
                    "say": {
                        **_list(
                            {
                                "type": "string",
                                "pattern": "^[^A-Z\\s][^A-Z]*$",
                                "maxLength": 40,
                                "description": "A word or phrase, lowercase.",
                            },
                            "Everyday words, slang, brand names or abbreviations people type, e.g. 'cosign', 'dm', 'lyft'.",
                            1,
                        ),
                        "uniqueItems": True,
                    },
                    "means": {
                        **_list(
                            {
                                "type": "string",
                                "pattern": "^[a-z0-9][a-z0-9' -]*$",
                                "maxLength": 40,
                                "description": "A word of the handbook.",
                            },
                            "Words the handbook uses for the same thing; each must name a page (appear in a title, summary, alias, question or term).",
                            1,
                        ),
                        "uniqueItems": True,
                    },
                    "note": _text("Why these words belong together, if it is not plain.", 300),
                },
                ["say", "means"],
            ),
            "Groups of everyday words and the handbook's own words for the same thing.",
            1,
        )
    },
    ["words"],
    "Everyday words for search: slang, brand names and abbreviations, and the words the handbook uses for them.",
)

COURSES = _object(
    {
        "courses": _list(
            _object(
                {
                    "id": _id("Permanent anchor of this course plan."),
                    "title": _text("Name of the plan, e.g. 'A six-hour day'.", 120),
                    "summary": _text("Who it suits and how it runs, in one or two sentences.", 400),
                    "sessions": _list(
                        _object(
                            {
                                "title": _text("e.g. 'Session 1'.", 80),
                                "start": {
                                    "type": "string",
                                    "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
                                    "description": "Clock time it starts, HH:MM.",
                                },
                                "blocks": _list(
                                    _object(
                                        {
                                            "module": _id("Id of a training module: it runs for its own duration."),
                                            "title": _text(
                                                "A block that is not a module: welcome, break, lunch, closing.", 120
                                            ),
                                            "minutes": {
                                                "type": "integer",
                                                "minimum": 5,
                                                "maximum": 240,
                                                "description": "Length of a block that is not a module.",
                                            },
                                            "break": {
                                                "type": "boolean",
                                                "description": "true for a break (not counted as teaching time).",
                                            },
                                        },
                                        [],
                                    ),
                                    "The blocks, in order: a module, or a titled block with its minutes.",
                                    1,
                                ),
                            },
                            ["title", "start", "blocks"],
                        ),
                        "The sessions of the plan.",
                        1,
                    ),
                },
                ["id", "title", "summary", "sessions"],
            ),
            "Sample course plans built from the training modules.",
            1,
        )
    },
    ["courses"],
    "Sample courses: the training modules arranged into days or sessions with clock times and breaks.",
)

RETIRE = _object(
    {
        "retired": _list(
            _object(
                {
                    "id": _id("Id of the base item to retire."),
                    "reason": _prose("Why it is retired; shown on the site."),
                    "see": _refs("Ids of items to read instead."),
                },
                ["id", "reason"],
            ),
            "Base items this organization retires.",
            1,
        )
    },
    ["retired"],
    "Base items an organization retires, with the reason shown on the site.",
)

#: Every schema by name (its file is schemas/<name>.schema.json). Which kind reads which schema is
#: recorded in macros/kinds.py.
ORG_CHANGELOG = _object(
    {
        "unreleased": _list(
            _CHANGE,
            "What you added, changed or retired since your last edition; `handbook release --org X.Y` files them.",
        ),
        "editions": _list(
            _object(
                {
                    "version": {
                        "type": "string",
                        "pattern": "^[0-9]+\\.[0-9]+$",
                        "description": "Edition of your code, X.Y.",
                    },
                    "date": _date("The day the edition was published."),
                    "base_edition": {
                        "type": "string",
                        "pattern": "^[0-9]+\\.[0-9]+$",
                        "description": "The edition of the base handbook it is built on.",
                    },
                    "summary": _prose("What this edition brings."),
                    "changes": _list(_CHANGE, "Items added, changed, renamed or retired in this edition."),
                },
                ["version", "date", "summary"],
            ),
            "Your published editions, newest first.",
        ),
    },
    ["unreleased", "editions"],
    "An organization's own editions (org/changelog.yml), and what changed in each.",
)

SCHEMAS: dict[str, dict] = {
    "principle": PRINCIPLE,
    "boundary": BOUNDARY,
    "dilemma": DILEMMA,
    "training": TRAINING,
    "faq": FAQ,
    "glossary": GLOSSARY,
    "sources": SOURCES,
    "timeline": TIMELINE,
    "decision-model": DECISION_MODEL,
    "profile": PROFILE,
    "retire": RETIRE,
    "search-words": SEARCH_WORDS,
    "courses": COURSES,
    "changelog": CHANGELOG,
    "org-changelog": ORG_CHANGELOG,
}


def all_schemas() -> dict[str, dict]:
    """Every schema by name, each a complete JSON Schema document (with those of translation files)."""
    from .i18n import translation_schemas

    return {
        name: {"$schema": SCHEMA_URI, "$id": f"{name}.schema.json", "title": name, **schema}
        for name, schema in {**SCHEMAS, **translation_schemas()}.items()
    }


def schema_text(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every schema into folder; return the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    changed = []
    for name, schema in all_schemas().items():
        path = folder / f"{name}.schema.json"
        text = schema_text(schema)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
