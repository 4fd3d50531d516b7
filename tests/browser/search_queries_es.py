"""Everyday Spanish search queries for the handbook's /es/ pages, with the pages that rightly answer them.

How this table was written: blind. Every query and every expected page was
chosen from the Spanish handbook's content alone (the titles, summaries, short
versions, examples and aliases of the principles, boundaries, case studies and
training modules, the questions of the FAQ, the terms of the glossary, the
steps of the decision model, and the Get help now and "code on two pages"
pages), before any search was run and without looking at the search code, its
word lists or any result list. Nothing here was changed to fit what the search
returns; a query the search gets wrong stays in the table as a miss. Every page
named was checked to have a Spanish content file with that id.

The queries are written the way Spanish-speaking peer specialists in the US
type on a phone after a hard conversation: short words and long worried
sentences, first-person questions, tú and usted, with and without accents and
with and without ¿ and ¡, regional and US Spanish everyday words (troca, carro,
raite, aventón, chamba, lana, feria, aseguranza, textear, mensajear, el PO, la
migra), Spanglish ("me mandó friend request", "caseload", "grant"), brand names
(Narcan, Suboxone, WhatsApp, Facebook, Uber, TikTok), numbers ("180 dólares",
"5150"), abbreviations (q, pa, PO, ROI, CPS, ASL) and the one- or two-letter
typos of a tired person. Some ask about situations the handbook covers only
indirectly, inside an example or a case rather than in a title.

There are two lists. QUERIES_ES is the working table. HELD_OUT_ES was written
the same way but in a separate, later pass, after QUERIES_ES was finished and
without changing it: it covers the same areas with different situations and
different words (no query in it repeats or rewords one in QUERIES_ES), and it
is kept apart to measure the search only, never to tune it.

Each entry is (what a person types, the pages that answer it). There are one to
three pages; the first is the best answer and any of them is a right answer.
Pages are site paths under es/: 'es/boundaries/gifts/',
'es/dilemmas/rent-money/', 'es/crisis/', 'es/code/', 'es/decision-model/'; an
FAQ entry is 'es/faq/#<entry-id>' and a glossary term 'es/glossary/#<term-id>'.

The rule a test applies: a query passes when at least one of its pages is among
the first three search results (for 'es/faq/#...' and 'es/glossary/#...', a
result on that page, at that entry where the result carries an anchor).
"""

from __future__ import annotations

QUERIES_ES: list[tuple[str, tuple[str, ...]]] = [
    # --- regalos y dinero ---
    (
        "me regalo una gift card de 50 dolares, la puedo aceptar?",
        ("es/boundaries/gifts/", "es/faq/#can-i-accept-a-gift", "es/dilemmas/gift-card-at-goodbye/"),
    ),
    (
        "una señora me trajo tamales para navidad ¿me los puedo quedar?",
        ("es/boundaries/gifts/", "es/faq/#can-i-accept-a-gift"),
    ),
    ("me pidió dinero prestado, ¿se lo doy?", ("es/faq/#can-i-lend-money", "es/boundaries/money-and-loans/")),
    (
        "le faltan 180 dolares pa la renta y lo van a correr del apartamento",
        ("es/dilemmas/rent-money/", "es/boundaries/money-and-loans/", "es/faq/#can-i-lend-money"),
    ),
    ("un participante me quiere vender su troca bien barata", ("es/boundaries/money-and-loans/",)),
    (
        "quiere que le guarde su tarjeta del banco hasta el miercoles para no gastarse toda la feria",
        ("es/boundaries/money-and-loans/",),
    ),
    (
        "el dueño de un sober living me ofrecio 100 dolares por cada persona que le mande",
        (
            "es/dilemmas/referral-fee-from-a-recovery-home/",
            "es/faq/#paid-for-referrals",
            "es/boundaries/conflicts-of-interest/",
        ),
    ),
    # --- contacto físico y romance ---
    ("¿está bien abrazar a alguien que está llorando?", ("es/faq/#is-a-hug-okay", "es/boundaries/physical-touch/")),
    (
        "siempre me abraza bien fuerte y no me gusta como le digo sin ofenderlo",
        ("es/dilemmas/a-hug-at-the-drop-in/", "es/boundaries/physical-touch/"),
    ),
    ("creo q me gusta una de mis participantes", ("es/boundaries/romantic-and-sexual-relationships/",)),
    (
        "un excliente me invito a cenar, terminamos hace como 8 meses",
        (
            "es/dilemmas/romance-after-support-ends/",
            "es/faq/#dating-someone-i-supported",
            "es/boundaries/romantic-and-sexual-relationships/",
        ),
    ),
    (
        "me manda mensajes en la noche pidiendome una foto",
        ("es/dilemmas/unwanted-comments-from-someone-i-support/", "es/faq/#harassed-by-someone-i-support"),
    ),
    # --- raites ---
    (
        "puedo darle raite al doctor en mi carro",
        ("es/faq/#can-i-give-a-ride", "es/boundaries/giving-rides/", "es/dilemmas/rides-in-my-car/"),
    ),
    (
        "mi aseguranza no cubre si llevo a un cliente en el carro",
        ("es/dilemmas/rides-in-my-car/", "es/boundaries/giving-rides/", "es/faq/#can-i-give-a-ride"),
    ),
    ("¿Le pido un Uber o le doy aventón yo?", ("es/boundaries/giving-rides/", "es/faq/#can-i-give-a-ride")),
    (
        "acaba de salir de la carcel a las 11 de la noche y no tiene raite",
        ("es/dilemmas/released-with-no-ride/", "es/faq/#just-got-out-of-jail"),
    ),
    # --- redes sociales y mensajes ---
    (
        "me mandó friend request en Facebook",
        (
            "es/dilemmas/friend-request/",
            "es/faq/#social-media-friends",
            "es/boundaries/social-media-and-texting/",
        ),
    ),
    (
        "le puedo dar mi numero personal para el WhatsApp",
        (
            "es/faq/#personal-phone-number",
            "es/boundaries/social-media-and-texting/",
            "es/principles/technology-and-social-media/",
        ),
    ),
    (
        "me texteó a medianoche otra vez y ya no duermo",
        ("es/dilemmas/texts-at-midnight/", "es/boundaries/after-hours-contact/"),
    ),
    (
        "si un participante le escribe a usted el domingo que casi consume, ¿le contesta en su día libre?",
        ("es/boundaries/after-hours-contact/",),
    ),
    # --- confidencialidad y quién puede saber ---
    (
        "su mamá me llamó llorando para saber si su hijo viene al programa",
        ("es/principles/confidentiality/", "es/faq/#sharing-with-family-or-probation"),
    ),
    (
        "me llamó el PO preguntando si va a los grupos",
        ("es/dilemmas/probation-officer-calls/", "es/faq/#sharing-with-family-or-probation"),
    ),
    ("que es un ROI", ("es/glossary/#release-of-information", "es/principles/confidentiality/")),
    (
        "la esposa de mi vecino me pregunto por el en el super",
        ("es/dilemmas/my-neighbour-is-on-my-caseload/", "es/principles/confidentiality/"),
    ),
    (
        "la migra vino a la oficina preguntando por un participante",
        ("es/principles/confidentiality/", "es/faq/#why-confidentiality-matters"),
    ),
    (
        "la mama de un chavo de 16 quiere saber todo lo que me contó",
        ("es/faq/#parent-asks-what-my-teen-said", "es/dilemmas/what-did-my-son-tell-you/"),
    ),
    (
        "me dijo que es trans y no quiere que su mamá sepa ni que lo ponga en las notas",
        ("es/dilemmas/keep-it-out-of-my-chart/", "es/faq/#someone-comes-out-to-me"),
    ),
    # --- obligación de reportar ---
    (
        "fui a una visita y los niños estaban solos, tengo q llamar a CPS?",
        (
            "es/dilemmas/home-visit-child-neglect/",
            "es/faq/#do-i-have-to-report-abuse",
            "es/glossary/#mandated-reporter",
        ),
    ),
    (
        "soy persona obligada a reprotar?",
        (
            "es/glossary/#mandated-reporter",
            "es/faq/#do-i-have-to-report-abuse",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    (
        "vi a un compañero con la rodilla en la espalda de un muchacho durante una restricción",
        ("es/dilemmas/what-i-saw-during-the-restraint/", "es/glossary/#protection-and-advocacy-agency"),
    ),
    # --- suicidio y autolesiones ---
    ("alguien me dijo que se quiere matar ¿a quién llamo?", ("es/crisis/", "es/faq/#someone-wants-to-die")),
    ("988 en español", ("es/crisis/", "es/glossary/#crisis-line-988")),
    (
        "me hizo prometer que no le digo a nadie que se quiere suicidar",
        ("es/dilemmas/keep-it-a-secret/", "es/faq/#someone-wants-to-die", "es/crisis/"),
    ),
    ("¡ayuda! se esta cortando otra vez los brazos", ("es/faq/#someone-wants-to-die", "es/crisis/")),
    (
        "se suicidó uno del grupo y en el chat todos preguntan como lo hizo",
        ("es/dilemmas/after-a-death-by-suicide/", "es/glossary/#safe-messaging", "es/glossary/#postvention"),
    ),
    # --- sobredosis ---
    ("puedo traer narcan en mi bolsa en el trabao", ("es/faq/#carrying-naloxone", "es/glossary/#naloxone")),
    (
        "si llamo al 911 por una sobredosis me arrestan a mi?",
        ("es/glossary/#good-samaritan-law", "es/faq/#carrying-naloxone"),
    ),
    (
        "uno de mis muchachos murio de sobredosis anoche",
        ("es/dilemmas/an-overdose-death-in-the-group/", "es/faq/#when-someone-i-support-dies"),
    ),
    (
        "la casa sobria no lo acepta porque toma Suboxone",
        ("es/dilemmas/medication-in-a-sober-house/", "es/glossary/#moud", "es/glossary/#recovery-residence"),
    ),
    # --- amenazas ---
    (
        "dijo que le va a disparar a la vecina si vuelve a llamar a la policia",
        (
            "es/dilemmas/threat-against-a-neighbour/",
            "es/glossary/#duty-to-warn",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    # --- terminar el apoyo ---
    (
        "como le digo a las personas que apoyo que me voy a otra chamba",
        ("es/boundaries/ending-support/", "es/principles/ending-support-well/"),
    ),
    (
        "falto a 3 citas y no contesta el telefono, ¿cierro el caso?",
        (
            "es/boundaries/ending-support/",
            "es/principles/ending-support-well/",
            "es/principles/access-and-inclusion/",
        ),
    ),
    (
        "se acaba el grant del programa y mi jefe dice q no les digamos todavia",
        ("es/principles/ending-support-well/",),
    ),
    # --- compartir mi historia ---
    ("cuanto le cuento de mi hisotria", ("es/boundaries/self-disclosure/", "es/principles/lived-experience/")),
    (
        "me pregunto que medicinas tomo yo, ¿se lo digo?",
        (
            "es/dilemmas/asked-about-my-diagnosis/",
            "es/faq/#sharing-diagnosis-or-medication",
            "es/boundaries/self-disclosure/",
        ),
    ),
    # --- mi propia recuperación ---
    ("recai el fin de semana, le digo a mi jefe?", ("es/dilemmas/my-own-return-to-use/", "es/faq/#if-i-return-to-use")),
    (
        "estoy quemada ya no aguanto la chamba",
        ("es/faq/#am-i-burning-out", "es/glossary/#burnout", "es/principles/personal-recovery-and-self-care/"),
    ),
    (
        "me tienen que internar y la unica cama es en la unidad donde trabajo",
        ("es/dilemmas/a-bed-on-the-unit-where-i-work/",),
    ),
    ("mi compañero huele a alcohol y va a manejar la van", ("es/dilemmas/coworker-using-again/",)),
    # --- relaciones duales y comunidad compartida ---
    ("mi primo ahora está en mi caseload", ("es/boundaries/dual-relationships/",)),
    (
        "lo vi en mi junta de AA, que hago",
        ("es/faq/#same-mutual-help-meeting", "es/boundaries/shared-community-and-meetings/"),
    ),
    (
        "me pidió que sea su padrino en NA",
        (
            "es/dilemmas/same-meeting-sponsor-request/",
            "es/glossary/#sponsor",
            "es/boundaries/shared-community-and-meetings/",
        ),
    ),
    # --- el rol de pares ---
    (
        "me pregunto si puede dejar sus pastillas porque lo hacen sentir lento",
        ("es/principles/scope-of-practice/",),
    ),
    (
        "cual es la diferencia entre un peer y un consejero",
        ("es/faq/#peer-specialist-or-counselor", "es/principles/scope-of-practice/"),
    ),
    # --- supervisión ---
    ("un par puede ser mi supervsor?", ("es/faq/#can-a-peer-supervise-peers",)),
    ("superviso a mi amiga y volvio a tomar", ("es/dilemmas/supervising-my-friend/",)),
    # --- coerción ---
    (
        "el equipo quiere que lo convenza de quedarse en el hospital",
        ("es/dilemmas/persuade-them-to-stay/", "es/principles/no-coercion/"),
    ),
    (
        "Disculpe, ¿es correcto que solo le den pase de autobús a los que vinieron al grupo?",
        ("es/principles/no-coercion/",),
    ),
    ("5150", ("es/glossary/#psychiatric-hold", "es/dilemmas/persuade-them-to-stay/")),
    # --- abogacía ---
    (
        "quiere poner una queja contra la clinica donde yo trabajo",
        ("es/dilemmas/grievance-against-my-employer/", "es/principles/advocacy/", "es/glossary/#grievance"),
    ),
    (
        "en la casa sobria no dejan visitas el primer mes y no ha visto a su hija",
        ("es/principles/advocacy/",),
    ),
    # --- cultura e idioma ---
    (
        "el doctor me pidio que interprete nomas porque hablo español",
        (
            "es/dilemmas/you-speak-spanish-just-interpret/",
            "es/faq/#support-in-another-language",
            "es/glossary/#qualified-interpreter",
        ),
    ),
    ("quiere ir a un temazcal con el curandero y dejar su medicina", ("es/dilemmas/a-healing-ceremony/",)),
    # --- notas y expedientes ---
    (
        "mi jefa quiere que anote el grupo como 5 sesiones individuales",
        ("es/dilemmas/log-the-group-as-one-on-ones/", "es/faq/#asked-to-sign-a-false-note"),
    ),
    ("me pidió que no ponga en las notas que tomo el sabado", ("es/boundaries/notes-and-records/",)),
    (
        "la enfermera quiere que lo ponga como no cumplidor en el expediente",
        ("es/dilemmas/chart-it-as-non-compliant/", "es/boundaries/notes-and-records/"),
    ),
    # --- capacitación, modelo de decisión, el código ---
    ("capacitacion sobre limites para personal nuevo", ("es/training/boundaries-in-practice/",)),
    (
        "juego de roles para explicar los limites de la confidencialidad",
        ("es/training/confidentiality-and-its-limits/",),
    ),
    ("no se que hacer, como decido que es lo correcto", ("es/decision-model/",)),
    ("el codigo completo en una pagina", ("es/code/",)),
]
