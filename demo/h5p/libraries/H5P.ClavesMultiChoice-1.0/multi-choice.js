/* H5P.ClavesMultiChoice 1.0. Copyright (c) Claves. MIT License.
   A question with one right answer (radio buttons) or several (check boxes); "Check"
   gives one point per right answer chosen, less one per wrong one, never below 0. */
H5P.ClavesMultiChoice = (function ($, Kit) {
  "use strict";

  function ClavesMultiChoice(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.l10n = this.params.l10n || {};
    this.answers = this.params.answers || [];
    this.contentId = contentId;
    this.score = null;
  }
  ClavesMultiChoice.prototype = Object.create(H5P.EventDispatcher.prototype);
  ClavesMultiChoice.prototype.constructor = ClavesMultiChoice;

  ClavesMultiChoice.prototype.getMaxScore = function () {
    return this.answers.filter(function (answer) {
      return answer.correct;
    }).length;
  };

  ClavesMultiChoice.prototype.attach = function ($container) {
    var self = this;
    var max = self.getMaxScore();
    var parts = Kit.frame($container, "multi-choice", self.params.question);
    var name = Kit.uniqueId("choice");
    var inputs = self.answers.map(function (answer, index) {
      var id = name + "-" + index;
      var $row = $("<div>", { class: "claves-kit__choice" }).appendTo(parts.options);
      var $input = $("<input>", {
        type: max > 1 ? "checkbox" : "radio",
        name: name,
        id: id,
        value: String(index),
      }).appendTo($row);
      $("<label>", { for: id, text: answer.text }).appendTo($row);
      return $input;
    });

    var $check = Kit.button(self.l10n.check || "Check", true, function () {
      if (self.score !== null) return;
      var chosen = [];
      var score = 0;
      inputs.forEach(function ($input, index) {
        if ($input.prop("checked")) {
          chosen.push(String(index));
          score += self.answers[index].correct ? 1 : -1;
        }
      });
      if (!chosen.length) {
        parts.result.text(self.l10n.chooseFirst || "Choose an answer first.");
        return;
      }
      inputs.forEach(function ($input, index) {
        var right = Boolean(self.answers[index].correct);
        if ($input.prop("checked") || right) {
          $input
            .parent()
            .append(" ")
            .append(Kit.mark(right, right ? self.l10n.right : self.l10n.wrong));
        }
      });
      self.score = Math.max(score, 0);
      inputs.forEach(function ($input) {
        $input.prop("disabled", true);
      });
      $check.prop("disabled", true);
      Kit.showResult(parts.result, self.l10n.result, self.score, max);
      Kit.answered(
        self,
        self.score,
        max,
        {
          type: "choice",
          description: self.params.question,
          choices: self.answers.map(function (answer, index) {
            return { id: String(index), description: { "en-US": answer.text } };
          }),
          correct: [
            self.answers
              .map(function (answer, index) {
                return answer.correct ? String(index) : null;
              })
              .filter(function (id) {
                return id !== null;
              })
              .join("[,]"),
          ],
        },
        chosen.join("[,]")
      );
    }).appendTo(parts.actions);
  };

  ClavesMultiChoice.prototype.getScore = function () {
    return this.score || 0;
  };
  ClavesMultiChoice.prototype.getAnswerGiven = function () {
    return this.score !== null;
  };

  return ClavesMultiChoice;
})(H5P.jQuery, H5P.ClavesKit);
