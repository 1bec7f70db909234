"""The demo's interactive activities, in our own H5P content types (demo.h5p): a stable
key (its translation key derives from it, so seeding again finds it even renamed), the
content type, and each language's title and content. The Markdown of a tools module
places them (`::: activity <title>`)."""

from demo import h5p

DEMO_ACTIVITIES = [
    (
        "wound",
        h5p.question_package,
        {
            "es": {
                "title": "¿Dónde está la herida?",
                "question": "¿Dónde está la herida del trauma psicosocial?",
                "answers": [
                    ("Solo en la persona que sufrió la violencia", False),
                    ("En las relaciones de una comunidad y una sociedad", True),
                    ("En ningún lado: el miedo pasa solo", False),
                ],
            },
            "en": {
                "title": "Where is the wound?",
                "question": "Where does the wound of psychosocial trauma lie?",
                "answers": [
                    ("Only in the person who suffered the violence", False),
                    ("In the relationships of a community and a society", True),
                    ("Nowhere: fear goes away by itself", False),
                ],
            },
        },
    ),
    (
        "fear-is-not-weakness",
        h5p.true_false_package,
        {
            "es": {
                "title": "¿El miedo es debilidad?",
                "statement": "Sentir miedo ante amenazas reales muestra que una persona es débil.",
                "correct": False,
            },
            "en": {
                "title": "Is fear weakness?",
                "statement": "Feeling afraid of real threats shows that a person is weak.",
                "correct": False,
            },
        },
    ),
    (
        "facing-fear-together",
        h5p.multi_choice_package,
        {
            "es": {
                "title": "Afrontar el miedo en colectivo",
                "question": "¿Qué ayuda a un grupo a afrontar el miedo sin que lo paralice?",
                "answers": [
                    ("Nombrar en voz alta lo que nos da miedo", True),
                    ("Acordar juntas medidas de cuidado y seguridad", True),
                    ("Dejar de hablar del tema para no alarmar a nadie", False),
                    ("Apoyarse en redes de confianza", True),
                ],
            },
            "en": {
                "title": "Facing fear together",
                "question": "What helps a group face fear without being paralysed by it?",
                "answers": [
                    ("Saying out loud what frightens us", True),
                    ("Agreeing together on care and safety measures", True),
                    ("No longer talking about it so as not to alarm anyone", False),
                    ("Leaning on networks of trust", True),
                ],
            },
        },
    ),
    (
        "accompanying-the-search",
        h5p.blanks_package,
        {
            "es": {
                "title": "Acompañar a las familias que buscan",
                "introduction": "Escribe la palabra que falta en cada espacio.",
                "text": (
                    "La desaparición forzada deja a las familias en una *incertidumbre* "
                    "que no termina mientras no se conozca el *paradero* de la persona.\n"
                    "Acompañar no es decir qué sentir: es *escuchar* y sostener la "
                    "*búsqueda* en colectivo."
                ),
            },
            "en": {
                "title": "Accompanying the families who search",
                "introduction": "Write the missing word in each blank.",
                "text": (
                    "Forced disappearance leaves families in an *uncertainty* that does "
                    "not end until the *whereabouts* of the person are known.\n"
                    "Accompanying is not telling people what to feel: it is *listening* "
                    "and carrying the *search* together."
                ),
            },
        },
    ),
    (
        "caring-for-those-who-accompany",
        h5p.true_false_package,
        {
            "es": {
                "title": "Cuidar a quien acompaña",
                "statement": (
                    "Cuidarse es un lujo que quienes acompañan a víctimas no pueden darse."
                ),
                "correct": False,
            },
            "en": {
                "title": "Caring for those who accompany",
                "statement": "Caring for yourself is a luxury that those who accompany victims cannot afford.",
                "correct": False,
            },
        },
    ),
]
