"""Everyday search queries for the handbook, with the pages that rightly answer them.

How this table was written: blind. Every query and every expected page was
chosen from the handbook's content alone (the titles, summaries and aliases of
the principles, boundaries, case studies and training modules, the questions of
the FAQ, the terms of the glossary, and the Get help now, decision model and
"code on two pages" pages), before any search was run and without looking at
the search code or at any result list. Nothing here was changed to fit what the
search returns; a query the search gets wrong stays in the table as a miss.

The queries are written the way peer specialists type on a phone after a hard
conversation: short words and long worried sentences, first-person questions,
slang and brand names (Narcan, bupe, Lyft, DM, PO, 5150), abbreviations,
numbers ("20 bucks") and the one- or two-letter typos of a tired person. Some
ask about situations the handbook covers only indirectly.

Each entry is (what a person types, the pages that answer it). There are one to
three pages; the first is the best answer and any of them is a right answer.
Pages are site paths: 'boundaries/gifts/', 'dilemmas/rent-money/', 'crisis/',
'code/', 'decision-model/'; an FAQ entry is 'faq/#<entry-id>' and a glossary
term 'glossary/#<term-id>'.

The rule a test applies: a query passes when at least one of its pages is among
the first three search results (for 'faq/#...' and 'glossary/#...', a result on
that page, at that entry where the result carries an anchor).
"""

from __future__ import annotations

QUERIES: list[tuple[str, tuple[str, ...]]] = [
    # --- gifts, money, touch ---
    (
        "my client gave me a 50 dollar gift card is that ok",
        ("boundaries/gifts/", "faq/#can-i-accept-a-gift", "dilemmas/gift-card-at-goodbye/"),
    ),
    ("she baked me cookies can i keep them", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    ("he tried to give me 20 bucks for helping him move", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    (
        "how do i say no to a gift without hurting her feelings",
        ("dilemmas/gift-card-at-goodbye/", "boundaries/gifts/", "faq/#can-i-accept-a-gift"),
    ),
    ("can i spot him a few dollars till friday", ("boundaries/money-and-loans/", "faq/#can-i-lend-money")),
    (
        "she asked me for rent money shes about to get evicted",
        ("dilemmas/rent-money/", "boundaries/money-and-loans/", "faq/#can-i-lend-money"),
    ),
    ("client asked me to cosign his apartment lease", ("boundaries/money-and-loans/",)),
    ("guy on my caseload wants to sell me his ps4", ("boundaries/money-and-loans/",)),
    ("is it ok to hug a client who is crying", ("faq/#is-a-hug-okay", "boundaries/physical-touch/")),
    ("he hugs me every time and i dont like it", ("dilemmas/a-hug-at-the-drop-in/", "boundaries/physical-touch/")),
    # --- phones, texts, social media ---
    (
        "client sent me a friend reqest on fb",
        ("dilemmas/friend-request/", "faq/#social-media-friends", "boundaries/social-media-and-texting/"),
    ),
    (
        "can i follow someone i support on insta",
        (
            "faq/#social-media-friends",
            "boundaries/social-media-and-texting/",
            "principles/technology-and-social-media/",
        ),
    ),
    (
        "he keeps sending me DMs",
        (
            "boundaries/social-media-and-texting/",
            "dilemmas/texts-at-midnight/",
            "dilemmas/unwanted-comments-from-someone-i-support/",
        ),
    ),
    ("is it ok to google a client", ("principles/technology-and-social-media/",)),
    ("should i give out my cell number", ("faq/#personal-phone-number", "boundaries/after-hours-contact/")),
    ("he texts me every night at 2am", ("dilemmas/texts-at-midnight/", "boundaries/after-hours-contact/")),
    ("participant keeps calling me on my day off", ("boundaries/after-hours-contact/", "faq/#personal-phone-number")),
    ("running a group on zoom privacy", ("principles/technology-and-social-media/",)),
    # --- rides ---
    (
        "can i drive a participant to the dr in my own car",
        ("faq/#can-i-give-a-ride", "boundaries/giving-rides/", "dilemmas/rides-in-my-car/"),
    ),
    ("should i just order her a lyft", ("boundaries/giving-rides/", "faq/#can-i-give-a-ride")),
    (
        "no buses out where she lives and she needs to get to appointments",
        ("dilemmas/rides-in-my-car/", "boundaries/giving-rides/"),
    ),
    # --- sharing my story ---
    ("how much of my story should i share", ("boundaries/self-disclosure/", "principles/lived-experience/")),
    (
        "someone asked if im bipolar too should i tell him",
        ("dilemmas/asked-about-my-diagnosis/", "faq/#sharing-diagnosis-or-medication", "boundaries/self-disclosure/"),
    ),
    ("i think i overshared in group today", ("boundaries/self-disclosure/", "principles/lived-experience/")),
    (
        "do i have to share my recovery story with everyone",
        ("principles/lived-experience/", "boundaries/self-disclosure/"),
    ),
    # --- romance, friendship, knowing people two ways ---
    ("i think i have a crush on someone on my caseload", ("boundaries/romantic-and-sexual-relationships/",)),
    (
        "a former client asked me out to dinner",
        (
            "dilemmas/romance-after-support-ends/",
            "faq/#dating-someone-i-supported",
            "boundaries/romantic-and-sexual-relationships/",
        ),
    ),
    (
        "how long after discharge can you date a client",
        (
            "faq/#dating-someone-i-supported",
            "boundaries/romantic-and-sexual-relationships/",
            "dilemmas/romance-after-support-ends/",
        ),
    ),
    ("we got really close is that a problem", ("boundaries/professional-and-personal-relationships/",)),
    ("client invited me to his birthday party", ("boundaries/professional-and-personal-relationships/",)),
    (
        "saw someone i support at my NA meeting",
        (
            "boundaries/shared-community-and-meetings/",
            "faq/#same-mutual-help-meeting",
            "dilemmas/same-meeting-sponsor-request/",
        ),
    ),
    ("participant asked me to sponser him", ("dilemmas/same-meeting-sponsor-request/", "glossary/#sponsor")),
    (
        "ran into a client at walmart what do i say",
        ("boundaries/shared-community-and-meetings/", "dilemmas/my-neighbour-is-on-my-caseload/"),
    ),
    ("my cousin just got put on my caseload", ("boundaries/dual-relationships/",)),
    ("i know him from the streets back in the day", ("boundaries/dual-relationships/",)),
    (
        "his wife asked me about him at the grocery store",
        ("dilemmas/my-neighbour-is-on-my-caseload/", "principles/confidentiality/"),
    ),
    # --- ending support ---
    (
        "how do i tell the people i support im leaving my job",
        ("boundaries/ending-support/", "principles/ending-support-well/"),
    ),
    (
        "last session with someone ive worked with for 2 yrs",
        ("boundaries/ending-support/", "principles/ending-support-well/", "dilemmas/gift-card-at-goodbye/"),
    ),
    # --- conflicts of interest, referrals, research ---
    (
        "sober living owner offered me $100 for every person i send",
        ("dilemmas/referral-fee-from-a-recovery-home/", "faq/#paid-for-referrals", "boundaries/conflicts-of-interest/"),
    ),
    ("i sell supplements on the side can i tell my clients about them", ("boundaries/conflicts-of-interest/",)),
    ("patient brokering", ("faq/#paid-for-referrals", "glossary/#ekra", "dilemmas/referral-fee-from-a-recovery-home/")),
    (
        "they pay us 25 dollars for every person we sign up for the study",
        ("dilemmas/a-bonus-for-every-sign-up/", "faq/#asked-to-recruit-for-a-study"),
    ),
    (
        "asked to recruit people for a research study",
        ("faq/#asked-to-recruit-for-a-study", "dilemmas/a-bonus-for-every-sign-up/"),
    ),
    # --- notes, records, billing ---
    ("what should i write in my progress notes", ("boundaries/notes-and-records/",)),
    (
        "boss wants me to bill one group as 5 individual sessions",
        ("dilemmas/log-the-group-as-one-on-ones/", "faq/#asked-to-sign-a-false-note"),
    ),
    (
        "supervisor told me to write a note for a visit that never happened",
        ("dilemmas/log-the-group-as-one-on-ones/", "faq/#asked-to-sign-a-false-note"),
    ),
    ("can clients see what i write in their chart", ("boundaries/notes-and-records/",)),
    ("medicaid fraud", ("dilemmas/log-the-group-as-one-on-ones/", "faq/#asked-to-sign-a-false-note")),
    (
        "the nurse wants me to chart that he refuses meds but thats not what happened",
        ("dilemmas/chart-it-as-non-compliant/", "boundaries/notes-and-records/"),
    ),
    # --- confidentiality, family, probation ---
    (
        "confidentality",
        ("principles/confidentiality/", "faq/#why-confidentiality-matters", "glossary/#confidentiality-defined"),
    ),
    ("his mom called asking how hes doing", ("faq/#sharing-with-family-or-probation", "principles/confidentiality/")),
    (
        "PO called asking if he showed up to group",
        ("dilemmas/probation-officer-calls/", "faq/#sharing-with-family-or-probation"),
    ),
    ("what is 42 cfr part 2", ("glossary/#42-cfr-part-2", "principles/confidentiality/")),
    ("ROI form", ("glossary/#release-of-information", "principles/confidentiality/")),
    (
        "do i need a signed release to talk to his parole officer",
        (
            "faq/#sharing-with-family-or-probation",
            "dilemmas/probation-officer-calls/",
            "glossary/#release-of-information",
        ),
    ),
    # --- safety, reporting, crisis ---
    ("someone is suicidal right now who do i call", ("crisis/", "faq/#someone-wants-to-die")),
    ("988", ("crisis/", "glossary/#crisis-line-988")),
    ("trevor project number", ("crisis/", "faq/#someone-wants-to-die")),
    (
        "he told me he wants to kill himself and made me promise not to tell anyone",
        ("dilemmas/keep-it-a-secret/", "faq/#someone-wants-to-die", "crisis/"),
    ),
    ("client said kms is that serious", ("faq/#someone-wants-to-die", "crisis/")),
    (
        "she has pills saved up at home and talks about ending it",
        ("faq/#someone-wants-to-die", "glossary/#lethal-means-safety", "dilemmas/keep-it-a-secret/"),
    ),
    (
        "mandated reporter",
        ("glossary/#mandated-reporter", "faq/#do-i-have-to-report-abuse", "principles/safety-and-duty-to-report/"),
    ),
    (
        "should i call cps on someone i support",
        ("faq/#do-i-have-to-report-abuse", "dilemmas/home-visit-child-neglect/", "glossary/#mandated-reporter"),
    ),
    (
        "kids were home alone when i did the home visit",
        ("dilemmas/home-visit-child-neglect/", "faq/#do-i-have-to-report-abuse"),
    ),
    (
        "she told me her son hits her and takes her check",
        ("faq/#do-i-have-to-report-abuse", "principles/safety-and-duty-to-report/"),
    ),
    (
        "he said hes gonna shoot his neighbor",
        ("dilemmas/threat-against-a-neighbour/", "glossary/#duty-to-warn", "principles/safety-and-duty-to-report/"),
    ),
    ("red flag law", ("glossary/#extreme-risk-protection-order", "dilemmas/threat-against-a-neighbour/")),
    ("what does CIT mean", ("glossary/#crisis-intervention-team",)),
    ("mobile crisis", ("glossary/#mobile-crisis-team", "crisis/", "principles/safety-and-duty-to-report/")),
    ("what is a safety plan", ("glossary/#safety-plan", "dilemmas/keep-it-a-secret/")),
    # --- overdose, naloxone, harm reduction, meds ---
    ("can i carry narcan at work", ("faq/#carrying-naloxone", "glossary/#naloxone")),
    ("naloxone", ("glossary/#naloxone", "faq/#carrying-naloxone")),
    (
        "fentanyl test strips",
        ("glossary/#fentanyl-test-strip", "dilemmas/syringes-in-the-backpack/", "faq/#carrying-naloxone"),
    ),
    ("will i get in trouble if i call 911 for an overdose", ("glossary/#good-samaritan-law", "faq/#carrying-naloxone")),
    ("she lives in a sober house and asked me for clean needles", ("dilemmas/syringes-in-the-backpack/",)),
    ("what is harm reduction", ("glossary/#harm-reduction", "principles/cultural-humility/")),
    ("suboxon", ("glossary/#moud", "dilemmas/medication-in-a-sober-house/")),
    (
        "sober living wont take him because hes on methadone",
        ("dilemmas/medication-in-a-sober-house/", "glossary/#recovery-residence", "glossary/#moud"),
    ),
    ("what is bupe", ("glossary/#moud", "dilemmas/medication-in-a-sober-house/")),
    (
        "client asked if he should stop taking his meds",
        ("principles/scope-of-practice/", "dilemmas/a-healing-ceremony/"),
    ),
    # --- death and grief ---
    (
        "one of my guys ODd and died last night",
        ("dilemmas/an-overdose-death-in-the-group/", "faq/#when-someone-i-support-dies"),
    ),
    (
        "someone i supported passed away how do i deal",
        ("faq/#when-someone-i-support-dies", "dilemmas/an-overdose-death-in-the-group/"),
    ),
    (
        "his daughter wants to know what he told me before he died",
        ("dilemmas/an-overdose-death-in-the-group/", "faq/#when-someone-i-support-dies"),
    ),
    # --- harassment ---
    (
        "client keeps making sexual comments to me",
        ("dilemmas/unwanted-comments-from-someone-i-support/", "faq/#harassed-by-someone-i-support"),
    ),
    (
        "he asked me to send him pics",
        ("dilemmas/unwanted-comments-from-someone-i-support/", "faq/#harassed-by-someone-i-support"),
    ),
    ("someone i support keeps showing up at my house", ("faq/#harassed-by-someone-i-support",)),
    # --- youth and family, LGBTQ+ ---
    (
        "mom wants to know what her 16 yr old told me",
        ("faq/#parent-asks-what-my-teen-said", "dilemmas/what-did-my-son-tell-you/"),
    ),
    (
        "teen in my group told me he drove drunk",
        ("dilemmas/what-did-my-son-tell-you/", "faq/#parent-asks-what-my-teen-said"),
    ),
    (
        "client came out to me and doesnt want it in the notes",
        ("dilemmas/keep-it-out-of-my-chart/", "faq/#someone-comes-out-to-me"),
    ),
    (
        "someone told me theyre trans what do i do",
        ("faq/#someone-comes-out-to-me", "dilemmas/keep-it-out-of-my-chart/"),
    ),
    ("the DCFS caseworker wants to know what mom told me", ("dilemmas/the-caseworker-wants-to-know/",)),
    ("what is a parent partner", ("glossary/#family-peer-support", "dilemmas/the-caseworker-wants-to-know/")),
    ("youth peer support", ("glossary/#youth-peer-support", "dilemmas/what-did-my-son-tell-you/")),
    # --- Deaf people, interpreters, language, access ---
    (
        "his sister wants to sign for him at intake",
        ("dilemmas/my-sister-can-sign-for-me/", "faq/#supporting-a-deaf-person"),
    ),
    (
        "deaf client needs an asl interpreter",
        ("faq/#supporting-a-deaf-person", "glossary/#qualified-interpreter", "dilemmas/my-sister-can-sign-for-me/"),
    ),
    (
        "the doctor asked me to translate cause i speak spanish",
        ("dilemmas/you-speak-spanish-just-interpret/", "faq/#support-in-another-language"),
    ),
    (
        "client doesnt speak much english",
        (
            "faq/#support-in-another-language",
            "glossary/#limited-english-proficiency",
            "principles/access-and-inclusion/",
        ),
    ),
    ("she is blind how do i give her the handouts", ("principles/access-and-inclusion/",)),
    ("ADA accomodations", ("principles/access-and-inclusion/", "dilemmas/my-sister-can-sign-for-me/")),
    # --- jail, reentry, justice ---
    (
        "he just got released at 11pm and has no way home",
        ("dilemmas/released-with-no-ride/", "faq/#just-got-out-of-jail"),
    ),
    (
        "someone i support just got out of prison",
        ("faq/#just-got-out-of-jail", "glossary/#reentry-defined", "dilemmas/released-with-no-ride/"),
    ),
    ("the CO wants me to tell him who's bringing drugs into the jail", ("dilemmas/officer-wants-names/",)),
    ("they want me to snitch", ("dilemmas/officer-wants-names/",)),
    (
        "the court program wants me to watch UAs",
        ("dilemmas/asked-to-run-drug-screens/", "faq/#employer-asks-against-values"),
    ),
    # --- pressure, holds, choice, the team ---
    (
        "team wants me to pressure him into going to rehab",
        ("principles/no-coercion/", "dilemmas/persuade-them-to-stay/"),
    ),
    ("5150", ("dilemmas/persuade-them-to-stay/", "principles/no-coercion/")),
    (
        "he refuses treatment and i really think he needs it",
        ("principles/self-determination/", "principles/no-coercion/"),
    ),
    (
        "its her life even if its a bad choice",
        ("principles/self-determination/", "faq/#self-determination-in-practice"),
    ),
    (
        "team planning his discharge without him in the room",
        ("dilemmas/talked-about-not-with/", "principles/mutuality-and-shared-power/"),
    ),
    (
        "her PAD says no haldol but the doctors want to give it anyway",
        ("dilemmas/her-advance-directive-says-no/", "glossary/#psychiatric-advance-directive"),
    ),
    (
        "can i help someone write a psych advance directive",
        ("faq/#help-with-an-advance-directive", "glossary/#psychiatric-advance-directive"),
    ),
    ("client wants to go to a sweat lodge and stop her meds", ("dilemmas/a-healing-ceremony/",)),
    # --- respect, culture, power, hope, honesty ---
    (
        "staff keep calling clients addicts and it bugs me",
        ("principles/dignity-and-respect/", "glossary/#person-first-language"),
    ),
    ("racism at my agency", ("principles/dignity-and-respect/",)),
    ("he doesnt believe in the 12 steps", ("principles/cultural-humility/", "glossary/#many-pathways-of-recovery")),
    ("can i pray with someone i support", ("principles/cultural-humility/",)),
    ("he always wants to do me a favor back", ("principles/mutuality-and-shared-power/",)),
    ("power imbalance with participants", ("principles/mutuality-and-shared-power/", "faq/#how-mutuality-works")),
    ("how do i keep hope when he keeps relapsing", ("principles/hope-and-recovery/",)),
    (
        "i made a mistake and didnt tell my client",
        ("principles/honesty-and-transparency/", "principles/supervision-and-learning/"),
    ),
    (
        "can i call myself a counselor",
        ("principles/honesty-and-transparency/", "faq/#peer-specialist-or-counselor", "principles/scope-of-practice/"),
    ),
    (
        "client wants to file a grievance against my own agency",
        ("dilemmas/grievance-against-my-employer/", "principles/advocacy/", "glossary/#grievance"),
    ),
    ("how do i help him stand up for himself with the doctors", ("principles/advocacy/", "glossary/#advocacy-defined")),
    # --- my own recovery, burnout, coworkers, supervision ---
    ("i drank last weekend do i tell my boss", ("dilemmas/my-own-return-to-use/", "faq/#if-i-return-to-use")),
    ("i lost my clean time", ("faq/#if-i-return-to-use", "dilemmas/my-own-return-to-use/", "glossary/#return-to-use")),
    ("triggered after group today", ("principles/personal-recovery-and-self-care/",)),
    (
        "compasion fatigue",
        ("glossary/#compassion-fatigue", "principles/personal-recovery-and-self-care/", "faq/#am-i-burning-out"),
    ),
    ("caseload of 60 and im drowning", ("dilemmas/caseload-too-big/", "faq/#am-i-burning-out")),
    ("my coworker smells like alcohol and hes about to drive the van", ("dilemmas/coworker-using-again/",)),
    ("im a peer supervisor and my friend on staff is drinking again", ("dilemmas/supervising-my-friend/",)),
    ("can a peer be my supervisor", ("faq/#can-a-peer-supervise-peers",)),
    ("my supervisor never has time for me", ("principles/supervision-and-learning/", "glossary/#supervision")),
    (
        "my boss wants me to do stuff thats not peer work",
        ("faq/#employer-asks-against-values", "dilemmas/asked-to-run-drug-screens/", "principles/scope-of-practice/"),
    ),
    # --- the peer role, basics ---
    (
        "whats the diff between a peer and a therapist",
        ("faq/#peer-specialist-or-counselor", "principles/scope-of-practice/"),
    ),
    ("how do i get certified", ("faq/#national-certifications", "glossary/#certification")),
    ("does peer support actually work", ("faq/#is-peer-support-effective",)),
    ("core values of peer support", ("faq/#what-are-the-core-values", "training/introduction-to-peer-ethics/")),
    ("most common ethical problems peers run into", ("faq/#common-ethical-challenges",)),
    (
        "what does mutuality mean",
        ("glossary/#mutuality", "faq/#how-mutuality-works", "principles/mutuality-and-shared-power/"),
    ),
    ("recovery coach vs peer specialist", ("glossary/#recovery-coach", "glossary/#peer-specialist")),
    ("boundries", ("glossary/#boundary", "training/boundaries-in-practice/")),
    ("recovery capital", ("glossary/#recovery-capital",)),
    ("trauma informed", ("glossary/#trauma-informed",)),
    # --- training, decision model, the code ---
    ("boundaries training for new staff", ("training/boundaries-in-practice/",)),
    ("role play for explaining confidentiality limits", ("training/confidentiality-and-its-limits/",)),
    ("ethics training for new peer workers", ("training/introduction-to-peer-ethics/",)),
    ("ethics worksheet to work through a case", ("training/ethical-decision-making/", "decision-model/")),
    ("how do i figure out the right thing to do", ("decision-model/", "training/ethical-decision-making/")),
    ("peer check", ("decision-model/",)),
    ("the whole code on one page", ("code/",)),
    ("commitment 7.2", ("code/", "principles/confidentiality/")),
    # --- more everyday situations and words ---
    ("should i go knock on her door she stopped answering", ("dilemmas/she-stopped-coming-after-the-hospital/",)),
    ("practical tips for being an ethical peer", ("faq/#values-day-to-day",)),
    ("what does informed consent mean", ("glossary/#informed-consent", "dilemmas/a-bonus-for-every-sign-up/")),
    (
        "what counts as a conflict of interest",
        ("glossary/#conflict-of-interest-defined", "boundaries/conflicts-of-interest/"),
    ),
    ("dual relationship meaning", ("glossary/#dual-relationship-defined", "boundaries/dual-relationships/")),
    (
        "what does CPS stand for",
        ("glossary/#certified-peer-specialist", "glossary/#mandated-reporter", "faq/#do-i-have-to-report-abuse"),
    ),
    ("what is a mutual help group", ("glossary/#mutual-help-group",)),
    ("recovery oriented services", ("glossary/#recovery-orientation", "principles/hope-and-recovery/")),
    (
        "is texting clients a hipaa violation",
        ("principles/technology-and-social-media/", "glossary/#hipaa", "boundaries/social-media-and-texting/"),
    ),
    (
        "instead of just giving her a phone number can i walk her over to the new worker",
        ("glossary/#warm-handoff", "principles/ending-support-well/"),
    ),
]
