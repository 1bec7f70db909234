/* H5P.ClavesKit 1.0. Copyright (c) Claves. MIT License.
   What the Claves demo content types share: a question with an announced result line,
   buttons, and the one xAPI "answered" statement each answer sends. */
H5P.ClavesKit = (function ($) {
  "use strict";
  var count = 0;

  function uniqueId(prefix) {
    count += 1;
    return "claves-" + prefix + "-" + count;
  }

  /* The skeleton every content type fills: the question (labelling the options) and
     an empty result line that screen readers announce when it is written. */
  function frame($container, kind, questionText) {
    var questionId = uniqueId(kind);
    var $wrapper = $("<div>", { class: "claves-kit claves-" + kind }).appendTo($container);
    $("<p>", { class: "claves-kit__question", id: questionId, text: questionText }).appendTo(
      $wrapper
    );
    var $options = $("<div>", {
      class: "claves-kit__options",
      role: "group",
      "aria-labelledby": questionId,
    }).appendTo($wrapper);
    var $actions = $("<div>", { class: "claves-kit__actions" }).appendTo($wrapper);
    var $result = $("<p>", {
      class: "claves-kit__result",
      role: "status",
      "aria-live": "polite",
    }).appendTo($wrapper);
    return { wrapper: $wrapper, options: $options, actions: $actions, result: $result };
  }

  function button(label, primary, onClick) {
    return $("<button>", {
      type: "button",
      class: "claves-kit__button" + (primary ? " claves-kit__button--primary" : ""),
      text: label,
    }).on("click", onClick);
  }

  /* A check mark or a cross in our webfont, with its meaning for screen readers. */
  function mark(right, label) {
    return $("<span>", { class: "claves-kit__marked" })
      .append(
        $("<span>", {
          class: "claves-kit__mark claves-kit__mark--" + (right ? "right" : "wrong"),
          "aria-hidden": "true",
          text: right ? "\u2713" : "\u2717",
        })
      )
      .append($("<span>", { class: "claves-kit__hidden", text: label }));
  }

  function showResult($result, template, score, max) {
    var text = (template || "@score / @total")
      .replace("@score", String(score))
      .replace("@total", String(max));
    $result.empty();
    // All right or all wrong gets a mark; a partial score speaks for itself.
    if (score === max || score === 0) $result.append(mark(score === max, ""));
    $result.append(document.createTextNode(text));
  }

  /* Lower case, no accents, single spaces: "Miedo " matches "miedo", "prevencion"
     matches "prevención". */
  function normalize(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  /* Exactly one xAPI "answered" statement, described as a cmi.interaction the way
     H5P's question types describe theirs. */
  function answered(instance, score, max, interaction, response) {
    var event = instance.createXAPIEventTemplate("answered");
    var definition = event.getVerifiedStatementValue(["object", "definition"]);
    $.extend(definition, {
      type: "http://adlnet.gov/expapi/activities/cmi.interaction",
      description: { "en-US": interaction.description },
      interactionType: interaction.type,
      correctResponsesPattern: interaction.correct,
    });
    if (interaction.choices) definition.choices = interaction.choices;
    event.setScoredResult(score, max, instance, true, score === max);
    event.data.statement.result.response = response;
    instance.trigger(event);
    instance.trigger("resize");
  }

  return {
    frame: frame,
    button: button,
    mark: mark,
    showResult: showResult,
    normalize: normalize,
    answered: answered,
    uniqueId: uniqueId,
  };
})(H5P.jQuery);
