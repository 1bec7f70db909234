"""A tiny H5P content type of our own ("Claves.Question": one question, a few answers),
packaged in memory. No registry ships real H5P content types, so the tests and the demo
activity use this: a few lines of our own JavaScript and CSS."""

import json

from pyh5p.package import write_zip

LIBRARY = "H5P.ClavesQuestion"
LIBRARY_DIR = f"{LIBRARY}-1.0"

LIBRARY_JSON = {
    "title": "Claves question",
    "machineName": LIBRARY,
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "author": "Claves",
    "license": "MIT",
    "preloadedJs": [{"path": "question.js"}],
    "preloadedCss": [{"path": "question.css"}],
}

SEMANTICS = [
    {"name": "question", "type": "text", "label": "Question"},
    {
        "name": "answers",
        "type": "list",
        "label": "Answers",
        "field": {
            "name": "answer",
            "type": "group",
            "fields": [
                {"name": "text", "type": "text", "label": "Text"},
                {"name": "correct", "type": "boolean", "label": "Correct"},
            ],
        },
    },
]

# Our own minimal content type: shows the question and one button per answer; a click
# reports an "answered" xAPI statement with the score through H5P's event dispatcher.
QUESTION_JS = """
H5P.ClavesQuestion = (function ($) {
  function ClavesQuestion(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    this.contentId = contentId;
  }
  ClavesQuestion.prototype = Object.create(H5P.EventDispatcher.prototype);
  ClavesQuestion.prototype.constructor = ClavesQuestion;
  ClavesQuestion.prototype.attach = function ($container) {
    var self = this;
    $container.addClass("claves-question");
    $("<p>", {"class": "claves-question__text", text: self.params.question}).appendTo($container);
    (self.params.answers || []).forEach(function (answer) {
      $("<button>", {type: "button", "class": "claves-question__answer", text: answer.text})
        .on("click", function () {
          var score = answer.correct ? 1 : 0;
          $container.find("button").prop("disabled", true);
          $("<p>", {"class": "claves-question__result", text: score ? "✓" : "✗"})
            .appendTo($container);
          self.triggerXAPIScored(score, 1, "answered", true, score === 1);
        })
        .appendTo($container);
    });
  };
  return ClavesQuestion;
})(H5P.jQuery);
"""

QUESTION_CSS = """
.claves-question { font-family: system-ui, sans-serif; padding: 1rem; }
.claves-question__answer { display: block; margin: 0.4rem 0; padding: 0.5rem 0.9rem; }
"""


def question_package(
    *, title: str, question: str, answers: list[tuple[str, bool]], language="es"
) -> bytes:
    """An .h5p package (bytes) holding one question of our content type."""
    h5p = {
        "title": title,
        "language": language,
        "mainLibrary": LIBRARY,
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": [{"machineName": LIBRARY, "majorVersion": 1, "minorVersion": 0}],
    }
    content = {"question": question, "answers": [{"text": t, "correct": c} for t, c in answers]}
    files = {
        "h5p.json": json.dumps(h5p).encode(),
        "content/content.json": json.dumps(content, ensure_ascii=False).encode(),
        f"{LIBRARY_DIR}/library.json": json.dumps(LIBRARY_JSON).encode(),
        f"{LIBRARY_DIR}/semantics.json": json.dumps(SEMANTICS).encode(),
        f"{LIBRARY_DIR}/question.js": QUESTION_JS.encode(),
        f"{LIBRARY_DIR}/question.css": QUESTION_CSS.encode(),
    }
    return write_zip(files)
