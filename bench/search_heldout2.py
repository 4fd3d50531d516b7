"""Held-out English search queries for the Peer Support Ethics Handbook (set 2).

Written blind on 2026-12-02 from the handbook's content only (data/*.yml
other than the search-word file, docs/*.md, and the list of built page
paths), without the search code, the search-word file, the test tables or
any result; to be scored once.

Each entry is (what a person types, targets). Targets are site paths; the
first is the best answer, and any one of them in the top three counts as a
pass.

Scored on 2026-12-02 with bench/search_quality.py (a right page in the top three):
- the search as it was the day before: 105 of 120 = 87.5%;
- the search with that day's changes (page weights, FAQ and glossary titles, word endings, more everyday
  words), the first time anyone saw a result for this set: 107 of 120 = 89.2%, no query empty.
Its misses were read then, and two changes followed: short everyday words one letter from common words were
taken out (the typo rule corrected "bunch" to "lunch", a gift word), and words about suicide, self-harm or an
overdose now bring the crisis page first. After them: 108 of 120 = 90.0%. That last figure is tuned on
this set, so it is seen now: the next measure needs a set written blind again, outside the repository.
"""

from __future__ import annotations

HELDOUT2: list[tuple[str, tuple[str, ...]]] = [
    # --- one or two words ---
    ("gift card", ("boundaries/gifts/", "dilemmas/gift-card-at-goodbye/", "faq/#can-i-accept-a-gift")),
    ("hugs", ("faq/#is-a-hug-okay", "boundaries/physical-touch/")),
    (
        "friend request",
        ("faq/#social-media-friends", "dilemmas/friend-request/", "boundaries/social-media-and-texting/"),
    ),
    ("988", ("crisis/", "glossary/#crisis-line-988", "faq/#someone-wants-to-die")),
    ("narcan", ("faq/#carrying-naloxone", "glossary/#naloxone")),
    (
        "mandated reporter",
        ("glossary/#mandated-reporter", "faq/#do-i-have-to-report-abuse", "principles/safety-and-duty-to-report/"),
    ),
    ("hipaa", ("glossary/#hipaa", "principles/confidentiality/", "faq/#sharing-with-family-or-probation")),
    ("burnt out", ("faq/#am-i-burning-out", "glossary/#burnout", "principles/personal-recovery-and-self-care/")),
    ("compasion fatigue", ("glossary/#compassion-fatigue", "faq/#am-i-burning-out")),
    (
        "i relapsed",
        ("faq/#if-i-return-to-use", "dilemmas/my-own-return-to-use/", "principles/personal-recovery-and-self-care/"),
    ),
    ("MAT", ("glossary/#moud", "dilemmas/medication-in-a-sober-house/")),
    ("5150", ("glossary/#psychiatric-hold", "dilemmas/persuade-them-to-stay/")),
    ("kickbacks", ("faq/#paid-for-referrals", "glossary/#ekra", "dilemmas/referral-fee-from-a-recovery-home/")),
    ("recovery capital", ("glossary/#recovery-capital",)),
    ("warm handoff", ("glossary/#warm-handoff",)),
    ("ROI form", ("glossary/#release-of-information", "principles/confidentiality/")),
    (
        "oversharing",
        ("boundaries/self-disclosure/", "principles/lived-experience/", "glossary/#self-disclosure-defined"),
    ),
    (
        "ASL interpreter",
        ("faq/#supporting-a-deaf-person", "glossary/#qualified-interpreter", "dilemmas/my-sister-can-sign-for-me/"),
    ),
    ("harm reduction", ("glossary/#harm-reduction", "faq/#carrying-naloxone", "dilemmas/syringes-in-the-backpack/")),
    (
        "peer certification",
        ("faq/#national-certifications", "glossary/#certification", "glossary/#certified-peer-specialist"),
    ),
    ("mutuality", ("glossary/#mutuality", "faq/#how-mutuality-works", "principles/mutuality-and-shared-power/")),
    ("ethics worksheet", ("decision-model-worksheet/", "decision-model/", "training/ethical-decision-making/")),
    (
        "duty to warn",
        ("glossary/#duty-to-warn", "dilemmas/threat-against-a-neighbour/", "principles/safety-and-duty-to-report/"),
    ),
    (
        "confidentialty limits",
        ("principles/confidentiality/", "training/confidentiality-and-its-limits/", "faq/#why-confidentiality-matters"),
    ),
    # --- short questions and phrases ---
    ("can i lend a client $20", ("faq/#can-i-lend-money", "boundaries/money-and-loans/")),
    ("client wants me to hold his bank card", ("boundaries/money-and-loans/",)),
    ("arkansas vs minnesota gift rules", ("where-codes-differ/", "boundaries/gifts/", "faq/#can-i-accept-a-gift")),
    ("is a fist bump ok instead of a hug", ("boundaries/physical-touch/", "faq/#is-a-hug-okay")),
    (
        "my neighbor got put on my caseload",
        ("dilemmas/my-neighbour-is-on-my-caseload/", "boundaries/dual-relationships/"),
    ),
    (
        "client showed up at my home group",
        (
            "faq/#same-mutual-help-meeting",
            "boundaries/shared-community-and-meetings/",
            "dilemmas/same-meeting-sponsor-request/",
        ),
    ),
    (
        "can i be my clients sponsor",
        (
            "dilemmas/same-meeting-sponsor-request/",
            "boundaries/shared-community-and-meetings/",
            "faq/#same-mutual-help-meeting",
        ),
    ),
    (
        "same church as someone i support",
        (
            "boundaries/shared-community-and-meetings/",
            "boundaries/dual-relationships/",
            "dilemmas/my-neighbour-is-on-my-caseload/",
        ),
    ),
    ("client says im her only friend", ("boundaries/professional-and-personal-relationships/",)),
    ("invited to a clients graduation party", ("boundaries/professional-and-personal-relationships/",)),
    (
        "can i date a former client",
        (
            "faq/#dating-someone-i-supported",
            "boundaries/romantic-and-sexual-relationships/",
            "dilemmas/romance-after-support-ends/",
        ),
    ),
    ("catching feelings for someone on my caseload", ("boundaries/romantic-and-sexual-relationships/",)),
    (
        "instagram follow from someone on my caseload",
        (
            "faq/#social-media-friends",
            "boundaries/social-media-and-texting/",
            "principles/technology-and-social-media/",
        ),
    ),
    ("should i give clients my cell number", ("faq/#personal-phone-number", "boundaries/after-hours-contact/")),
    (
        "how much of my story should i share",
        ("boundaries/self-disclosure/", "principles/lived-experience/", "glossary/#self-disclosure-defined"),
    ),
    (
        "he asked what meds i take",
        ("dilemmas/asked-about-my-diagnosis/", "faq/#sharing-diagnosis-or-medication", "boundaries/self-disclosure/"),
    ),
    (
        "probation officer asking if he comes to group",
        ("dilemmas/probation-officer-calls/", "faq/#sharing-with-family-or-probation"),
    ),
    ("his mom keeps calling me for updates", ("faq/#sharing-with-family-or-probation", "principles/confidentiality/")),
    (
        "parent wants to know what their 16 yr old told me",
        ("faq/#parent-asks-what-my-teen-said", "dilemmas/what-did-my-son-tell-you/"),
    ),
    (
        "do i have to call CPS",
        (
            "faq/#do-i-have-to-report-abuse",
            "dilemmas/home-visit-child-neglect/",
            "principles/safety-and-duty-to-report/",
        ),
    ),
    ("how do i ask someone if theyre suicidal", ("faq/#someone-wants-to-die", "principles/safety-and-duty-to-report/")),
    (
        "making a safety plan with someone",
        ("glossary/#safety-plan", "faq/#someone-wants-to-die", "principles/safety-and-duty-to-report/"),
    ),
    (
        "client with guns at home talking about suicide",
        ("faq/#someone-wants-to-die", "glossary/#lethal-means-safety", "principles/safety-and-duty-to-report/"),
    ),
    (
        "alternatives to calling cops for a mental health crisis",
        ("glossary/#mobile-crisis-team", "faq/#someone-wants-to-die", "glossary/#crisis-intervention-team"),
    ),
    (
        "team wants me to pursuade him to stay on the unit",
        ("dilemmas/persuade-them-to-stay/", "principles/no-coercion/"),
    ),
    ("fentynal test strips legal?", ("glossary/#fentanyl-test-strip", "faq/#carrying-naloxone")),
    ("will i get arrested for calling 911 on an od", ("glossary/#good-samaritan-law", "faq/#carrying-naloxone")),
    (
        "is methadone real recovery",
        ("glossary/#moud", "glossary/#many-pathways-of-recovery", "principles/cultural-humility/"),
    ),
    (
        "sober living kicked him out for being on suboxen",
        ("dilemmas/medication-in-a-sober-house/", "glossary/#moud", "glossary/#recovery-residence"),
    ),
    ("do peer specialists have to be clean", ("where-codes-differ/", "faq/#if-i-return-to-use")),
    ("just got out of jail overdose risk", ("faq/#just-got-out-of-jail", "glossary/#reentry-defined")),
    ("can a peer be my supervisor", ("faq/#can-a-peer-supervise-peers", "principles/supervision-and-learning/")),
    ("my supervisor doesnt get peer work", ("principles/supervision-and-learning/", "faq/#can-a-peer-supervise-peers")),
    (
        "ok to talk about a client w/ a coworker for advice?",
        ("glossary/#consultation", "principles/supervision-and-learning/"),
    ),
    ("peer vs councelor whats the difference", ("faq/#peer-specialist-or-counselor", "principles/scope-of-practice/")),
    (
        "client asked if she should stop her seroquel",
        ("principles/scope-of-practice/", "faq/#sharing-diagnosis-or-medication"),
    ),
    ("client doesnt speak english", ("faq/#support-in-another-language", "glossary/#limited-english-proficiency")),
    ("client came out to me as trans", ("faq/#someone-comes-out-to-me",)),
    ("person first language examples", ("glossary/#person-first-language", "principles/dignity-and-respect/")),
    ("cultural humility vs competence", ("glossary/#cultural-humility-defined", "principles/cultural-humility/")),
    ("how to complain about my peer worker", ("raise-a-concern/", "glossary/#grievance")),
    (
        "helping a client file a grevience",
        ("glossary/#grievance", "dilemmas/grievance-against-my-employer/", "principles/advocacy/"),
    ),
    (
        "speaking up for clients at team meetings",
        ("principles/advocacy/", "dilemmas/talked-about-not-with/", "glossary/#advocacy-defined"),
    ),
    ("how to end services with a client", ("boundaries/ending-support/", "principles/ending-support-well/")),
    (
        "client ghosted me and wont answer calls",
        ("boundaries/ending-support/", "dilemmas/she-stopped-coming-after-the-hospital/"),
    ),
    (
        "nurse wants me to chart him noncompliant",
        ("dilemmas/chart-it-as-non-compliant/", "faq/#asked-to-sign-a-false-note", "boundaries/notes-and-records/"),
    ),
    ("can i backdate a progress note", ("boundaries/notes-and-records/",)),
    (
        "asked to recruit clients for a study",
        ("faq/#asked-to-recruit-for-a-study", "dilemmas/a-bonus-for-every-sign-up/"),
    ),
    ("does peer support even work", ("faq/#is-peer-support-effective",)),
    ("they want me to watch UAs", ("dilemmas/asked-to-run-drug-screens/", "faq/#employer-asks-against-values")),
    ("agency only wants us referring to our own programs", ("boundaries/conflicts-of-interest/",)),
    ("NCPS vs NCPRSS", ("faq/#national-certifications", "glossary/#certification")),
    (
        "steps to make an ethical decision",
        ("decision-model/", "decision-model-worksheet/", "training/ethical-decision-making/"),
    ),
    (
        "can i drive a client in my own car",
        ("faq/#can-i-give-a-ride", "boundaries/giving-rides/", "dilemmas/rides-in-my-car/"),
    ),
    ("whats a recovery coach", ("glossary/#recovery-coach", "glossary/#peer-specialist")),
    ("what is a PAD", ("glossary/#psychiatric-advance-directive", "faq/#help-with-an-advance-directive")),
    ("boundaries training for new hires", ("training/boundaries-in-practice/", "training/")),
    ("core values of peer support", ("faq/#what-are-the-core-values", "code/", "principles/")),
    ("can our org adopt this as our code", ("adopt/", "writing-a-code/")),
    ("history of the peer support movement", ("history/",)),
    # --- worried full sentences ---
    (
        "an older man slipped a fifty in his thank you card and i dont want to insult him",
        ("boundaries/gifts/", "faq/#can-i-accept-a-gift"),
    ),
    (
        "she crocheted me a bookmark at our last session and there was a walmart card inside it",
        ("dilemmas/gift-card-at-goodbye/", "boundaries/gifts/", "faq/#can-i-accept-a-gift"),
    ),
    (
        "hes short on rent and begging me to spot him til his check comes friday",
        ("dilemmas/rent-money/", "faq/#can-i-lend-money", "boundaries/money-and-loans/"),
    ),
    (
        "guy at the drop in gives me these long tight hugs every day and i hate it but his partner just died",
        ("dilemmas/a-hug-at-the-drop-in/", "boundaries/physical-touch/", "faq/#is-a-hug-okay"),
    ),
    (
        "small town, everyone knows everyone, how am i supposed to keep work seperate",
        (
            "boundaries/dual-relationships/",
            "dilemmas/my-neighbour-is-on-my-caseload/",
            "boundaries/shared-community-and-meetings/",
        ),
    ),
    (
        "my guy from group keeps texting me at 2am and i already gave him my personal number",
        ("dilemmas/texts-at-midnight/", "boundaries/after-hours-contact/", "faq/#personal-phone-number"),
    ),
    (
        "my agency wont give us work phones so everyone texts my personal cell",
        (
            "boundaries/social-media-and-texting/",
            "faq/#personal-phone-number",
            "principles/technology-and-social-media/",
        ),
    ),
    (
        "DCFS caseworker called wanting to know what the mom told me in our sessions",
        ("dilemmas/the-caseworker-wants-to-know/", "faq/#sharing-with-family-or-probation"),
    ),
    (
        "one of my guys ODd and died and now his daughter wants to know what he talked to me about",
        ("dilemmas/an-overdose-death-in-the-group/", "faq/#when-someone-i-support-dies"),
    ),
    (
        "19 yo told me theyre nonbinary and begged me not to put it in the notes or tell their mom",
        ("dilemmas/keep-it-out-of-my-chart/", "faq/#someone-comes-out-to-me"),
    ),
    (
        "went on a home visit and the kids were alone and mom wouldnt wake up",
        ("dilemmas/home-visit-child-neglect/", "faq/#do-i-have-to-report-abuse"),
    ),
    ("she told me her boyfriend hits her but made me swear not to tell anyone", ("faq/#do-i-have-to-report-abuse",)),
    (
        "i saw a staff keep his knee on a patients back way after he stopped fighting",
        ("dilemmas/what-i-saw-during-the-restraint/", "glossary/#protection-and-advocacy-agency"),
    ),
    (
        "he told me hes thinking about killing himself and made me promise not to tell",
        ("dilemmas/keep-it-a-secret/", "faq/#someone-wants-to-die", "principles/safety-and-duty-to-report/"),
    ),
    (
        "she just texted me that she took a bunch of pills",
        ("crisis/", "faq/#someone-wants-to-die", "principles/safety-and-duty-to-report/"),
    ),
    (
        "client said hes gonna take a shotgun to his neighbors house then said he was only kidding",
        ("dilemmas/threat-against-a-neighbour/", "glossary/#duty-to-warn", "principles/safety-and-duty-to-report/"),
    ),
    (
        "a guy from our group killed himself and the group chat keeps asking how he did it",
        ("dilemmas/after-a-death-by-suicide/", "glossary/#safe-messaging", "glossary/#postvention"),
    ),
    (
        "guy came in drunk kicking chairs at the drop in and everyone wants me to call the cops",
        ("dilemmas/shouting-at-the-drop-in/",),
    ),
    (
        "neighbor called the police on my client having an episode on his own porch",
        ("dilemmas/the-neighbor-called-911/", "glossary/#mobile-crisis-team"),
    ),
    (
        "her advance directive says no haldol but the doctors want to give it anyway and want me to get her to agree",
        ("dilemmas/her-advance-directive-says-no/", "glossary/#psychiatric-advance-directive"),
    ),
    (
        "the jail officer wants me to tell him who is bringing drugs in after the overdose",
        ("dilemmas/officer-wants-names/",),
    ),
    (
        "woman in a no use house asked me for needles and narcan can i give them to her",
        ("dilemmas/syringes-in-the-backpack/", "glossary/#harm-reduction", "faq/#carrying-naloxone"),
    ),
    (
        "she hasnt come to the drop in since getting out of the hospital and im scared she'll od",
        ("dilemmas/she-stopped-coming-after-the-hospital/",),
    ),
    (
        "drank a few nights after my brother died and now i feel like a fraud leading group",
        ("dilemmas/my-own-return-to-use/", "faq/#if-i-return-to-use"),
    ),
    ("my coworker smells like booze and hes about to drive the clinic van", ("dilemmas/coworker-using-again/",)),
    (
        "i supervise my best friend and she just told me off the record shes drinking again",
        ("dilemmas/supervising-my-friend/",),
    ),
    (
        "my caseload doubled, im working every night and snapping at people",
        ("dilemmas/caseload-too-big/", "faq/#am-i-burning-out"),
    ),
    (
        "the doctor wants me to translate the assessment because i speak spanish",
        ("dilemmas/you-speak-spanish-just-interpret/", "faq/#support-in-another-language"),
    ),
    (
        "deaf guys interpreter didnt show and staff want his 12 year old grandson to sign for him",
        ("dilemmas/my-sister-can-sign-for-me/", "faq/#supporting-a-deaf-person"),
    ),
    (
        "she wants to do a sweat lodge ceremony and the healer told her she doesnt need her meds",
        ("dilemmas/a-healing-ceremony/", "principles/cultural-humility/"),
    ),
    (
        "my manager told me to log the walking group as 5 one on ones for billing",
        ("dilemmas/log-the-group-as-one-on-ones/", "faq/#asked-to-sign-a-false-note"),
    ),
    (
        "recovery house owner offered me free rent for every person i send there",
        ("dilemmas/referral-fee-from-a-recovery-home/", "faq/#paid-for-referrals", "boundaries/conflicts-of-interest/"),
    ),
    (
        "the city is clearing his camp friday and he wants me to keep his meds and id at my place",
        ("dilemmas/the-sweep-is-on-friday/", "glossary/#encampment-sweep"),
    ),
    (
        "hes getting released from jail tonight with no ride and no meds and hes calling my house",
        ("dilemmas/released-with-no-ride/", "faq/#just-got-out-of-jail"),
    ),
    (
        "a man i support keeps making sexual comments and asking me for pics",
        ("dilemmas/unwanted-comments-from-someone-i-support/", "faq/#harassed-by-someone-i-support"),
    ),
    (
        "how do i figure out the right thing to do when every option feels wrong",
        ("decision-model/", "decision-model-worksheet/"),
    ),
]
