"""H5P content types of our own, packaged in memory for the demo and the tests.

No registry ships the real H5P content types (H5P.TrueFalse, H5P.MultiChoice, ...), so
the demo activities and the tests use these: real H5P libraries in the H5P format
(library.json, semantics.json, preloaded JavaScript and CSS using H5P.EventDispatcher
and H5P's xAPI events), written by us, in `libraries/`. H5P.ClavesKit, their shared
dependency, carries what real libraries carry besides code (an SVG icon, a webfont, a
patch file), so the activity origin's allow-list is exercised by real packages.

The interface words of a content type travel in its content (`l10n`), as in H5P: one
package per language.
"""

import json
from pathlib import Path

from pyh5p.package import write_zip

LIBRARIES = Path(__file__).parent / "libraries"
LIBRARY = "H5P.ClavesQuestion"
LIBRARY_DIR = f"{LIBRARY}-1.0"
KIT = "H5P.ClavesKit"
TRUE_FALSE = "H5P.ClavesTrueFalse"
MULTI_CHOICE = "H5P.ClavesMultiChoice"
BLANKS = "H5P.ClavesBlanks"
# Which libraries each runnable one needs, in loading order (dependencies first).
DEPENDENCIES = {LIBRARY: [], TRUE_FALSE: [KIT], MULTI_CHOICE: [KIT], BLANKS: [KIT]}

L10N = {
    "es": {
        "trueText": "Verdadero",
        "falseText": "Falso",
        "check": "Comprobar",
        "chooseFirst": "Primero elige una respuesta.",
        "fillFirst": "Primero llena al menos un espacio.",
        "blank": "Espacio @number de @total",
        "result": "Resultado: @score / @total",
        "right": "Respuesta correcta",
        "wrong": "Respuesta incorrecta",
        "solution": "Respuesta esperada:",
        "introduction": "Completa el texto.",
    },
    "en": {
        "trueText": "True",
        "falseText": "False",
        "check": "Check",
        "chooseFirst": "Choose an answer first.",
        "fillFirst": "Fill in at least one blank first.",
        "blank": "Blank @number of @total",
        "result": "Result: @score / @total",
        "right": "Right answer",
        "wrong": "Wrong answer",
        "solution": "Expected answer:",
        "introduction": "Fill in the text.",
    },
}


def library_files(machine_name: str) -> dict[str, bytes]:
    """The files of one of our libraries, by their path in a package."""
    folder = LIBRARIES / f"{machine_name}-1.0"
    return {
        f"{folder.name}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def package(*, main_library: str, title: str, content: dict, language: str = "es") -> bytes:
    """An .h5p package (bytes): h5p.json, the content and every library it needs."""
    libraries = [*DEPENDENCIES[main_library], main_library]
    h5p = {
        "title": title,
        "language": language,
        "mainLibrary": main_library,
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [
            {"machineName": name, "majorVersion": 1, "minorVersion": 0} for name in libraries
        ],
    }
    files = {
        "h5p.json": json.dumps(h5p, ensure_ascii=False).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False).encode(),
    }
    for name in libraries:
        files.update(library_files(name))
    return write_zip(files)


def _l10n(language: str, *keys: str) -> dict[str, str]:
    words = L10N.get(language, L10N["en"])
    return {key: words[key] for key in keys}


def question_package(
    *, title: str, question: str, answers: list[tuple[str, bool]], language="es"
) -> bytes:
    """One question; a click on an answer is the answer (H5P.ClavesQuestion)."""
    content = {"question": question, "answers": [{"text": t, "correct": c} for t, c in answers]}
    return package(main_library=LIBRARY, title=title, content=content, language=language)


def true_false_package(*, title: str, statement: str, correct: bool, language="es") -> bytes:
    """A statement to judge true or false (H5P.ClavesTrueFalse)."""
    content = {
        "question": statement,
        "correct": "true" if correct else "false",
        "l10n": _l10n(language, "trueText", "falseText", "result", "right", "wrong"),
    }
    return package(main_library=TRUE_FALSE, title=title, content=content, language=language)


def multi_choice_package(
    *, title: str, question: str, answers: list[tuple[str, bool]], language="es"
) -> bytes:
    """A question with one or more right answers and a Check button
    (H5P.ClavesMultiChoice): radio buttons for one, check boxes for several."""
    content = {
        "question": question,
        "answers": [{"text": text, "correct": correct} for text, correct in answers],
        "l10n": _l10n(language, "check", "chooseFirst", "result", "right", "wrong"),
    }
    return package(main_library=MULTI_CHOICE, title=title, content=content, language=language)


def blanks_package(*, title: str, text: str, introduction: str = "", language="es") -> bytes:
    """A text whose *marked* words the reader fills in, checked without regard to case
    or accents; *a/b* accepts either (H5P.ClavesBlanks)."""
    words = _l10n(language, "check", "fillFirst", "blank", "result", "right", "wrong", "solution")
    content = {
        "introduction": introduction or _l10n(language, "introduction")["introduction"],
        "text": text,
        "l10n": words,
    }
    return package(main_library=BLANKS, title=title, content=content, language=language)
