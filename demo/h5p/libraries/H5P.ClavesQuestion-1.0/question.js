/* H5P.ClavesQuestion 1.0. Copyright (c) Claves. MIT License.
   One question, a few answers: a click on an answer is the answer. */
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
