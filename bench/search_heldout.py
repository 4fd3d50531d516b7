"""Held-out search queries for the Peer Support Ethics Handbook.

Kept outside the repository until it was scored once, on 2026-12-01 (bench/search_quality.py):
79 of 106 = 74.5% in the top three, none empty, against 145 of 161 = 90.1% on the table the
ranking was tuned on (tests/browser/search_queries.py). It is in the repository now, so it is
no longer unseen: a next held-out set must be written blind again, outside the repository.
On 2026-12-02 its misses were read and the everyday words grew from them (a development set since): 101 of
106 = 95.3% then. The blind measure of that day is bench/search_heldout2.py.


Written blind, like tests/browser/search_queries.py: from the handbook's content
alone, before any search was run, without the search code or any result list.
None of these repeats or closely paraphrases a query of that table (or of
tests/browser/test_search.py). This set is used once, at the end, to measure
search on queries nobody tuned on; do not tune on it, and do not add its misses
to the tuning table.

Each entry is (what a person types, one to three pages that answer it; the first
is the best). Pages are site paths ('boundaries/gifts/', 'crisis/', 'code/');
an FAQ entry is 'faq/#<entry-id>', a glossary term 'glossary/#<term-id>'.
The rule: a query passes when one of its pages is in the first three results.
"""

from __future__ import annotations

HELDOUT: list[tuple[str, tuple[str, ...]]] = [
    # --- gifts, money, touch ---
    ("christmas present from a participant", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    ("a client knitted me a scarf", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    (
        "is it wrong to pay for his bus pass out of my own pocket",
        ("boundaries/money-and-loans/", "faq/#can-i-lend-money"),
    ),
    ("he still owes me 40 from last month", ("boundaries/money-and-loans/",)),
    ("his check is late and he cant make rent", ("dilemmas/rent-money/", "boundaries/money-and-loans/")),
    ("is a hand on the shoulder ok", ("boundaries/physical-touch/", "faq/#is-a-hug-okay")),
    (
        "she flinches when people touch her",
        ("boundaries/physical-touch/", "glossary/#trauma-informed", "dilemmas/a-hug-at-the-drop-in/"),
    ),
    # --- phones, texts, social media ---
    (
        "my clients found my tiktok",
        (
            "boundaries/social-media-and-texting/",
            "principles/technology-and-social-media/",
            "faq/#social-media-friends",
        ),
    ),
    (
        "snapchat with clients",
        (
            "boundaries/social-media-and-texting/",
            "principles/technology-and-social-media/",
            "faq/#social-media-friends",
        ),
    ),
    (
        "whatsapp group for my peer group",
        ("principles/technology-and-social-media/", "boundaries/social-media-and-texting/"),
    ),
    (
        "i gave him my personal number and now i regret it",
        ("dilemmas/texts-at-midnight/", "faq/#personal-phone-number", "boundaries/after-hours-contact/"),
    ),
    ("do i have to be on call 24/7", ("boundaries/after-hours-contact/",)),
    (
        "former participant wants to connect on my personal account",
        ("dilemmas/friend-request/", "faq/#social-media-friends"),
    ),
    # --- rides ---
    ("bus tokens or drive him myself", ("boundaries/giving-rides/", "faq/#can-i-give-a-ride")),
    ("does my car insurance cover driving clients", ("dilemmas/rides-in-my-car/", "boundaries/giving-rides/")),
    ("he wants me to take him to pick up his meds", ("boundaries/giving-rides/", "faq/#can-i-give-a-ride")),
    # --- sharing my story ---
    ("should i tell them i was homeless", ("boundaries/self-disclosure/", "principles/lived-experience/")),
    (
        "can i say what antidepressant i take",
        ("faq/#sharing-diagnosis-or-medication", "boundaries/self-disclosure/", "dilemmas/asked-about-my-diagnosis/"),
    ),
    (
        "lived experiance",
        ("glossary/#lived-experience-defined", "principles/lived-experience/", "boundaries/self-disclosure/"),
    ),
    # --- romance, friendship, two roles ---
    (
        "we matched on tinder and hes on my caseload",
        ("boundaries/romantic-and-sexual-relationships/", "boundaries/dual-relationships/"),
    ),
    (
        "can we still be friends after she leaves the program",
        ("boundaries/professional-and-personal-relationships/", "principles/ending-support-well/"),
    ),
    ("i have a favorite on my caseload", ("boundaries/professional-and-personal-relationships/",)),
    ("my ex's brother is on my caseload", ("boundaries/dual-relationships/",)),
    (
        "tiny town evryone knows everyone and im the only peer",
        (
            "dilemmas/my-neighbour-is-on-my-caseload/",
            "boundaries/dual-relationships/",
            "boundaries/shared-community-and-meetings/",
        ),
    ),
    (
        "can i still share at my home group if a client is there",
        (
            "faq/#same-mutual-help-meeting",
            "boundaries/shared-community-and-meetings/",
            "dilemmas/same-meeting-sponsor-request/",
        ),
    ),
    (
        "we go to the same church",
        (
            "boundaries/shared-community-and-meetings/",
            "boundaries/dual-relationships/",
            "dilemmas/my-neighbour-is-on-my-caseload/",
        ),
    ),
    # --- ending support ---
    ("closing out a case", ("boundaries/ending-support/", "principles/ending-support-well/")),
    (
        "transfering someone to another peer",
        ("principles/ending-support-well/", "boundaries/ending-support/", "glossary/#warm-handoff"),
    ),
    # --- conflicts of interest, research ---
    ("my wife runs a recovery house can i refer people there", ("boundaries/conflicts-of-interest/",)),
    ("EKRA", ("glossary/#ekra", "faq/#paid-for-referrals")),
    (
        "a woman asked me if she should join a paid study",
        ("dilemmas/a-bonus-for-every-sign-up/", "faq/#asked-to-recruit-for-a-study"),
    ),
    ("what is an IRB", ("faq/#asked-to-recruit-for-a-study", "dilemmas/a-bonus-for-every-sign-up/")),
    # --- notes, records, billing ---
    ("documentaion tips", ("boundaries/notes-and-records/",)),
    ("is it ok to write notes together with the person", ("boundaries/notes-and-records/",)),
    ("upcoding", ("dilemmas/log-the-group-as-one-on-ones/", "faq/#asked-to-sign-a-false-note")),
    (
        "they want me to sign off on a note i dont agree with",
        ("faq/#asked-to-sign-a-false-note", "dilemmas/chart-it-as-non-compliant/"),
    ),
    # --- confidentiality, family, probation ---
    (
        "judges office wants an attendance letter for court",
        (
            "faq/#sharing-with-family-or-probation",
            "dilemmas/probation-officer-calls/",
            "glossary/#release-of-information",
        ),
    ),
    (
        "can i talk about my clients with my husband",
        ("principles/confidentiality/", "faq/#why-confidentiality-matters"),
    ),
    ("hippa", ("glossary/#hipaa", "principles/confidentiality/")),
    ("confirm or deny if someone is a client", ("dilemmas/probation-officer-calls/", "principles/confidentiality/")),
    # --- safety, reporting, crisis ---
    ("need help now", ("crisis/",)),
    ("suicide hotline", ("crisis/", "glossary/#crisis-line-988")),
    ("hes not breathing", ("crisis/", "faq/#carrying-naloxone", "glossary/#naloxone")),
    ("veterans crisis line", ("crisis/", "faq/#someone-wants-to-die")),
    (
        "she texted me that she wants to die tonight",
        ("crisis/", "faq/#someone-wants-to-die", "dilemmas/texts-at-midnight/"),
    ),
    (
        "he keeps a shotgun in the closet and says nobody would miss him",
        ("glossary/#lethal-means-safety", "faq/#someone-wants-to-die", "principles/safety-and-duty-to-report/"),
    ),
    (
        "do peers have to report elder abuse",
        ("faq/#do-i-have-to-report-abuse", "glossary/#mandated-reporter", "principles/safety-and-duty-to-report/"),
    ),
    ("tarasoff", ("glossary/#duty-to-warn", "dilemmas/threat-against-a-neighbour/")),
    (
        "should we call the cops or the crisis team",
        ("glossary/#mobile-crisis-team", "glossary/#crisis-intervention-team", "crisis/"),
    ),
    # --- overdose, naloxone, harm reduction, meds ---
    ("how do i use nasal narcan", ("faq/#carrying-naloxone", "glossary/#naloxone")),
    (
        "she hasnt come to the drop in since she got out of the hospital",
        ("dilemmas/she-stopped-coming-after-the-hospital/",),
    ),
    ("recovery residence", ("glossary/#recovery-residence",)),
    (
        "is being on methadone still recovery",
        ("glossary/#moud", "glossary/#many-pathways-of-recovery", "principles/cultural-humility/"),
    ),
    ("MOUD", ("glossary/#moud", "dilemmas/medication-in-a-sober-house/", "principles/cultural-humility/")),
    ("can i tell him what dose to take", ("principles/scope-of-practice/",)),
    # --- death and grief ---
    (
        "the group wants to know how he died",
        ("dilemmas/an-overdose-death-in-the-group/", "faq/#when-someone-i-support-dies"),
    ),
    ("lost a client to suicide", ("faq/#when-someone-i-support-dies",)),
    ("can i go to the funeral", ("faq/#when-someone-i-support-dies", "dilemmas/an-overdose-death-in-the-group/")),
    # --- harassment ---
    (
        "creepy messages from a guy i support",
        ("dilemmas/unwanted-comments-from-someone-i-support/", "faq/#harassed-by-someone-i-support"),
    ),
    (
        "i feel unsafe with a man i support",
        ("faq/#harassed-by-someone-i-support", "dilemmas/unwanted-comments-from-someone-i-support/"),
    ),
    # --- youth and family, LGBTQ+ ---
    ("teen confidentiality with parents", ("faq/#parent-asks-what-my-teen-said", "dilemmas/what-did-my-son-tell-you/")),
    (
        "underage participant told me he blacked out at a party",
        ("dilemmas/what-did-my-son-tell-you/", "faq/#parent-asks-what-my-teen-said"),
    ),
    (
        "client wants their chosen name and they/them in the chart",
        ("dilemmas/keep-it-out-of-my-chart/", "faq/#someone-comes-out-to-me"),
    ),
    (
        "a client told me hes gay and his family doesnt know",
        ("faq/#someone-comes-out-to-me", "dilemmas/keep-it-out-of-my-chart/"),
    ),
    ("im a parent partner and cps wants my notes on a mom", ("dilemmas/the-caseworker-wants-to-know/",)),
    # --- Deaf people, interpreters, language, access ---
    ("hard of hearing participant", ("faq/#supporting-a-deaf-person", "principles/access-and-inclusion/")),
    (
        "can his 12 year old grandson interpret",
        ("dilemmas/my-sister-can-sign-for-me/", "faq/#supporting-a-deaf-person"),
    ),
    (
        "language line",
        (
            "glossary/#limited-english-proficiency",
            "faq/#support-in-another-language",
            "dilemmas/you-speak-spanish-just-interpret/",
        ),
    ),
    ("habla español", ("dilemmas/you-speak-spanish-just-interpret/", "faq/#support-in-another-language")),
    ("easy read version of a form", ("principles/access-and-inclusion/",)),
    # --- jail, reentry, justice ---
    (
        "overdose risk after getting out of jail",
        ("faq/#just-got-out-of-jail", "glossary/#reentry-defined", "dilemmas/released-with-no-ride/"),
    ),
    ("i run a group in the county jail", ("dilemmas/officer-wants-names/",)),
    ("am i supposed to report positive drug tests to the judge", ("dilemmas/asked-to-run-drug-screens/",)),
    # --- pressure, holds, choice, the team ---
    (
        "they might put him on a 72 hour hold if he leaves",
        ("dilemmas/persuade-them-to-stay/", "principles/no-coercion/"),
    ),
    (
        "the team wants me to talk her into taking a shot she said no to",
        ("dilemmas/her-advance-directive-says-no/", "dilemmas/talked-about-not-with/", "principles/no-coercion/"),
    ),
    ("court ordered", ("principles/no-coercion/",)),
    ("he wants to move back in with his using buddies and its his call i guess", ("principles/self-determination/",)),
    (
        "living will for mental health",
        ("glossary/#psychiatric-advance-directive", "faq/#help-with-an-advance-directive"),
    ),
    ("curandero", ("dilemmas/a-healing-ceremony/",)),
    # --- respect, culture, power, honesty ---
    ("people first language", ("glossary/#person-first-language", "principles/dignity-and-respect/")),
    ("my religion is different from my client's", ("principles/cultural-humility/",)),
    (
        "how do i bring his voice to the treatment team meeting",
        ("dilemmas/talked-about-not-with/", "principles/advocacy/", "principles/mutuality-and-shared-power/"),
    ),
    (
        "do i have to tell him i get paid if he signs up",
        ("principles/honesty-and-transparency/", "dilemmas/a-bonus-for-every-sign-up/"),
    ),
    ("whistleblower", ("dilemmas/grievance-against-my-employer/",)),
    ("he keeps saying whats the point im never getting clean", ("principles/hope-and-recovery/",)),
    # --- my own recovery, burnout, coworkers, supervision ---
    (
        "had a drink after 3 years sober",
        ("faq/#if-i-return-to-use", "dilemmas/my-own-return-to-use/", "glossary/#return-to-use"),
    ),
    (
        "burnt out and cant sleep",
        ("faq/#am-i-burning-out", "glossary/#burnout", "principles/personal-recovery-and-self-care/"),
    ),
    ("vicarious trauma", ("glossary/#compassion-fatigue",)),
    ("should i cover for a colleague who's using", ("dilemmas/coworker-using-again/",)),
    ("supervisor here, a coach i oversee told me off the record shes using", ("dilemmas/supervising-my-friend/",)),
    ("who can i run a hard case by", ("principles/supervision-and-learning/", "glossary/#consultation")),
    # --- the peer role, basics ---
    ("am i allowed to diagnose", ("principles/scope-of-practice/", "glossary/#scope-of-practice-defined")),
    ("what does a peer specialist do", ("glossary/#peer-specialist", "faq/#peer-specialist-or-counselor")),
    ("cprs exam", ("faq/#national-certifications", "glossary/#certification")),
    ("small habits that keep me ethical on the job", ("faq/#values-day-to-day",)),
    ("gray areas", ("faq/#common-ethical-challenges", "training/boundaries-in-practice/")),
    # --- training, decision model, the code ---
    ("what is a code of ethics anyway", ("glossary/#code-of-ethics", "training/introduction-to-peer-ethics/")),
    ("how do i teach the 8 steps", ("training/ethical-decision-making/", "decision-model/")),
    ("quiz on hipaa and mandated reporting", ("training/confidentiality-and-its-limits/",)),
    ("weighing my options on a hard call", ("decision-model/", "training/ethical-decision-making/")),
    ("how do i cite a commitment number", ("code/",)),
    ("summary of all 17 principles", ("code/",)),
    # --- words people look up ---
    ("what is peer support", ("glossary/#peer-support",)),
    (
        "cultural competence vs cultural humility",
        ("glossary/#cultural-humility-defined", "principles/cultural-humility/"),
    ),
    ("self disclosure meaning", ("glossary/#self-disclosure-defined", "boundaries/self-disclosure/")),
    ("shame and labels in treatment", ("glossary/#stigma", "principles/dignity-and-respect/")),
]
