"""Held-out English search queries for the Peer Support Ethics Handbook (set 3).

Written blind on 2026-12-02 by a helper that read only the handbook's content (data/*.yml other than
the search-word files, docs/*.md, and the list of built page paths), never the search code, the
search-word files, the test tables or any result; to be scored once, and reported as unseen.

Scored once on 2026-12-02 with bench/search_quality.py --fast, before anyone read its misses: 103 of 120 =
85.8% with a right page in the top three, no query empty (the search as of that day's commit 1b793d7, with
the engine started when the page is idle). Its misses were read then: any later figure is tuned on it.
After its misses were read, three general changes: an everyday phrase is also found with other endings on
any of its words ("killed himself", "hurts herself"); a plural of a two-letter everyday word ("ODs"); more
everyday words for suicide and self-harm ("better off without me", "be here anymore", "fresh cuts") and
"appt". Then, tuned on it: 107 of 120 = 89.2%.

Each entry is (what a person types, targets). Targets are site paths; the first is the best answer, and
any one of them in the top three counts as a pass.
"""

from __future__ import annotations

HELDOUT3: list[tuple[str, tuple[str, ...]]] = [
    # --- one or two words ---
    ("cosign lease", ("boundaries/money-and-loans/",)),
    ("bday gift", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    (
        "fb friend",
        (
            "faq/#social-media-friends",
            "boundaries/social-media-and-texting/",
            "dilemmas/friend-request/",
            "principles/technology-and-social-media/",
        ),
    ),
    ("narcan", ("faq/#carrying-naloxone", "glossary/#naloxone")),
    ("MAT", ("glossary/#moud", "dilemmas/medication-in-a-sober-house/", "principles/cultural-humility/")),
    (
        "kickbacks",
        (
            "faq/#paid-for-referrals",
            "glossary/#ekra",
            "dilemmas/referral-fee-from-a-recovery-home/",
            "boundaries/conflicts-of-interest/",
        ),
    ),
    ("hippa", ("glossary/#hipaa", "principles/confidentiality/", "faq/#why-confidentiality-matters")),
    (
        "burnt out",
        (
            "faq/#am-i-burning-out",
            "glossary/#burnout",
            "principles/personal-recovery-and-self-care/",
            "dilemmas/caseload-too-big/",
        ),
    ),
    ("ROI form", ("glossary/#release-of-information", "principles/confidentiality/")),
    ("72hr hold", ("glossary/#psychiatric-hold", "dilemmas/persuade-them-to-stay/", "principles/no-coercion/")),
    ("gun removal", ("glossary/#extreme-risk-protection-order", "glossary/#lethal-means-safety")),
    ("tarasoff", ("glossary/#duty-to-warn", "dilemmas/threat-against-a-neighbour/", "history/")),
    ("pronouns", ("faq/#someone-comes-out-to-me", "dilemmas/keep-it-out-of-my-chart/")),
    (
        "asl interpreter",
        (
            "faq/#supporting-a-deaf-person",
            "glossary/#qualified-interpreter",
            "dilemmas/my-sister-can-sign-for-me/",
            "principles/access-and-inclusion/",
        ),
    ),
    ("printable worksheet", ("decision-model-worksheet/", "decision-model/")),
    ("observed UAs", ("dilemmas/asked-to-run-drug-screens/", "faq/#employer-asks-against-values")),
    ("snitch", ("dilemmas/officer-wants-names/",)),
    ("camp sweep", ("dilemmas/the-sweep-is-on-friday/", "glossary/#encampment-sweep")),
    ("compassion fatige", ("glossary/#compassion-fatigue", "faq/#am-i-burning-out")),
    ("fent strips", ("glossary/#fentanyl-test-strip", "faq/#carrying-naloxone")),
    # --- short questions ---
    ("can i order a client an uber to his appt", ("boundaries/giving-rides/", "faq/#can-i-give-a-ride")),
    (
        "client needs $200 for rent can i spot him till friday",
        ("faq/#can-i-lend-money", "dilemmas/rent-money/", "boundaries/money-and-loans/"),
    ),
    (
        "can i cashapp a client 20 bucks for food",
        ("boundaries/money-and-loans/", "faq/#can-i-lend-money", "boundaries/gifts/"),
    ),
    ("found a 50 dollar bill inside a thank you card", ("boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    (
        "she handed me a target gift card at our last session",
        ("dilemmas/gift-card-at-goodbye/", "faq/#can-i-accept-a-gift", "boundaries/gifts/"),
    ),
    (
        "do i have to answer client texts on my day off",
        ("boundaries/after-hours-contact/", "faq/#personal-phone-number"),
    ),
    (
        "guy at the drop in keeps giving me long tight hugs",
        ("dilemmas/a-hug-at-the-drop-in/", "boundaries/physical-touch/", "faq/#is-a-hug-okay"),
    ),
    (
        "client says im his only friend and wants to chill on weekends",
        ("boundaries/professional-and-personal-relationships/",),
    ),
    (
        "former client asked me out 8 months after we stopped working together",
        (
            "dilemmas/romance-after-support-ends/",
            "faq/#dating-someone-i-supported",
            "boundaries/romantic-and-sexual-relationships/",
        ),
    ),
    (
        "how much of my own story should i tell",
        ("principles/lived-experience/", "boundaries/self-disclosure/", "glossary/#self-disclosure-defined"),
    ),
    (
        "newly diagnosed bipolar kid asked what meds i take",
        ("dilemmas/asked-about-my-diagnosis/", "faq/#sharing-diagnosis-or-medication", "boundaries/self-disclosure/"),
    ),
    (
        "can i be my clients AA sponser",
        (
            "dilemmas/same-meeting-sponsor-request/",
            "faq/#same-mutual-help-meeting",
            "boundaries/shared-community-and-meetings/",
        ),
    ),
    (
        "my next door neighbor just got put on my caseload",
        ("dilemmas/my-neighbour-is-on-my-caseload/", "boundaries/dual-relationships/"),
    ),
    (
        "my cousin runs a sober living can i send people there",
        ("boundaries/conflicts-of-interest/", "faq/#paid-for-referrals"),
    ),
    (
        "getting 25 bucks for every person i sign up for a study",
        ("dilemmas/a-bonus-for-every-sign-up/", "faq/#asked-to-recruit-for-a-study"),
    ),
    (
        "PO called asking if my guy has been showing up to group",
        ("dilemmas/probation-officer-calls/", "faq/#sharing-with-family-or-probation", "principles/confidentiality/"),
    ),
    (
        "cps caseworker wants to know what the mom tells me",
        ("dilemmas/the-caseworker-wants-to-know/", "principles/confidentiality/"),
    ),
    (
        "parent demanding to know what their 16 yo told me",
        ("faq/#parent-asks-what-my-teen-said", "dilemmas/what-did-my-son-tell-you/"),
    ),
    (
        "19 yr old asked me to keep them being nonbinary out of the notes",
        ("dilemmas/keep-it-out-of-my-chart/", "faq/#someone-comes-out-to-me"),
    ),
    ("behind on notes can i write up the whole week on friday", ("boundaries/notes-and-records/",)),
    (
        "boss told me to chart him as noncompliant",
        ("dilemmas/chart-it-as-non-compliant/", "faq/#asked-to-sign-a-false-note"),
    ),
    (
        "manager wants me to bill a walking group as 5 one on ones",
        (
            "dilemmas/log-the-group-as-one-on-ones/",
            "faq/#asked-to-sign-a-false-note",
            "boundaries/notes-and-records/",
        ),
    ),
    (
        "team wants me to talk him into staying on the unit",
        ("dilemmas/persuade-them-to-stay/", "principles/no-coercion/"),
    ),
    (
        "they planned his discharge without him and want me to sell it to him",
        ("dilemmas/talked-about-not-with/", "principles/mutuality-and-shared-power/"),
    ),
    (
        "client wants help filing a complaint against my own clinic",
        ("dilemmas/grievance-against-my-employer/", "principles/advocacy/", "glossary/#grievance"),
    ),
    (
        "doctor wants me to translate cuz i speak spanish",
        (
            "dilemmas/you-speak-spanish-just-interpret/",
            "faq/#support-in-another-language",
            "principles/access-and-inclusion/",
        ),
    ),
    (
        "she wants to do a sweat lodge as part of her recovery",
        ("dilemmas/a-healing-ceremony/", "principles/cultural-humility/"),
    ),
    (
        "client picked methadone over meetings which isnt how i did it",
        ("principles/self-determination/", "glossary/#many-pathways-of-recovery", "principles/cultural-humility/"),
    ),
    (
        "she wants to quit her meds this weekend and asked how i came off mine",
        ("principles/scope-of-practice/", "faq/#sharing-diagnosis-or-medication"),
    ),
    (
        "director wants me to run the trauma therapy group since the counselor quit",
        ("principles/scope-of-practice/", "faq/#employer-asks-against-values"),
    ),
    (
        "whats the difference between me and a therapist",
        ("faq/#peer-specialist-or-counselor", "principles/scope-of-practice/", "glossary/#scope-of-practice-defined"),
    ),
    (
        "his daughter keeps calling me his counselor should i correct her",
        ("principles/honesty-and-transparency/", "faq/#peer-specialist-or-counselor"),
    ),
    (
        "can a peer with no license be my supervisor",
        ("faq/#can-a-peer-supervise-peers", "principles/supervision-and-learning/", "glossary/#supervision"),
    ),
    ("how do i get nationally certified", ("faq/#national-certifications", "glossary/#certification")),
    ("does peer support actually work or is it just vibes", ("faq/#is-peer-support-effective",)),
    (
        "what does mutuality even mean",
        ("faq/#how-mutuality-works", "glossary/#mutuality", "principles/mutuality-and-shared-power/"),
    ),
    ("whats a warm hand off", ("glossary/#warm-handoff", "boundaries/ending-support/")),
    ("what is recovery capitol", ("glossary/#recovery-capital",)),
    ("why do ppl say return to use instead of relapse", ("glossary/#return-to-use",)),
    (
        "am i a mandated reporter as a peer",
        ("glossary/#mandated-reporter", "faq/#do-i-have-to-report-abuse", "principles/safety-and-duty-to-report/"),
    ),
    (
        "steps for working thru an ethics dilemma",
        ("decision-model/", "training/ethical-decision-making/", "decision-model-worksheet/"),
    ),
    ("boss says only give bus passes to people who came to group", ("principles/no-coercion/",)),
    (
        "grant is ending and my boss says dont tell clients yet",
        ("principles/ending-support-well/", "boundaries/ending-support/"),
    ),
    (
        "how do i help someone speak up for themselves at a team mtg",
        ("principles/advocacy/", "glossary/#advocacy-defined"),
    ),
    ("is this site legal advice", ("about/",)),
    ("how does our peer center make this our own code", ("adopt/", "writing-a-code/")),
    ("how do i report a peer worker for breaking ethics", ("raise-a-concern/", "glossary/#grievance")),
    (
        "plan a one day ethics training for new peers",
        ("course/", "training/", "training/introduction-to-peer-ethics/"),
    ),
    ("what changed in the new edition", ("changes/",)),
    ("main values peer work is built on", ("faq/#what-are-the-core-values", "principles/", "code/")),
    ("all the commitments on one page i can print out", ("code/",)),
    ("where does the handbook get its facts, list of references", ("sources/", "about/")),
    ("when did 988 start", ("history/", "glossary/#crisis-line-988")),
    ("does this site track what i search", ("about/",)),
    ("what does trauma informed mean", ("glossary/#trauma-informed", "principles/cultural-humility/")),
    (
        "words to use instead of addict in my notes",
        (
            "glossary/#person-first-language",
            "principles/dignity-and-respect/",
            "principles/advocacy/",
            "boundaries/notes-and-records/",
        ),
    ),
    (
        "is part 2 different from hipaa",
        ("glossary/#42-cfr-part-2", "glossary/#hipaa", "principles/confidentiality/"),
    ),
    (
        "who do i call instead of the cops for a mental health crisis",
        (
            "glossary/#mobile-crisis-team",
            "faq/#someone-wants-to-die",
            "crisis/",
            "glossary/#crisis-intervention-team",
        ),
    ),
    (
        "youth peer vs family peer whats the difference",
        ("glossary/#youth-peer-support", "glossary/#family-peer-support"),
    ),
    ("intro ethics training for new hires", ("training/introduction-to-peer-ethics/", "training/")),
    (
        "how do i explain what i cant keep private at the first meeting",
        (
            "principles/confidentiality/",
            "training/confidentiality-and-its-limits/",
            "faq/#why-confidentiality-matters",
        ),
    ),
    ("everyday habits to stay ethical at work", ("faq/#values-day-to-day",)),
    (
        "what are the usual gray areas for peers",
        ("faq/#common-ethical-challenges", "glossary/#boundary", "training/boundaries-in-practice/"),
    ),
    (
        "what does letting the person lead look like irl",
        (
            "faq/#self-determination-in-practice",
            "principles/self-determination/",
            "glossary/#self-determination-defined",
        ),
    ),
    # --- longer, worried sentences ---
    (
        "i drank a few nights after my brother passed and havent told anyone at work, scared ill get fired if i tell "
        "my supervisor",
        ("dilemmas/my-own-return-to-use/", "faq/#if-i-return-to-use", "principles/personal-recovery-and-self-care/"),
    ),
    (
        "my coworker smells like booze and hes supposed to drive the van in 20 min and he begged me not to say "
        "anything",
        ("dilemmas/coworker-using-again/",),
    ),
    (
        "im a supervisor and my close friend who works under me told me off the record shes drinking again idk what "
        "to do",
        ("dilemmas/supervising-my-friend/",),
    ),
    (
        "my caseload basically doubled, im working every night from home and i snapped at a guy today, i think im "
        "losing it",
        ("dilemmas/caseload-too-big/", "faq/#am-i-burning-out", "principles/personal-recovery-and-self-care/"),
    ),
    (
        "i gave a young guy my personal number during a rough week and now he texts me almost every night and im "
        "exhausted",
        ("dilemmas/texts-at-midnight/", "faq/#personal-phone-number", "boundaries/after-hours-contact/"),
    ),
    (
        "a man i work with keeps making comments about my body and messaged me at night asking for a photo, i feel "
        "really unsafe",
        ("dilemmas/unwanted-comments-from-someone-i-support/", "faq/#harassed-by-someone-i-support"),
    ),
    (
        "i need to be hospitalized for my bipolar but the only bed nearby is on the unit where i run groups and my "
        "coworkers could see my chart",
        ("dilemmas/a-bed-on-the-unit-where-i-work/",),
    ),
    (
        "one of my regulars died of an overdose and his daughter wants to know everything he told me and the group "
        "keeps asking if he was using",
        ("dilemmas/an-overdose-death-in-the-group/", "faq/#when-someone-i-support-dies"),
    ),
    (
        "she hasnt been to the drop in since she got out of the hospital, im worried about her tolerance, should i go "
        "look for her",
        ("dilemmas/she-stopped-coming-after-the-hospital/",),
    ),
    (
        "guy got released from county at 11pm with no ride and no meds and he called me at home, i cant pick him up",
        ("dilemmas/released-with-no-ride/", "faq/#just-got-out-of-jail"),
    ),
    (
        "my client just got out of prison last week what should i be worried about the first few weeks",
        ("faq/#just-got-out-of-jail", "glossary/#reentry-defined"),
    ),
    (
        "a drunk member was yelling and kicked a chair at the drop-in and everyone wants me to call the cops but he "
        "has nowhere to sleep",
        ("dilemmas/shouting-at-the-drop-in/",),
    ),
    (
        "on a home visit the two little kids were by themselves and mom was passed out after a double shift, she "
        "begged me not to call cps",
        (
            "dilemmas/home-visit-child-neglect/",
            "faq/#do-i-have-to-report-abuse",
            "principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "i saw a staff member keep his knee on a patients back after he stopped fighting and then laugh about it in "
        "the break room",
        (
            "dilemmas/what-i-saw-during-the-restraint/",
            "glossary/#protection-and-advocacy-agency",
            "principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "police showed up because a neighbor called about a black man in psychosis sitting on his own porch and he "
        "hadnt threatened anyone",
        ("dilemmas/the-neighbor-called-911/",),
    ),
    (
        "she wrote an advance directive saying no to one shot, now shes in crisis and the doctor wants me to convince "
        "her to take it",
        ("dilemmas/her-advance-directive-says-no/", "glossary/#psychiatric-advance-directive"),
    ),
    (
        "can i help someone write down what they want to happen if they end up in the psych hospital again",
        ("faq/#help-with-an-advance-directive", "glossary/#psychiatric-advance-directive"),
    ),
    (
        "a woman in a no-use house asked me for clean needles and narcan, shes using alone behind a locked door",
        ("dilemmas/syringes-in-the-backpack/", "glossary/#harm-reduction", "faq/#carrying-naloxone"),
    ),
    (
        "jail sergeant is pressuring me to give up names of whos bringing fentanyl in or he'll pull my access",
        ("dilemmas/officer-wants-names/",),
    ),
    (
        "the city is clearing the camp friday and he wont go to a shelter without his dog, he wants me to keep his ID "
        "and meds at my place",
        ("dilemmas/the-sweep-is-on-friday/", "glossary/#encampment-sweep"),
    ),
    (
        "no buses out where she lives, she wants me to drive her to the doctor in my car and talk for her there",
        ("dilemmas/rides-in-my-car/", "boundaries/giving-rides/", "faq/#can-i-give-a-ride"),
    ),
    (
        "do i have to be totally abstinent to work as a peer or is that just some states",
        ("where-codes-differ/", "faq/#if-i-return-to-use"),
    ),
    (
        "a guy is back after two months away and says he threw his whole recovery away after a bender, how do i "
        "keep believing in him",
        ("principles/hope-and-recovery/",),
    ),
    (
        "im trying to teach new peers about bounderies and need role plays and a handout",
        ("training/boundaries-in-practice/", "training/"),
    ),
    (
        "we are a small peer run center and want to start an ethics committee and review our code every year",
        ("writing-a-code/", "adopt/"),
    ),
    # --- danger ---
    ("client told me he wants to kms", ("crisis/", "faq/#someone-wants-to-die")),
    (
        "she told me shes been saving up pills and picked a date",
        (
            "faq/#someone-wants-to-die",
            "principles/safety-and-duty-to-report/",
            "crisis/",
            "glossary/#lethal-means-safety",
        ),
    ),
    (
        "he made me promise not to tell anyone hes thinking about ending it",
        ("dilemmas/keep-it-a-secret/", "faq/#someone-wants-to-die", "crisis/"),
    ),
    ("someone is od'ing in the bathroom at the center", ("faq/#carrying-naloxone", "crisis/", "glossary/#naloxone")),
    ("client showed me fresh cuts on her arms", ("faq/#someone-wants-to-die", "crisis/")),
    (
        "he said hed go to his neighbors with a shotgun if she calls the cops again",
        ("dilemmas/threat-against-a-neighbour/", "glossary/#duty-to-warn", "crisis/"),
    ),
    (
        "guy on my caseload keeps guns at home and keeps saying he doesnt want to be here anymore",
        (
            "faq/#someone-wants-to-die",
            "glossary/#lethal-means-safety",
            "crisis/",
            "glossary/#extreme-risk-protection-order",
        ),
    ),
    (
        "member killed himself and the group chat keeps asking how he did it",
        ("dilemmas/after-a-death-by-suicide/", "glossary/#safe-messaging", "glossary/#postvention"),
    ),
    (
        "got a text at 2am that just said i dont see the point anymore",
        (
            "boundaries/after-hours-contact/",
            "faq/#someone-wants-to-die",
            "crisis/",
            "dilemmas/texts-at-midnight/",
        ),
    ),
    (
        "if i call 988 for someone will they send the police",
        ("faq/#someone-wants-to-die", "glossary/#crisis-line-988", "crisis/"),
    ),
    (
        "will i get arrested if i call 911 when my friend ODs, im on probation",
        ("glossary/#good-samaritan-law", "faq/#carrying-naloxone", "faq/#just-got-out-of-jail"),
    ),
]
