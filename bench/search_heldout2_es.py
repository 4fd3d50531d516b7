"""Held-out Spanish search queries for the Peer Support Ethics Handbook (set 2).

Written blind on 2026-12-02 from the handbook's content only (data/*.yml
other than the search-word files, data/i18n/es/ for Spanish page ids and
titles, docs/*.md and docs/es/*.md, and the list of built page paths),
without the search code, the search-word file, the test tables or any
result; to be scored once.

Queries are in everyday US Spanish (Mexican, Caribbean, Central American),
with some Spanglish and missing accents. Each entry is (what a person types,
targets); the first target is the best answer, and any one of them in the
top three counts as a pass.

Scored on 2026-12-02 with bench/search_quality.py (a right page in the top three):
- the search as it was the day before: 45 of 50 = 90.0%;
- the search with that day's changes (page weights, FAQ and glossary titles, word endings, more everyday
  words), the first time anyone saw a result for this set: 46 of 50 = 92.0%, no query empty.
Its misses were read then, and two changes followed: short everyday words one letter from common words were
taken out (the typo rule corrected "bunch" to "lunch", a gift word), and words about suicide, self-harm or an
overdose now bring the crisis page first. After them: 46 of 50 = 92.0%. That last figure is tuned on
this set, so it is seen now: the next measure needs a set written blind again, outside the repository.
"""

from __future__ import annotations

HELDOUT2_ES: list[tuple[str, tuple[str, ...]]] = [
    # --- una o dos palabras ---
    ("regalos", ("es/boundaries/gifts/", "es/faq/#can-i-accept-a-gift")),
    ("narcan", ("es/faq/#carrying-naloxone", "es/glossary/#naloxone")),
    ("abrazos", ("es/faq/#is-a-hug-okay", "es/boundaries/physical-touch/")),
    (
        "confidencialidad",
        (
            "es/principles/confidentiality/",
            "es/faq/#why-confidentiality-matters",
            "es/glossary/#confidentiality-defined",
        ),
    ),
    ("recaida", ("es/faq/#if-i-return-to-use", "es/glossary/#return-to-use", "es/dilemmas/my-own-return-to-use/")),
    ("988 español", ("es/crisis/", "es/glossary/#crisis-line-988")),
    ("burnout", ("es/faq/#am-i-burning-out", "es/glossary/#burnout", "es/principles/personal-recovery-and-self-care/")),
    (
        "reportero obligado",
        (
            "es/glossary/#mandated-reporter",
            "es/faq/#do-i-have-to-report-abuse",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "interprete",
        (
            "es/faq/#support-in-another-language",
            "es/glossary/#qualified-interpreter",
            "es/dilemmas/you-speak-spanish-just-interpret/",
        ),
    ),
    (
        "reduccion de daños",
        ("es/glossary/#harm-reduction", "es/faq/#carrying-naloxone", "es/dilemmas/syringes-in-the-backpack/"),
    ),
    # --- preguntas y frases cortas ---
    ("puedo prestarle dinero a un cliente", ("es/faq/#can-i-lend-money", "es/boundaries/money-and-loans/")),
    (
        "me mando solicitud de amistad en facebook",
        ("es/faq/#social-media-friends", "es/dilemmas/friend-request/", "es/boundaries/social-media-and-texting/"),
    ),
    ("le puedo dar mi numero personal", ("es/faq/#personal-phone-number", "es/boundaries/after-hours-contact/")),
    (
        "puedo salir con alguien que ya no atiendo",
        (
            "es/faq/#dating-someone-i-supported",
            "es/boundaries/romantic-and-sexual-relationships/",
            "es/dilemmas/romance-after-support-ends/",
        ),
    ),
    (
        "darle raite a un participante en mi carro",
        ("es/faq/#can-i-give-a-ride", "es/boundaries/giving-rides/", "es/dilemmas/rides-in-my-car/"),
    ),
    (
        "cuanto debo contar de mi historia",
        ("es/boundaries/self-disclosure/", "es/principles/lived-experience/", "es/glossary/#self-disclosure-defined"),
    ),
    (
        "el oficial de probatoria me llamo",
        ("es/dilemmas/probation-officer-calls/", "es/faq/#sharing-with-family-or-probation"),
    ),
    (
        "tengo que reportar si maltratan a un niño",
        (
            "es/faq/#do-i-have-to-report-abuse",
            "es/dilemmas/home-visit-child-neglect/",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "que hago si alguien se quiere suicidar",
        ("es/faq/#someone-wants-to-die", "es/principles/safety-and-duty-to-report/", "es/crisis/"),
    ),
    ("diferencia entre peer y consejero", ("es/faq/#peer-specialist-or-counselor", "es/principles/scope-of-practice/")),
    (
        "me pregunto que medicina tomo yo",
        (
            "es/dilemmas/asked-about-my-diagnosis/",
            "es/faq/#sharing-diagnosis-or-medication",
            "es/boundaries/self-disclosure/",
        ),
    ),
    (
        "como certificarme de peer specialist",
        ("es/faq/#national-certifications", "es/glossary/#certification", "es/glossary/#certified-peer-specialist"),
    ),
    (
        "mi supervisor puede ser un par",
        ("es/faq/#can-a-peer-supervise-peers", "es/principles/supervision-and-learning/"),
    ),
    ("como terminar el apoyo con alguien", ("es/boundaries/ending-support/", "es/principles/ending-support-well/")),
    (
        "pasos para tomar una decision etica",
        ("es/decision-model/", "es/decision-model-worksheet/", "es/training/ethical-decision-making/"),
    ),
    ("que es la humildad cultural", ("es/glossary/#cultural-humility-defined", "es/principles/cultural-humility/")),
    (
        "mi jefe quiere que firme una nota falsa",
        ("es/faq/#asked-to-sign-a-false-note", "es/dilemmas/log-the-group-as-one-on-ones/"),
    ),
    (
        "que es una directiva anticipada",
        ("es/glossary/#psychiatric-advance-directive", "es/faq/#help-with-an-advance-directive"),
    ),
    ("hipaa y la familia del cliente", ("es/faq/#sharing-with-family-or-probation", "es/glossary/#hipaa")),
    (
        "cliente sordo lenguaje de señas",
        (
            "es/faq/#supporting-a-deaf-person",
            "es/glossary/#qualified-interpreter",
            "es/dilemmas/my-sister-can-sign-for-me/",
        ),
    ),
    (
        "me piden vigilar las pruebas de orina",
        ("es/dilemmas/asked-to-run-drug-screens/", "es/faq/#employer-asks-against-values"),
    ),
    (
        "me pidieron reclutar gente para un estudio",
        ("es/faq/#asked-to-recruit-for-a-study", "es/dilemmas/a-bonus-for-every-sign-up/"),
    ),
    ("alguien me dijo que es gay que hago", ("es/faq/#someone-comes-out-to-me",)),
    (
        "es bueno el metadona o no es recuperacion",
        ("es/glossary/#moud", "es/glossary/#many-pathways-of-recovery", "es/principles/cultural-humility/"),
    ),
    # --- frases completas, preocupadas ---
    (
        "la señora me regalo una gift card en la ultima sesion y no se si aceptarla",
        ("es/dilemmas/gift-card-at-goodbye/", "es/boundaries/gifts/", "es/faq/#can-i-accept-a-gift"),
    ),
    (
        "un muchacho del grupo me manda mensajes a las 2 de la mañana todas las noches",
        ("es/dilemmas/texts-at-midnight/", "es/boundaries/after-hours-contact/", "es/faq/#personal-phone-number"),
    ),
    (
        "mi vecino esta en mi caseload y su esposa me pregunta por el en la tienda",
        ("es/dilemmas/my-neighbour-is-on-my-caseload/", "es/boundaries/dual-relationships/"),
    ),
    (
        "me dijo que se quiere matar pero me hizo prometer que no le digo a nadie",
        ("es/dilemmas/keep-it-a-secret/", "es/faq/#someone-wants-to-die", "es/principles/safety-and-duty-to-report/"),
    ),
    (
        "el doctor quiere que yo traduzca porque hablo español pero no soy interprete",
        ("es/dilemmas/you-speak-spanish-just-interpret/", "es/faq/#support-in-another-language"),
    ),
    (
        "volvi a tomar despues que murio mi hermano y tengo miedo de perder el trabajo",
        ("es/dilemmas/my-own-return-to-use/", "es/faq/#if-i-return-to-use"),
    ),
    (
        "la mama quiere saber todo lo que su hijo adolescente me conto",
        ("es/faq/#parent-asks-what-my-teen-said", "es/dilemmas/what-did-my-son-tell-you/"),
    ),
    (
        "la casa sober no lo acepta porque toma buprenorfina",
        ("es/dilemmas/medication-in-a-sober-house/", "es/glossary/#moud", "es/glossary/#recovery-residence"),
    ),
    (
        "estoy quemada, tengo demasiados casos y trabajo todas las noches",
        ("es/dilemmas/caseload-too-big/", "es/faq/#am-i-burning-out"),
    ),
    (
        "la trabajadora social de DCFS quiere saber lo que me dijo la mamá",
        ("es/dilemmas/the-caseworker-wants-to-know/", "es/faq/#sharing-with-family-or-probation"),
    ),
    (
        "lo sueltan de la carcel esta noche y no tiene como llegar a su casa",
        ("es/dilemmas/released-with-no-ride/", "es/faq/#just-got-out-of-jail"),
    ),
    (
        "un participante me hace comentarios sexuales y me pide fotos",
        ("es/dilemmas/unwanted-comments-from-someone-i-support/", "es/faq/#harassed-by-someone-i-support"),
    ),
    (
        "el equipo quiere que lo convenza de quedarse en el hospital",
        ("es/dilemmas/persuade-them-to-stay/", "es/principles/no-coercion/"),
    ),
    (
        "murio uno del grupo por sobredosis y su hija quiere saber que me contaba",
        ("es/dilemmas/an-overdose-death-in-the-group/", "es/faq/#when-someone-i-support-dies"),
    ),
    (
        "el señor dijo que le iba a disparar al vecino y despues dijo que era broma",
        (
            "es/dilemmas/threat-against-a-neighbour/",
            "es/glossary/#duty-to-warn",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "el dueño de una casa de recuperacion me ofrece renta gratis por cada persona que le mande",
        (
            "es/dilemmas/referral-fee-from-a-recovery-home/",
            "es/faq/#paid-for-referrals",
            "es/boundaries/conflicts-of-interest/",
        ),
    ),
]
