/* H5P.ClavesTrueFalse 1.0. Copyright (c) Claves. MIT License.
   A statement the reader judges true or false: one click is one answer. */
H5P.ClavesTrueFalse = (function ($, Kit) {
  "use strict";

  function ClavesTrueFalse(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.l10n = this.params.l10n || {};
    this.contentId = contentId;
    this.score = null;
  }
  ClavesTrueFalse.prototype = Object.create(H5P.EventDispatcher.prototype);
  ClavesTrueFalse.prototype.constructor = ClavesTrueFalse;

  ClavesTrueFalse.prototype.attach = function ($container) {
    var self = this;
    var correct = String(self.params.correct) === "true";
    var parts = Kit.frame($container, "true-false", self.params.question);
    [
      [true, self.l10n.trueText || "True"],
      [false, self.l10n.falseText || "False"],
    ].forEach(function (choice) {
      Kit.button(choice[1], false, function () {
        if (self.score !== null) return;
        var right = choice[0] === correct;
        self.score = right ? 1 : 0;
        parts.options.find("button").prop("disabled", true);
        $(this)
          .attr("aria-pressed", "true")
          .append(" ")
          .append(Kit.mark(right, right ? self.l10n.right : self.l10n.wrong));
        Kit.showResult(parts.result, self.l10n.result, self.score, 1);
        Kit.answered(
          self,
          self.score,
          1,
          {
            type: "true-false",
            description: self.params.question,
            correct: [String(correct)],
          },
          String(choice[0])
        );
      })
        .attr("aria-pressed", "false")
        .appendTo(parts.options);
    });
  };

  ClavesTrueFalse.prototype.getScore = function () {
    return this.score || 0;
  };
  ClavesTrueFalse.prototype.getMaxScore = function () {
    return 1;
  };
  ClavesTrueFalse.prototype.getAnswerGiven = function () {
    return this.score !== null;
  };

  return ClavesTrueFalse;
})(H5P.jQuery, H5P.ClavesKit);
