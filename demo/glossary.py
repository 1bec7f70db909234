"""Demo glossary, in our own words. Keys are stable identifiers used by the modules."""

# key: (es term, es definition, en term, en definition, related keys)
GLOSSARY = {
    "accompaniment": (
        "Acompañamiento psicosocial",
        "Caminar junto a personas, familias y colectivos golpeados por la violencia para "
        "que puedan sostener su lucha. No es solo terapia y no es neutral: toma partido "
        "por la dignidad de quienes resisten.",
        "Psychosocial accompaniment",
        "Walking alongside people, families and groups hit by violence so that they can "
        "keep up their struggle. It is not only therapy and it is not neutral: it stands "
        "with the dignity of those who resist.",
        ["approach", "political-subject"],
    ),
    "approach": (
        "Enfoque psicosocial",
        "Una manera de mirar el daño como personal, colectivo y social a la vez, y de "
        "responder con herramientas políticas, emocionales y de seguridad.",
        "Psychosocial approach",
        "A way of seeing harm as personal, collective and social at once, and of "
        "answering it with political, emotional and security tools.",
        ["accompaniment", "fields"],
    ),
    "sociopolitical-violence": (
        "Violencia sociopolítica",
        "Violencia usada, abierta o sutilmente, para controlar a una población con fines "
        "políticos, económicos o ideológicos, por agentes del Estado o con su omisión o "
        "complicidad.",
        "Sociopolitical violence",
        "Violence used, openly or subtly, to control a population for political, economic "
        "or ideological ends, by State agents or with their omission or complicity.",
        ["trauma", "impacts"],
    ),
    "trauma": (
        "Trauma psicosocial",
        "Un daño cuyas causas y efectos son sociales y colectivos, no solo individuales. "
        "La herida está en las relaciones de una sociedad, no únicamente en una persona.",
        "Psychosocial trauma",
        "Harm whose causes and effects are social and collective, not only individual. "
        "The wound lies in a society's relationships, not in one person alone.",
        ["sociopolitical-violence", "impacts"],
    ),
    "impacts": (
        "Impactos psicosociales",
        "Las tensiones, pérdidas y cambios que la violencia provoca: miedo, culpa, "
        "cansancio, impotencia, vínculos rotos. Se ven en el cuerpo, las emociones, el "
        "pensamiento, el trabajo y las relaciones.",
        "Psychosocial impacts",
        "The tensions, losses and changes that violence causes: fear, guilt, exhaustion, "
        "powerlessness, broken bonds. They show in the body, emotions, thinking, work and "
        "relationships.",
        ["coping", "trauma"],
    ),
    "coping": (
        "Mecanismos de afrontamiento",
        "Lo que las personas y los grupos hacen para enfrentar la violencia: organizarse, "
        "formarse en lo legal, compartir información, crear nuevas estrategias, hacer "
        "memoria con expresiones culturales.",
        "Coping mechanisms",
        "What people and groups do to face violence: organising, learning the law, "
        "sharing information, creating new strategies, remembering through cultural "
        "expression.",
        ["impacts", "collective-memory"],
    ),
    "political-subject": (
        "Sujeto político",
        "Una persona o colectivo que, con una mirada crítica sobre el poder, actúa para "
        "transformar la sociedad.",
        "Political subject",
        "A person or group who, with a critical view of power, acts to transform society.",
        ["accompaniment", "defenders"],
    ),
    "defenders": (
        "Personas defensoras de derechos humanos",
        "Quienes defienden derechos, propios o ajenos, y con frecuencia quedan en riesgo "
        "por hacerlo.",
        "Human rights defenders",
        "People who defend rights, their own or others', and are often put at risk for it.",
        ["political-subject", "self-care"],
    ),
    "fields": (
        "Campos del trabajo psicosocial",
        "Cuatro ámbitos que el acompañamiento atiende juntos: lo psicoemocional, las "
        "dinámicas internas y relaciones, la seguridad y el proyecto político.",
        "Fields of psychosocial work",
        "Four areas that accompaniment tends to together: the psycho-emotional, internal "
        "dynamics and relationships, security, and the political project.",
        ["approach", "pillars"],
    ),
    "pillars": (
        "Tres pilares",
        "La violencia sociopolítica como contexto, los derechos humanos como marco y la "
        "salud mental como horizonte.",
        "Three pillars",
        "Sociopolitical violence as context, human rights as frame and mental health as horizon.",
        ["fields", "mental-health"],
    ),
    "mental-health": (
        "Salud mental",
        "Una dimensión de las relaciones entre personas y grupos, no solo un estado "
        "individual. Se cuida también transformando las condiciones que la dañan.",
        "Mental health",
        "A dimension of the relationships between people and groups, not only an "
        "individual state. It is also cared for by changing the conditions that harm it.",
        ["pillars", "trauma"],
    ),
    "self-care": (
        "Autocuidado y cuidado colectivo",
        "Prácticas que mantienen a quienes acompañan, y a sus organizaciones, lo "
        "bastante bien para seguir: descanso, límites, espacios para hablar del dolor.",
        "Self-care and collective care",
        "Practices that keep those who accompany, and their organisations, well enough to "
        "go on: rest, limits, spaces to talk about pain.",
        ["defenders", "mental-health"],
    ),
    "gender": (
        "Perspectiva de género",
        "Leer cómo el patriarcado profundiza el daño y cómo la violencia golpea de "
        "manera distinta a mujeres, hombres y personas de la diversidad sexual.",
        "Gender perspective",
        "Reading how patriarchy deepens harm, and how violence strikes women, men and "
        "sexually diverse people differently.",
        ["intersectionality"],
    ),
    "intersectionality": (
        "Interseccionalidad",
        "El género, el origen étnico, la edad, la sexualidad, la clase y el papel en la "
        "familia se cruzan y dan forma a la experiencia de cada persona.",
        "Intersectionality",
        "Gender, ethnicity, age, sexuality, class and family role cross each other and "
        "shape each person's experience.",
        ["gender"],
    ),
    "truth-justice": (
        "Verdad, justicia y reparación",
        "Lo que exigen las víctimas: saber qué pasó, que haya consecuencias y que el daño "
        "se repare. El acompañamiento sostiene esa exigencia.",
        "Truth, justice and reparation",
        "What victims demand: to know what happened, that there be consequences, and that "
        "the harm be repaired. Accompaniment sustains that demand.",
        ["collective-memory"],
    ),
    "collective-memory": (
        "Memoria colectiva",
        "Recordar juntas y juntos, como forma de resistencia y de reparación.",
        "Collective memory",
        "Remembering together, as a form of resistance and of repair.",
        ["truth-justice", "coping"],
    ),
}
