"""Held-out Spanish queries: kept apart from tests/browser/search_queries_es.py and never used to tune.

Written the same way as that table (see its docstring), in a second pass after it was finished.
Measured by bench/search_quality.py only.
"""

from __future__ import annotations

HELD_OUT_ES: list[tuple[str, tuple[str, ...]]] = [
    # --- regalos y dinero ---
    (
        "Me pide que le preste lana para pagar los biles de la luz",
        ("es/faq/#can-i-lend-money", "es/boundaries/money-and-loans/"),
    ),
    (
        "me hizo una pulsera de cuentas y me la dio en su ultima sesion",
        ("es/boundaries/gifts/", "es/dilemmas/gift-card-at-goodbye/", "es/faq/#can-i-accept-a-gift"),
    ),
    (
        "me ofrecen 25 dolares por cada persona que inscriba en un estudio",
        ("es/dilemmas/a-bonus-for-every-sign-up/", "es/faq/#asked-to-recruit-for-a-study"),
    ),
    # --- contacto físico y romance ---
    (
        "le puse la mano en el hombro y brincó, ¿la regué?",
        ("es/boundaries/physical-touch/", "es/faq/#is-a-hug-okay"),
    ),
    (
        "ya no es mi cliente desde el año pasado y nos estamos mensajeando, puedo andar con ella?",
        (
            "es/faq/#dating-someone-i-supported",
            "es/boundaries/romantic-and-sexual-relationships/",
            "es/dilemmas/romance-after-support-ends/",
        ),
    ),
    # --- raites ---
    ("me pidió que parara en la licorería de camino a su casa", ("es/boundaries/giving-rides/",)),
    (
        "vive en el rancho, no hay bus y tiene cita con el dentista a 40 millas",
        ("es/boundaries/giving-rides/", "es/dilemmas/rides-in-my-car/", "es/faq/#can-i-give-a-ride"),
    ),
    # --- redes sociales y mensajes ---
    (
        "puedo seguir en TikTok a alguien q apoyo",
        (
            "es/faq/#social-media-friends",
            "es/boundaries/social-media-and-texting/",
            "es/principles/technology-and-social-media/",
        ),
    ),
    (
        "mi agencia no da telefono de trabajo y me mensajean a mi cel",
        (
            "es/boundaries/social-media-and-texting/",
            "es/faq/#personal-phone-number",
            "es/boundaries/after-hours-contact/",
        ),
    ),
    (
        "una participante nueva esta en el mismo foro de recuperacion en internet que yo",
        ("es/principles/technology-and-social-media/",),
    ),
    # --- confidencialidad y quién puede saber ---
    (
        "¿Puede usted decirle a la familia cómo va la persona?",
        ("es/faq/#sharing-with-family-or-probation", "es/principles/confidentiality/"),
    ),
    (
        "la trabajadora del caso de DCFS quiere saber que me contó la mamá",
        ("es/dilemmas/the-caseworker-wants-to-know/",),
    ),
    # --- obligación de reportar ---
    (
        "no habia comida en el refri y la niña estaba sola con el pañal mojado",
        (
            "es/dilemmas/home-visit-child-neglect/",
            "es/principles/safety-and-duty-to-report/",
            "es/faq/#do-i-have-to-report-abuse",
        ),
    ),
    (
        "mi participante dice que su pareja le pega, tengo que reportarlo?",
        ("es/faq/#do-i-have-to-report-abuse", "es/principles/safety-and-duty-to-report/"),
    ),
    # --- suicidio y autolesiones ---
    (
        "me textio 'ya no le veo sentido a nada' tarde en la noche",
        ("es/boundaries/after-hours-contact/", "es/faq/#someone-wants-to-die", "es/crisis/"),
    ),
    (
        "tiene pastillas guardadas y ya escogio una fecha",
        (
            "es/faq/#someone-wants-to-die",
            "es/glossary/#lethal-means-safety",
            "es/principles/safety-and-duty-to-report/",
        ),
    ),
    ("linea de crisis para jovenes LGBTQ", ("es/crisis/", "es/faq/#someone-wants-to-die")),
    # --- sobredosis ---
    (
        "me pidió jeringas limpas pero vive en una casa donde no se puede consumir",
        ("es/dilemmas/syringes-in-the-backpack/", "es/glossary/#harm-reduction"),
    ),
    (
        "salio de la prision hace una semana, le preocupa la sobredosis",
        ("es/faq/#just-got-out-of-jail", "es/glossary/#reentry-defined", "es/dilemmas/released-with-no-ride/"),
    ),
    # --- amenazas ---
    (
        "me dijo que va a ir con una escopeta a la casa del vecino y luego dijo que era broma",
        ("es/dilemmas/threat-against-a-neighbour/", "es/glossary/#duty-to-warn"),
    ),
    # --- terminar el apoyo ---
    (
        "me invito a su fiesta de cumple una semana despues de terminar el servicio",
        ("es/principles/ending-support-well/", "es/boundaries/professional-and-personal-relationships/"),
    ),
    (
        "me cambio de ciudad el mes que viene y a ella ya la ha dejado mucha gente",
        ("es/boundaries/ending-support/", "es/principles/ending-support-well/"),
    ),
    # --- compartir mi historia ---
    (
        "me preguntó cuál es mi diagnóstico, se lo digo o no",
        (
            "es/faq/#sharing-diagnosis-or-medication",
            "es/dilemmas/asked-about-my-diagnosis/",
            "es/boundaries/self-disclosure/",
        ),
    ),
    # --- mi propia recuperación ---
    (
        "es el aniversario de la muerte de mi hermano y no me puedo concentrar en el turno",
        ("es/principles/personal-recovery-and-self-care/",),
    ),
    (
        "escuchar tanto dolor me está afectando hasta en la casa",
        (
            "es/glossary/#compassion-fatigue",
            "es/principles/personal-recovery-and-self-care/",
            "es/faq/#am-i-burning-out",
        ),
    ),
    # --- relaciones duales y comunidad compartida ---
    (
        "los dos cantamos en el mismo coro de la iglesia",
        ("es/boundaries/dual-relationships/", "es/boundaries/shared-community-and-meetings/"),
    ),
    (
        "en un pueblo chico todos se conocen, como le hago",
        (
            "es/boundaries/shared-community-and-meetings/",
            "es/boundaries/dual-relationships/",
            "es/dilemmas/my-neighbour-is-on-my-caseload/",
        ),
    ),
    # --- el rol de pares ---
    (
        "su hija me dice 'el nuevo consejero' de su papá, la corrijo?",
        (
            "es/principles/honesty-and-transparency/",
            "es/faq/#peer-specialist-or-counselor",
            "es/principles/scope-of-practice/",
        ),
    ),
    # --- supervisión ---
    (
        "mi nueva supervisora es enfermera y quiere que presione a la gente a tomar sus medicamentos",
        ("es/principles/supervision-and-learning/", "es/faq/#employer-asks-against-values"),
    ),
    # --- coerción y presión del sistema ---
    (
        "su directiva anticipada dice que no quiere esa medicina pero el equipo se la quiere dar",
        ("es/dilemmas/her-advance-directive-says-no/", "es/glossary/#psychiatric-advance-directive"),
    ),
    (
        "la corte de drogas quiere que yo vigile las pruebas de orina",
        ("es/dilemmas/asked-to-run-drug-screens/", "es/faq/#employer-asks-against-values"),
    ),
    (
        "el guardia de la carcel quiere que le diga quien mete droga, no soy chota",
        ("es/dilemmas/officer-wants-names/",),
    ),
    # --- abogacía ---
    (
        "a varios les cortaron los beneficios por una carta que mandaron a una direccion vieja",
        ("es/principles/advocacy/",),
    ),
    (
        "van a desalojar el campamento el viernes y me pidio guardar sus papeles y medicinas en mi casa",
        ("es/dilemmas/the-sweep-is-on-friday/", "es/glossary/#encampment-sweep"),
    ),
    # --- cultura, idioma y acceso ---
    (
        "solo habla mixteco y la clinica no tiene interprete",
        (
            "es/faq/#support-in-another-language",
            "es/glossary/#limited-english-proficiency",
            "es/principles/access-and-inclusion/",
        ),
    ),
    (
        "el señor es sordo, le escribo en papel o pido interprete?",
        ("es/faq/#supporting-a-deaf-person", "es/glossary/#qualified-interpreter"),
    ),
    (
        "una vecina llamó al 911 por un hombre negro en crisis en su propio porche",
        ("es/dilemmas/the-neighbor-called-911/", "es/glossary/#mobile-crisis-team"),
    ),
    # --- notas y expedientes ---
    (
        "me dicen que firme notas de visitas que no hice para que paguen",
        ("es/faq/#asked-to-sign-a-false-note", "es/dilemmas/log-the-group-as-one-on-ones/"),
    ),
    ("quien puede ver lo que escribo en el expedinte", ("es/boundaries/notes-and-records/",)),
    # --- capacitación ---
    ("curso de etica para peers nuevos", ("es/training/introduction-to-peer-ethics/",)),
]
