"""The demo series: six booklets, five modules each, in Spanish and English.

Short original summaries written for Claves; they describe each topic in our own words
and quote no publication. Blocks are written as tuples and turned into StreamField data
by `booklets.demo.loader`:

    ("text", html)                              ("concept", glossary_key, note)
    ("case", title, narrative_html, notice)     ("question", question, guidance)
    ("tool", name, purpose, steps, minutes, materials)
    ("quote", words, attribution)               ("pause", title, instructions, seconds)
    ("warning", warning, [inner blocks])        ("facilitator", html)
    ("image", alt_text, caption)                ("source", author, title, year, publisher)
"""

FACILITATION_TITLE = {"es": "Guía para facilitar", "en": "Facilitator guide"}
TOOLS_TITLE = {"es": "Herramientas de acompañamiento", "en": "Tools of accompaniment"}

BOOKLETS = [
    {
        "number": 1,
        "colour": "plum",
        "slug": {"es": "represion-politica-y-miedo", "en": "political-repression-and-fear"},
        "title": {"es": "Represión política y miedo", "en": "Political repression and fear"},
        "summary": {
            "es": "Cómo la represión usa el miedo para paralizar a personas y colectivos, "
            "y cómo se puede nombrar, compartir y transformar ese miedo.",
            "en": "How repression uses fear to paralyse people and groups, and how that "
            "fear can be named, shared and transformed.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 25,
                "slug": {"es": "el-miedo-como-estrategia", "en": "fear-as-a-strategy"},
                "title": {"es": "El miedo como estrategia", "en": "Fear as a strategy"},
                "objectives": {
                    "es": "Distinguir el miedo individual del miedo usado como estrategia política.\n"
                    "Reconocer la violencia sociopolítica en la vida cotidiana.",
                    "en": "Tell individual fear apart from fear used as a political strategy.\n"
                    "Recognise sociopolitical violence in everyday life.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<h2>Un miedo que no es solo tuyo</h2><p>El miedo es una "
                            "reacción que protege. Pero cuando un poder lo provoca a propósito, "
                            "con amenazas, vigilancia o castigos ejemplares, se vuelve una "
                            "herramienta para que la gente deje de organizarse.</p>",
                        ),
                        (
                            "concept",
                            "sociopolitical-violence",
                            "Aquí la usamos para entender por qué el miedo no es un asunto privado.",
                        ),
                        ("concept", "trauma", ""),
                        (
                            "question",
                            "¿Qué cambió en tu colectivo la última vez que recibieron una amenaza?",
                            "Piensa en lo que dejaron de hacer y en lo que empezaron a hacer.",
                        ),
                        (
                            "source",
                            "Martín-Baró, Ignacio",
                            "Psicología social de la guerra",
                            1990,
                            "UCA Editores",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<h2>A fear that is not only yours</h2><p>Fear is a "
                            "reaction that protects. But when a power provokes it on purpose, "
                            "with threats, surveillance or exemplary punishment, it becomes a "
                            "tool to make people stop organising.</p>",
                        ),
                        (
                            "concept",
                            "sociopolitical-violence",
                            "We use it here to see why fear is not a private matter.",
                        ),
                        ("concept", "trauma", ""),
                        (
                            "question",
                            "What changed in your group the last time it received a threat?",
                            "Think of what you stopped doing and of what you began to do.",
                        ),
                        (
                            "source",
                            "Martín-Baró, Ignacio",
                            "Psicología social de la guerra",
                            1990,
                            "UCA Editores",
                        ),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 30,
                "slug": {"es": "leer-el-contexto", "en": "reading-the-context"},
                "title": {
                    "es": "Leer el contexto de la represión",
                    "en": "Reading the context of repression",
                },
                "objectives": {
                    "es": "Mapear actores, intereses y formas de represión en un territorio.",
                    "en": "Map the actors, interests and forms of repression in a territory.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Analizar el contexto es preguntarse quién gana con el "
                            "miedo, qué proyectos económicos o políticos están en juego y qué "
                            "actores, estatales o no, ejercen la violencia.</p>",
                        ),
                        (
                            "tool",
                            "Mapa de actores",
                            "Ver con claridad quién apoya, quién amenaza y quién observa.",
                            [
                                "Escriban en el centro el nombre del colectivo.",
                                "Alrededor, anoten los actores que influyen en su trabajo.",
                                "Unan con líneas de colores: apoyo, tensión, amenaza.",
                                "Conversen qué cambió en el último año.",
                            ],
                            45,
                            ["Papel grande", "Marcadores de tres colores"],
                        ),
                        (
                            "facilitator",
                            "<p>Cuida que el mapa no se guarde con nombres reales "
                            "si el grupo teme la vigilancia: usen claves o tomen solo una foto "
                            "sin identificar.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Analysing the context means asking who gains from "
                            "fear, which economic or political projects are at stake, and "
                            "which actors, State or not, use violence.</p>",
                        ),
                        (
                            "tool",
                            "Actor map",
                            "To see clearly who supports, who threatens and who watches.",
                            [
                                "Write the group's name in the centre.",
                                "Around it, note the actors that affect your work.",
                                "Join them with coloured lines: support, tension, threat.",
                                "Talk about what changed in the last year.",
                            ],
                            45,
                            ["Large sheet of paper", "Markers in three colours"],
                        ),
                        (
                            "facilitator",
                            "<p>Make sure the map is not kept with real names if "
                            "the group fears surveillance: use codes, or take a single photo "
                            "that identifies no one.</p>",
                        ),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 20,
                "sensitivity": "sensitive",
                "slug": {"es": "casos-de-miedo", "en": "cases-of-fear"},
                "title": {
                    "es": "Casos: el miedo en una organización",
                    "en": "Cases: fear in an organisation",
                },
                "objectives": {
                    "es": "Identificar impactos y mecanismos de afrontamiento en un caso.",
                    "en": "Identify impacts and coping mechanisms in a case.",
                },
                "body": {
                    "es": [
                        (
                            "warning",
                            "Este caso habla de amenazas y vigilancia.",
                            [
                                (
                                    "case",
                                    "Una radio comunitaria",
                                    "<p>Después de unas llamadas anónimas, el equipo de una radio "
                                    "comunitaria deja de salir al aire de noche. Algunas personas "
                                    "se culpan entre sí; otras proponen trabajar en parejas.</p>",
                                    "<p>La culpa como impacto; el trabajo en parejas como afrontamiento.</p>",
                                ),
                            ],
                        ),
                        ("concept", "impacts", ""),
                        ("concept", "coping", ""),
                        (
                            "pause",
                            "Una pausa",
                            "Antes de seguir, mira a tu alrededor y nombra en voz baja tres cosas que ves.",
                            60,
                        ),
                    ],
                    "en": [
                        (
                            "warning",
                            "This case speaks of threats and surveillance.",
                            [
                                (
                                    "case",
                                    "A community radio",
                                    "<p>After some anonymous calls, the team of a community radio "
                                    "stops broadcasting at night. Some blame each other; others "
                                    "propose working in pairs.</p>",
                                    "<p>Guilt as an impact; working in pairs as a coping mechanism.</p>",
                                ),
                            ],
                        ),
                        ("concept", "impacts", ""),
                        ("concept", "coping", ""),
                        (
                            "pause",
                            "A pause",
                            "Before going on, look around you and quietly name three things you can see.",
                            60,
                        ),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 35,
                "slug": {"es": "herramientas-frente-al-miedo", "en": "tools-to-face-fear"},
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Practicar una herramienta para hablar del miedo en grupo.",
                    "en": "Practise a tool for talking about fear in a group.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Ronda del miedo",
                            "Nombrar el miedo en voz alta para que deje de aislar.",
                            [
                                "Cada persona completa la frase: «Tengo miedo de…».",
                                "Nadie comenta ni aconseja durante la ronda.",
                                "Al final, el grupo busca lo que se repite.",
                                "Acuerdan una medida de cuidado para lo que más se repite.",
                            ],
                            30,
                            ["Un espacio tranquilo"],
                        ),
                        (
                            "quote",
                            "Cuando dijimos el miedo en voz alta, pesó menos.",
                            "Integrante de un colectivo",
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Fear round",
                            "Saying fear out loud so that it stops isolating people.",
                            [
                                "Each person completes the sentence: 'I am afraid of…'.",
                                "Nobody comments or advises during the round.",
                                "At the end, the group looks for what repeats.",
                                "Agree on one care measure for what repeats most.",
                            ],
                            30,
                            ["A quiet space"],
                        ),
                        (
                            "quote",
                            "When we said our fear out loud, it weighed less.",
                            "Member of a collective",
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar la sesión sobre represión y miedo.",
                    "en": "Prepare the session on repression and fear.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>La sesión dura unas tres horas: conceptos, mapa de "
                            "actores, un caso y la ronda del miedo. Abre y cierra con un "
                            "momento de respiración.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Si alguien vive una amenaza activa, no la uses como "
                            "ejemplo en el grupo: habla en privado y revisa su plan de seguridad.</p>",
                        ),
                        (
                            "image",
                            "Un círculo de sillas en un salón comunitario",
                            "Un espacio preparado para la sesión",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>The session lasts about three hours: concepts, actor "
                            "map, a case and the fear round. Open and close with a moment of "
                            "breathing.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>If someone is living under an active threat, do not "
                            "use it as an example in the group: talk in private and review their "
                            "security plan.</p>",
                        ),
                        (
                            "image",
                            "A circle of chairs in a community hall",
                            "A room prepared for the session",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "number": 2,
        "colour": "indigo",
        "slug": {"es": "desaparicion-forzada", "en": "forced-disappearance"},
        "title": {"es": "Desaparición forzada", "en": "Forced disappearance"},
        "summary": {
            "es": "La desaparición como herida abierta para familias y comunidades, y el "
            "acompañamiento a quienes buscan.",
            "en": "Disappearance as an open wound for families and communities, and the "
            "accompaniment of those who search.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 25,
                "slug": {"es": "una-perdida-sin-cierre", "en": "a-loss-without-closure"},
                "title": {"es": "Una pérdida sin cierre", "en": "A loss without closure"},
                "objectives": {
                    "es": "Comprender la pérdida ambigua y sus efectos en la familia.",
                    "en": "Understand ambiguous loss and its effects on the family.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Sin un cuerpo y sin verdad, el duelo no puede seguir su "
                            "curso. La familia vive entre la esperanza y el miedo, y la vida "
                            "cotidiana se organiza alrededor de la búsqueda.</p>",
                        ),
                        (
                            "concept",
                            "truth-justice",
                            "La búsqueda es también una exigencia de verdad.",
                        ),
                        (
                            "question",
                            "¿Qué necesita una familia que busca, además de información?",
                            "",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Without a body and without the truth, grief cannot run "
                            "its course. The family lives between hope and fear, and daily life "
                            "is organised around the search.</p>",
                        ),
                        ("concept", "truth-justice", "Searching is also a demand for truth."),
                        ("question", "What does a searching family need, besides information?", ""),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 25,
                "slug": {"es": "contexto-de-la-busqueda", "en": "context-of-the-search"},
                "title": {"es": "El contexto de la búsqueda", "en": "The context of the search"},
                "objectives": {
                    "es": "Reconocer los riesgos que enfrentan los colectivos de búsqueda.",
                    "en": "Recognise the risks that search collectives face.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Los colectivos de familias buscan en fosas, en "
                            "expedientes y en instituciones. Lo hacen muchas veces ante la "
                            "indiferencia de las autoridades y con riesgo para su seguridad.</p>",
                        ),
                        (
                            "concept",
                            "fields",
                            "La seguridad es uno de los cuatro campos del trabajo.",
                        ),
                        (
                            "facilitator",
                            "<p>Pregunta al grupo qué protocolos de seguridad ya "
                            "usan antes de proponer otros.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Family collectives search in graves, in case files and "
                            "in institutions. They often do so in the face of the authorities' "
                            "indifference and at risk to their safety.</p>",
                        ),
                        ("concept", "fields", "Security is one of the four fields of the work."),
                        (
                            "facilitator",
                            "<p>Ask the group which security protocols they already "
                            "use before proposing others.</p>",
                        ),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 20,
                "sensitivity": "explicit",
                "slug": {"es": "casos-de-busqueda", "en": "search-cases"},
                "title": {"es": "Casos: una madre que busca", "en": "Cases: a mother who searches"},
                "objectives": {
                    "es": "Analizar impactos psicosociales en una familia que busca.",
                    "en": "Analyse psychosocial impacts on a searching family.",
                },
                "body": {
                    "es": [
                        (
                            "warning",
                            "Este caso describe la búsqueda en una fosa clandestina.",
                            [
                                (
                                    "case",
                                    "La búsqueda de Marta",
                                    "<p>Marta, un nombre inventado, lleva cuatro años buscando a su "
                                    "hijo. Participa en brigadas de búsqueda en el campo. Cuenta que "
                                    "duerme poco y que su otra hija siente que la dejó de ver.</p>",
                                    "<p>El cansancio, la culpa y la tensión familiar; la brigada como "
                                    "espacio de apoyo.</p>",
                                ),
                            ],
                        ),
                        (
                            "pause",
                            "Respira",
                            "Exhala más largo de lo que inhalas, cinco veces.",
                            45,
                        ),
                        ("concept", "collective-memory", ""),
                    ],
                    "en": [
                        (
                            "warning",
                            "This case describes a search at a clandestine grave.",
                            [
                                (
                                    "case",
                                    "Marta's search",
                                    "<p>Marta, an invented name, has been searching for her son for "
                                    "four years. She takes part in search brigades in the field. She "
                                    "says she sleeps little and that her daughter feels she stopped "
                                    "seeing her.</p>",
                                    "<p>Exhaustion, guilt and family tension; the brigade as a space "
                                    "of support.</p>",
                                ),
                            ],
                        ),
                        (
                            "pause",
                            "Breathe",
                            "Breathe out for longer than you breathe in, five times.",
                            45,
                        ),
                        ("concept", "collective-memory", ""),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 30,
                "slug": {
                    "es": "herramientas-para-acompanar-la-busqueda",
                    "en": "tools-for-accompanying-the-search",
                },
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Usar un ritual de memoria con un colectivo de familias.",
                    "en": "Use a memory ritual with a collective of families.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Altar de la memoria",
                            "Dar un lugar colectivo a quienes faltan.",
                            [
                                "Cada familia trae un objeto que recuerde a su ser querido.",
                                "Se colocan en el centro, en silencio.",
                                "Quien quiera, cuenta algo de esa persona.",
                                "Se cierra con una palabra del grupo.",
                            ],
                            40,
                            ["Una mesa o un paño", "Velas", "Los objetos de las familias"],
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Memory altar",
                            "Giving those who are missing a shared place.",
                            [
                                "Each family brings an object that recalls their loved one.",
                                "The objects are placed in the centre, in silence.",
                                "Whoever wishes tells something about that person.",
                                "Close with one word from the group.",
                            ],
                            40,
                            ["A table or a cloth", "Candles", "The families' objects"],
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar una sesión con familias que buscan.",
                    "en": "Prepare a session with searching families.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Con familias, la sesión se adapta a sus tiempos: puede "
                            "coincidir con fechas de búsqueda o aniversarios.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Ten a mano contactos de apoyo emocional para "
                            "después de la sesión; algunas personas pueden necesitar hablar a "
                            "solas.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>With families, the session adapts to their rhythm: it "
                            "may fall on search dates or anniversaries.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Keep contacts for emotional support at hand for "
                            "after the session; some people may need to talk alone.</p>",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "number": 3,
        "colour": "teal",
        "slug": {"es": "desplazamiento-forzado", "en": "forced-displacement"},
        "title": {"es": "Desplazamiento forzado", "en": "Forced displacement"},
        "summary": {
            "es": "Dejar la tierra y la comunidad por la violencia: las pérdidas, el "
            "desarraigo y la reconstrucción de la vida en otro lugar.",
            "en": "Leaving land and community because of violence: the losses, the "
            "uprooting and rebuilding life somewhere else.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 20,
                "slug": {"es": "perder-el-lugar", "en": "losing-ones-place"},
                "title": {"es": "Perder el lugar", "en": "Losing one's place"},
                "objectives": {
                    "es": "Nombrar las pérdidas materiales y simbólicas del desplazamiento.",
                    "en": "Name the material and symbolic losses of displacement.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Quien se desplaza no pierde solo una casa: pierde "
                            "vecinos, oficio, idioma cotidiano, tumbas de sus muertos y el "
                            "papel que tenía en su comunidad.</p>",
                        ),
                        ("concept", "impacts", ""),
                        (
                            "concept",
                            "intersectionality",
                            "El desplazamiento no golpea igual a una niña que a un anciano.",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Someone who is displaced loses more than a house: they "
                            "lose neighbours, trade, everyday language, the graves of their "
                            "dead and the role they had in their community.</p>",
                        ),
                        ("concept", "impacts", ""),
                        (
                            "concept",
                            "intersectionality",
                            "Displacement does not strike a girl and an old man alike.",
                        ),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 25,
                "slug": {"es": "por-que-se-desplaza-la-gente", "en": "why-people-are-displaced"},
                "title": {"es": "Por qué se desplaza la gente", "en": "Why people are displaced"},
                "objectives": {
                    "es": "Relacionar el desplazamiento con intereses sobre el territorio.",
                    "en": "Relate displacement to interests in the territory.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Detrás de muchos desplazamientos hay disputas por la "
                            "tierra, el agua o las rutas. Nombrar esos intereses ayuda a que "
                            "las personas no carguen con la culpa de haberse ido.</p>",
                        ),
                        ("question", "¿Qué intereses hay sobre el territorio de tu comunidad?", ""),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Behind many displacements lie disputes over land, water "
                            "or routes. Naming those interests helps people not to carry the "
                            "guilt of having left.</p>",
                        ),
                        ("question", "What interests are there in your community's territory?", ""),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 20,
                "sensitivity": "sensitive",
                "slug": {"es": "casos-de-desplazamiento", "en": "displacement-cases"},
                "title": {
                    "es": "Casos: una familia en la ciudad",
                    "en": "Cases: a family in the city",
                },
                "objectives": {
                    "es": "Reconocer el afrontamiento en la llegada a un lugar nuevo.",
                    "en": "Recognise coping on arrival in a new place.",
                },
                "body": {
                    "es": [
                        (
                            "warning",
                            "Este caso menciona una huida por amenazas.",
                            [
                                (
                                    "case",
                                    "Llegar sin nada",
                                    "<p>Una familia campesina llega a la ciudad tras una amenaza. "
                                    "Los hijos dejan la escuela; el padre no encuentra trabajo. La "
                                    "madre se une a un grupo de mujeres desplazadas.</p>",
                                    "<p>El grupo de mujeres como red de apoyo y de información.</p>",
                                ),
                            ],
                        ),
                    ],
                    "en": [
                        (
                            "warning",
                            "This case mentions fleeing because of threats.",
                            [
                                (
                                    "case",
                                    "Arriving with nothing",
                                    "<p>A farming family arrives in the city after a threat. The "
                                    "children leave school; the father finds no work. The mother "
                                    "joins a group of displaced women.</p>",
                                    "<p>The women's group as a network of support and information.</p>",
                                ),
                            ],
                        ),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 30,
                "slug": {"es": "herramientas-de-arraigo", "en": "tools-for-putting-down-roots"},
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Usar la línea de vida para reconocer recursos propios.",
                    "en": "Use the lifeline to recognise one's own resources.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Línea de vida",
                            "Ver la historia propia más allá de la huida.",
                            [
                                "Dibuja una línea del nacimiento a hoy.",
                                "Marca momentos difíciles y momentos buenos.",
                                "Junto a cada momento difícil, anota qué te ayudó.",
                                "Comparte en parejas solo lo que quieras.",
                            ],
                            40,
                            ["Hojas", "Lápices"],
                        ),
                        (
                            "pause",
                            "Pies en la tierra",
                            "Siente el peso de tu cuerpo en la silla y en el suelo.",
                            60,
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Lifeline",
                            "Seeing one's own story beyond the flight.",
                            [
                                "Draw a line from birth to today.",
                                "Mark hard moments and good moments.",
                                "Beside each hard moment, note what helped you.",
                                "Share in pairs only what you want to.",
                            ],
                            40,
                            ["Sheets of paper", "Pencils"],
                        ),
                        (
                            "pause",
                            "Feet on the ground",
                            "Feel the weight of your body on the chair and on the floor.",
                            60,
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar una sesión con personas desplazadas.",
                    "en": "Prepare a session with displaced people.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Pregunta antes por el idioma, los horarios posibles y "
                            "si hay niñas y niños que necesiten cuidado durante la sesión.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>No pidas a nadie que cuente cómo huyó. Si surge, "
                            "escucha y devuelve el foco a lo que ayudó.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Ask beforehand about language, possible times and "
                            "whether children will need care during the session.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Never ask anyone to tell how they fled. If it "
                            "comes up, listen and bring the focus back to what helped.</p>",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "number": 4,
        "colour": "slate",
        "slug": {"es": "detencion-arbitraria", "en": "arbitrary-detention"},
        "title": {"es": "Detención arbitraria", "en": "Arbitrary detention"},
        "summary": {
            "es": "La privación injusta de la libertad, sus efectos en la persona detenida "
            "y en su familia, y el acompañamiento durante el proceso legal.",
            "en": "The unjust deprivation of liberty, its effects on the detained person "
            "and their family, and accompaniment through the legal process.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 20,
                "slug": {"es": "privar-de-la-libertad", "en": "depriving-of-liberty"},
                "title": {"es": "Privar de la libertad", "en": "Depriving of liberty"},
                "objectives": {
                    "es": "Entender la detención arbitraria como castigo político.",
                    "en": "Understand arbitrary detention as political punishment.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Una detención es arbitraria cuando no tiene base legal o "
                            "se usa para castigar la protesta. Además de la persona presa, "
                            "busca asustar a quienes la rodean.</p>",
                        ),
                        ("concept", "political-subject", ""),
                        ("concept", "defenders", ""),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>A detention is arbitrary when it has no legal basis or "
                            "is used to punish protest. Beyond the person in prison, it aims to "
                            "frighten those around them.</p>",
                        ),
                        ("concept", "political-subject", ""),
                        ("concept", "defenders", ""),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 20,
                "slug": {"es": "el-proceso-legal", "en": "the-legal-process"},
                "title": {
                    "es": "El proceso legal como contexto",
                    "en": "The legal process as context",
                },
                "objectives": {
                    "es": "Reconocer las etapas del proceso y sus momentos de mayor tensión.",
                    "en": "Recognise the stages of the process and its most tense moments.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<ul><li>Detención y primeras horas.</li><li>Audiencias.</li>"
                            "<li>Espera de la sentencia.</li><li>Salida y regreso a la comunidad.</li></ul>"
                            "<p>Cada etapa pide un acompañamiento distinto.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Coordina con el equipo legal antes de hablar de "
                            "fechas de audiencias con la familia.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<ul><li>Arrest and the first hours.</li><li>Hearings.</li>"
                            "<li>Waiting for the sentence.</li><li>Release and return to the community.</li></ul>"
                            "<p>Each stage calls for a different accompaniment.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Coordinate with the legal team before discussing "
                            "hearing dates with the family.</p>",
                        ),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 20,
                "sensitivity": "sensitive",
                "slug": {"es": "casos-de-detencion", "en": "detention-cases"},
                "title": {"es": "Casos: un defensor preso", "en": "Cases: a defender in prison"},
                "objectives": {
                    "es": "Ver cómo la detención afecta a la organización entera.",
                    "en": "See how detention affects the whole organisation.",
                },
                "body": {
                    "es": [
                        (
                            "warning",
                            "Este caso menciona malos tratos en una detención.",
                            [
                                (
                                    "case",
                                    "El vocero de la asamblea",
                                    "<p>El vocero de una asamblea contra una mina es detenido sin "
                                    "orden. La asamblea se divide entre quienes quieren protestar y "
                                    "quienes prefieren esperar.</p>",
                                    "<p>La división como impacto buscado por la detención.</p>",
                                ),
                            ],
                        ),
                        (
                            "quote",
                            "Nos encerraron a uno para callarnos a todos.",
                            "Integrante de una asamblea comunitaria",
                        ),
                    ],
                    "en": [
                        (
                            "warning",
                            "This case mentions ill-treatment during a detention.",
                            [
                                (
                                    "case",
                                    "The assembly's spokesperson",
                                    "<p>The spokesperson of an assembly against a mine is detained "
                                    "without a warrant. The assembly splits between those who want "
                                    "to protest and those who prefer to wait.</p>",
                                    "<p>Division as the impact the detention sought.</p>",
                                ),
                            ],
                        ),
                        (
                            "quote",
                            "They locked one of us up to silence us all.",
                            "Member of a community assembly",
                        ),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 30,
                "slug": {"es": "herramientas-para-la-familia", "en": "tools-for-the-family"},
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Preparar con la familia la visita y la audiencia.",
                    "en": "Prepare the visit and the hearing with the family.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Preparar la audiencia",
                            "Que la familia llegue sabiendo qué puede pasar.",
                            [
                                "Repasen juntos qué ocurrirá y quién hablará.",
                                "Acuerden una señal para salir si alguien se siente mal.",
                                "Planeen quién acompaña de ida y de vuelta.",
                                "Después, reserven un rato para hablar de cómo fue.",
                            ],
                            30,
                            [],
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Preparing for the hearing",
                            "So the family arrives knowing what may happen.",
                            [
                                "Go over together what will happen and who will speak.",
                                "Agree on a signal to leave if someone feels unwell.",
                                "Plan who goes with them there and back.",
                                "Afterwards, keep some time to talk about how it went.",
                            ],
                            30,
                            [],
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar la sesión sobre detención arbitraria.",
                    "en": "Prepare the session on arbitrary detention.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Invita, si es posible, a alguien del equipo legal para "
                            "explicar las etapas del proceso en lenguaje sencillo.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Las personas que estuvieron presas pueden "
                            "reaccionar a puertas cerradas o a ciertos sonidos: pregunta cómo "
                            "prefieren el espacio.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>If possible, invite someone from the legal team to "
                            "explain the stages of the process in plain words.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>People who were imprisoned may react to closed "
                            "doors or certain sounds: ask how they prefer the room.</p>",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "number": 5,
        "colour": "wine",
        "slug": {"es": "tortura-y-tortura-sexual", "en": "torture-and-sexual-torture"},
        "title": {"es": "Tortura y tortura sexual", "en": "Torture and sexual torture"},
        "summary": {
            "es": "La tortura como ataque a la dignidad y a los vínculos, la tortura sexual "
            "desde una perspectiva de género, y el acompañamiento a sobrevivientes.",
            "en": "Torture as an attack on dignity and bonds, sexual torture from a gender "
            "perspective, and the accompaniment of survivors.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 25,
                "sensitivity": "sensitive",
                "slug": {"es": "que-busca-la-tortura", "en": "what-torture-seeks"},
                "title": {"es": "Qué busca la tortura", "en": "What torture seeks"},
                "objectives": {
                    "es": "Comprender la tortura como estrategia de destrucción de la persona y del grupo.",
                    "en": "Understand torture as a strategy to destroy the person and the group.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>La tortura no busca solo información: busca quebrar a "
                            "la persona, sembrar culpa y vergüenza y enviar un mensaje a su "
                            "comunidad.</p>",
                        ),
                        ("concept", "gender", "La tortura sexual usa el género como arma."),
                        (
                            "pause",
                            "Un momento para ti",
                            "Si algo de lo leído te pesa, detente. Puedes volver más tarde.",
                            90,
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Torture does not seek only information: it seeks to "
                            "break the person, to sow guilt and shame, and to send a message to "
                            "their community.</p>",
                        ),
                        ("concept", "gender", "Sexual torture uses gender as a weapon."),
                        (
                            "pause",
                            "A moment for you",
                            "If something you read weighs on you, stop. You can come back later.",
                            90,
                        ),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 20,
                "sensitivity": "sensitive",
                "slug": {"es": "tortura-e-impunidad", "en": "torture-and-impunity"},
                "title": {"es": "Tortura e impunidad", "en": "Torture and impunity"},
                "objectives": {
                    "es": "Relacionar la impunidad con la repetición del daño.",
                    "en": "Relate impunity to the repetition of harm.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Cuando la tortura queda impune, el daño se renueva: "
                            "la sobreviviente ve a sus agresores libres y el mensaje de miedo "
                            "se extiende.</p>",
                        ),
                        ("concept", "truth-justice", ""),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>When torture goes unpunished, the harm is renewed: the "
                            "survivor sees her aggressors free and the message of fear "
                            "spreads.</p>",
                        ),
                        ("concept", "truth-justice", ""),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 20,
                "sensitivity": "explicit",
                "slug": {"es": "casos-de-sobrevivientes", "en": "survivor-cases"},
                "title": {
                    "es": "Casos: sobrevivir y denunciar",
                    "en": "Cases: surviving and reporting",
                },
                "objectives": {
                    "es": "Reconocer el afrontamiento de una sobreviviente que denuncia.",
                    "en": "Recognise the coping of a survivor who reports.",
                },
                "body": {
                    "es": [
                        (
                            "warning",
                            "Este caso menciona tortura sexual durante una detención.",
                            [
                                (
                                    "case",
                                    "Una denuncia colectiva",
                                    "<p>Varias mujeres detenidas en una protesta deciden denunciar "
                                    "juntas la violencia sexual que sufrieron. Se reúnen cada mes y "
                                    "se acompañan a cada diligencia.</p>",
                                    "<p>La denuncia colectiva como forma de romper el aislamiento y "
                                    "la vergüenza impuestos.</p>",
                                ),
                            ],
                        ),
                        (
                            "pause",
                            "Respira con calma",
                            "Pon una mano en el pecho y siente cómo sube y baja.",
                            60,
                        ),
                        (
                            "facilitator",
                            "<p>No leas este caso en voz alta sin avisar antes. "
                            "Ofrece siempre la opción de salir de la sala.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "warning",
                            "This case mentions sexual torture during a detention.",
                            [
                                (
                                    "case",
                                    "A collective complaint",
                                    "<p>Several women detained at a protest decide to report "
                                    "together the sexual violence they suffered. They meet every "
                                    "month and go with each other to every legal step.</p>",
                                    "<p>The collective complaint as a way to break the isolation and "
                                    "shame imposed on them.</p>",
                                ),
                            ],
                        ),
                        (
                            "pause",
                            "Breathe calmly",
                            "Put a hand on your chest and feel it rise and fall.",
                            60,
                        ),
                        (
                            "facilitator",
                            "<p>Never read this case aloud without warning first. "
                            "Always offer the option of leaving the room.</p>",
                        ),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 30,
                "slug": {"es": "herramientas-con-sobrevivientes", "en": "tools-with-survivors"},
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Acordar con una sobreviviente un espacio seguro de trabajo.",
                    "en": "Agree a safe working space with a survivor.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Acuerdos de espacio seguro",
                            "Que la sobreviviente decida cómo y cuándo hablar.",
                            [
                                "Pregunta dónde y con quién prefiere reunirse.",
                                "Acuerden que puede parar en cualquier momento.",
                                "Nombren juntas una persona de confianza a quien llamar después.",
                                "Revisen los acuerdos al inicio de cada encuentro.",
                            ],
                            20,
                            [],
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Safe-space agreements",
                            "So the survivor decides how and when to speak.",
                            [
                                "Ask where and with whom she prefers to meet.",
                                "Agree that she can stop at any moment.",
                                "Together, name a trusted person to call afterwards.",
                                "Review the agreements at the start of each meeting.",
                            ],
                            20,
                            [],
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar una sesión sobre tortura sin retraumatizar.",
                    "en": "Prepare a session on torture without retraumatising.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Trabaja con grupos pequeños y con dos personas "
                            "facilitadoras, para que una pueda salir con quien lo necesite.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Prepara un cierre corporal y tranquilo; no "
                            "termines la sesión con el caso.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Work with small groups and two facilitators, so that "
                            "one can step out with whoever needs it.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Prepare a calm, bodily closing; never end the "
                            "session on the case.</p>",
                        ),
                    ],
                },
            },
        ],
    },
    {
        "number": 6,
        "colour": "forest",
        "slug": {
            "es": "fortalecimiento-de-quienes-acompanan",
            "en": "strengthening-those-who-accompany",
        },
        "title": {
            "es": "Fortalecimiento de quienes acompañan",
            "en": "Strengthening those who accompany",
        },
        "summary": {
            "es": "Quienes acompañan también se ven afectados: el desgaste, el cuidado "
            "propio y colectivo, y la fuerza de los equipos.",
            "en": "Those who accompany are affected too: wear and tear, self-care and "
            "collective care, and the strength of teams.",
        },
        "modules": [
            {
                "kind": "concepts",
                "minutes": 20,
                "slug": {"es": "el-desgaste", "en": "wear-and-tear"},
                "title": {
                    "es": "El desgaste de quien acompaña",
                    "en": "The wear on those who accompany",
                },
                "objectives": {
                    "es": "Reconocer señales de desgaste en una misma y en el equipo.",
                    "en": "Recognise signs of wear in oneself and in the team.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Escuchar dolor cada día deja huella. El cansancio, la "
                            "irritación o la sensación de que nada alcanza son señales, no "
                            "fallas personales.</p>",
                        ),
                        ("concept", "self-care", ""),
                        ("concept", "mental-health", ""),
                        ("concept", "pillars", ""),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Listening to pain every day leaves a mark. Tiredness, "
                            "irritation or the feeling that nothing is ever enough are signs, "
                            "not personal failings.</p>",
                        ),
                        ("concept", "self-care", ""),
                        ("concept", "mental-health", ""),
                        ("concept", "pillars", ""),
                    ],
                },
            },
            {
                "kind": "context",
                "minutes": 20,
                "slug": {"es": "organizaciones-bajo-presion", "en": "organisations-under-pressure"},
                "title": {
                    "es": "Organizaciones bajo presión",
                    "en": "Organisations under pressure",
                },
                "objectives": {
                    "es": "Ver cómo el contexto de violencia atraviesa la vida del equipo.",
                    "en": "See how the context of violence runs through the team's life.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Las amenazas, la falta de recursos y la urgencia "
                            "constante tensan las relaciones dentro de los equipos. Cuidar las "
                            "dinámicas internas es parte del trabajo político.</p>",
                        ),
                        ("concept", "fields", ""),
                        (
                            "question",
                            "¿Qué conversación pendiente tiene tu equipo?",
                            "No hace falta escribirla en ningún lado.",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Threats, lack of resources and constant urgency strain "
                            "relationships within teams. Caring for internal dynamics is part "
                            "of the political work.</p>",
                        ),
                        ("concept", "fields", ""),
                        (
                            "question",
                            "What conversation is your team putting off?",
                            "There is no need to write it down anywhere.",
                        ),
                    ],
                },
            },
            {
                "kind": "examples",
                "minutes": 15,
                "slug": {"es": "casos-de-equipos", "en": "team-cases"},
                "title": {
                    "es": "Casos: un equipo que aprende a parar",
                    "en": "Cases: a team that learns to stop",
                },
                "objectives": {
                    "es": "Identificar prácticas de cuidado colectivo en un equipo.",
                    "en": "Identify collective care practices in a team.",
                },
                "body": {
                    "es": [
                        (
                            "case",
                            "Los viernes sin casos",
                            "<p>Un equipo de abogadas y psicólogas acuerda que los viernes por "
                            "la tarde no se habla de casos. Al principio cuesta; meses después "
                            "dicen que discuten menos y duermen mejor.</p>",
                            "<p>Un límite acordado en colectivo, no una decisión individual.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "case",
                            "Fridays without cases",
                            "<p>A team of lawyers and psychologists agrees not to talk about "
                            "cases on Friday afternoons. At first it is hard; months later they "
                            "say they argue less and sleep better.</p>",
                            "<p>A limit agreed together, not an individual decision.</p>",
                        ),
                    ],
                },
            },
            {
                "kind": "tools",
                "minutes": 25,
                "slug": {"es": "herramientas-de-cuidado", "en": "care-tools"},
                "title": TOOLS_TITLE,
                "objectives": {
                    "es": "Elaborar un plan de cuidado personal y colectivo.",
                    "en": "Draw up a personal and collective care plan.",
                },
                "body": {
                    "es": [
                        (
                            "tool",
                            "Plan de cuidado",
                            "Convertir el cuidado en acuerdos concretos.",
                            [
                                "Anota tres señales de que te estás desgastando.",
                                "Anota tres cosas que te recuperan.",
                                "En equipo, acuerden una práctica semanal de cuidado.",
                                "Fijen una fecha para revisar el plan.",
                            ],
                            30,
                            ["Hojas", "Lápices"],
                        ),
                        (
                            "pause",
                            "Estira",
                            "Sube los hombros hacia las orejas y suéltalos despacio, tres veces.",
                            30,
                        ),
                    ],
                    "en": [
                        (
                            "tool",
                            "Care plan",
                            "Turning care into concrete agreements.",
                            [
                                "Note three signs that you are wearing down.",
                                "Note three things that restore you.",
                                "As a team, agree on one weekly care practice.",
                                "Set a date to review the plan.",
                            ],
                            30,
                            ["Sheets of paper", "Pencils"],
                        ),
                        (
                            "pause",
                            "Stretch",
                            "Lift your shoulders towards your ears and let them go slowly, three times.",
                            30,
                        ),
                    ],
                },
            },
            {
                "kind": "facilitation",
                "minutes": 15,
                "slug": {"es": "guia-para-facilitar", "en": "facilitator-guide"},
                "title": FACILITATION_TITLE,
                "objectives": {
                    "es": "Preparar una sesión de cuidado con un equipo.",
                    "en": "Prepare a care session with a team.",
                },
                "body": {
                    "es": [
                        (
                            "text",
                            "<p>Propón la sesión fuera de la oficina si es posible, y "
                            "sin teléfonos durante la primera hora.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>Si hay conflictos abiertos en el equipo, habla "
                            "antes con la coordinación: esta sesión no es una mediación.</p>",
                        ),
                    ],
                    "en": [
                        (
                            "text",
                            "<p>Suggest holding the session away from the office if "
                            "possible, and without phones for the first hour.</p>",
                        ),
                        (
                            "facilitator",
                            "<p>If the team has open conflicts, talk to its "
                            "coordinators first: this session is not a mediation.</p>",
                        ),
                    ],
                },
            },
        ],
    },
]

STANDARD_PAGES = [
    {
        "slug": {"es": "acerca-de", "en": "about"},
        "title": {"es": "Acerca de Claves", "en": "About Claves"},
        "introduction": {
            "es": "Una plataforma para estudiar la serie de cuadernillos sobre acompañamiento psicosocial.",
            "en": "A platform for studying the booklet series on psychosocial accompaniment.",
        },
        "body": {
            "es": [
                (
                    "text",
                    "<p>La serie nació de seminarios de estudio con personas "
                    "defensoras que acompañan a víctimas. Aquí puede estudiarse a solas o en "
                    "grupos de trabajo con una persona facilitadora.</p>",
                )
            ],
            "en": [
                (
                    "text",
                    "<p>The series grew out of study seminars with human rights "
                    "defenders who accompany victims. It can be studied here alone or in "
                    "workshop groups with a facilitator.</p>",
                )
            ],
        },
    },
    {
        "slug": {"es": "consejos-de-seguridad", "en": "safety-advice"},
        "title": {"es": "Consejos de seguridad", "en": "Safety advice"},
        "introduction": {
            "es": "Cómo usar Claves con más seguridad si compartes tu teléfono o te preocupa la vigilancia.",
            "en": "How to use Claves more safely if you share your phone or worry about surveillance.",
        },
        "body": {
            "es": [
                (
                    "text",
                    "<ul><li>Usa una ventana de navegación privada.</li><li>Cierra "
                    "sesión al terminar.</li><li>El botón de salida rápida cambia la página, "
                    "pero no borra el historial del navegador.</li></ul>",
                )
            ],
            "en": [
                (
                    "text",
                    "<ul><li>Use a private browsing window.</li><li>Sign out when you "
                    "finish.</li><li>The quick exit button changes the page, but it does not "
                    "erase the browser's history.</li></ul>",
                )
            ],
        },
    },
    {
        "slug": {"es": "cuidate", "en": "take-care-of-yourself"},
        "title": {"es": "Cuídate", "en": "Take care of yourself"},
        "introduction": {
            "es": "Estos materiales hablan de experiencias duras. Está bien ir despacio.",
            "en": "These materials speak of hard experiences. It is fine to go slowly.",
        },
        "body": {
            "es": [
                (
                    "pause",
                    "Antes de empezar",
                    "Busca una postura cómoda y respira tres veces, despacio.",
                    60,
                ),
                (
                    "text",
                    "<p>Puedes saltar cualquier parte marcada con una advertencia sin "
                    "perder tu avance. Si algo te remueve, habla con alguien de confianza.</p>",
                ),
            ],
            "en": [
                (
                    "pause",
                    "Before you begin",
                    "Find a comfortable position and breathe slowly three times.",
                    60,
                ),
                (
                    "text",
                    "<p>You can skip any part marked with a warning without losing "
                    "your progress. If something stirs you, talk to someone you trust.</p>",
                ),
            ],
        },
    },
    {
        "slug": {"es": "aviso-de-privacidad", "en": "privacy-notice"},
        "title": {"es": "Aviso de privacidad", "en": "Privacy notice"},
        "introduction": {
            "es": "Guardamos lo mínimo necesario y nunca compartimos tus datos.",
            "en": "We keep the least we need and never share your data.",
        },
        "body": {
            "es": [
                (
                    "text",
                    "<p>Para usar Claves basta un nombre de usuario y una "
                    "contraseña. No guardamos direcciones IP, no usamos analíticas y esta "
                    "página no hace peticiones a otros sitios.</p>"
                    "<p>Puedes descargar todos tus datos y eliminar tu cuenta cuando quieras, "
                    "desde «Mi cuenta». Al eliminarla se borran tu cuenta, tu avance, tu "
                    "diario y tus borradores, y se cierran todas tus sesiones. Lo que "
                    "compartiste en un taller y otras personas ya respondieron se conserva "
                    "para el grupo como escrito por «participante eliminado», sin nada que "
                    "lo vincule contigo.</p>",
                )
            ],
            "en": [
                (
                    "text",
                    "<p>A username and a password are enough to use Claves. We keep "
                    "no IP addresses, use no analytics, and this site makes no requests to "
                    "other sites.</p>"
                    "<p>You can download all your data and delete your account whenever you "
                    "like, from “My account”. Deleting it removes your account, your "
                    "progress, your journal and your drafts, and signs you out everywhere. "
                    "What you shared in a workshop that others have already answered stays "
                    "for the group, shown as written by a “deleted participant”, with "
                    "nothing that links it to you.</p>",
                )
            ],
        },
    },
]

HOME = {
    "for_trainees": {
        "es": "Empieza por el primer cuadernillo y avanza a tu ritmo. Cada módulo indica "
        "cuánto tiempo lleva y si trata temas difíciles.",
        "en": "Begin with the first booklet and go at your own pace. Each module says how "
        "long it takes and whether it deals with hard subjects.",
    },
    "for_facilitators": {
        "es": "Cada cuadernillo cierra con una guía para facilitar la sesión del seminario.",
        "en": "Each booklet ends with a guide to facilitating its seminar session.",
    },
}
