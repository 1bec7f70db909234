/* H5P.ClavesBlanks 1.0. Copyright (c) Claves. MIT License.
   A text with words to fill in, written between asterisks (*miedo*, alternatives with a
   slash: *duelo/luto*). "Check" gives one point per blank, whatever the case or accents. */
H5P.ClavesBlanks = (function ($, Kit) {
  "use strict";
  var BLANK = /\*([^*]+)\*/g;

  function ClavesBlanks(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params || {};
    this.l10n = this.params.l10n || {};
    this.contentId = contentId;
    this.blanks = [];
    this.score = null;
  }
  ClavesBlanks.prototype = Object.create(H5P.EventDispatcher.prototype);
  ClavesBlanks.prototype.constructor = ClavesBlanks;

  function words(template, values) {
    return Object.keys(values).reduce(function (text, key) {
      return text.replace("@" + key, String(values[key]));
    }, template);
  }

  ClavesBlanks.prototype.attach = function ($container) {
    var self = this;
    var text = String(self.params.text || "");
    var total = (text.match(BLANK) || []).length;
    var parts = Kit.frame($container, "blanks", self.params.introduction || "");
    text.split("\n").forEach(function (line) {
      var $line = $("<p>", { class: "claves-kit__text" }).appendTo(parts.options);
      var last = 0;
      line.replace(BLANK, function (marker, answer, offset) {
        $line.append(document.createTextNode(line.slice(last, offset)));
        last = offset + marker.length;
        var alternatives = answer.split("/").map(function (word) {
          return word.trim();
        });
        var longest = Math.max.apply(
          null,
          alternatives.map(function (word) {
            return word.length;
          })
        );
        var $input = $("<input>", {
          type: "text",
          class: "claves-kit__blank",
          size: Math.max(longest + 2, 6),
          autocomplete: "off",
          autocapitalize: "off",
          spellcheck: "false",
          "aria-label": words(self.l10n.blank || "Blank @number of @total", {
            number: self.blanks.length + 1,
            total: total,
          }),
        }).appendTo($line);
        self.blanks.push({ input: $input, alternatives: alternatives });
        return marker;
      });
      $line.append(document.createTextNode(line.slice(last)));
    });

    var $check = Kit.button(self.l10n.check || "Check", true, function () {
      if (self.score !== null) return;
      var given = self.blanks.map(function (blank) {
        return String(blank.input.val()).trim();
      });
      if (!given.join("")) {
        parts.result.text(self.l10n.fillFirst || "Fill in at least one blank first.");
        return;
      }
      self.score = 0;
      self.blanks.forEach(function (blank, index) {
        var right = blank.alternatives.some(function (word) {
          return Kit.normalize(word) === Kit.normalize(given[index]);
        });
        if (right) self.score += 1;
        blank.input.prop("readonly", true).attr("aria-invalid", right ? "false" : "true");
        var $after = Kit.mark(right, right ? self.l10n.right : self.l10n.wrong);
        if (!right) {
          $after.append(
            $("<span>", { class: "claves-kit__hidden", text: " " + (self.l10n.solution || "") }),
            $("<span>", { class: "claves-kit__solution", text: " " + blank.alternatives[0] })
          );
        }
        blank.input.after($after).after(" ");
      });
      $check.prop("disabled", true);
      Kit.showResult(parts.result, self.l10n.result, self.score, total);
      Kit.answered(
        self,
        self.score,
        total,
        {
          type: "fill-in",
          description: text.replace(BLANK, "__________"),
          correct: [
            "{case_matters=false}" +
              self.blanks
                .map(function (blank) {
                  return blank.alternatives[0];
                })
                .join("[,]"),
          ],
        },
        given.join("[,]")
      );
    }).appendTo(parts.actions);
  };

  ClavesBlanks.prototype.getScore = function () {
    return this.score || 0;
  };
  ClavesBlanks.prototype.getMaxScore = function () {
    return this.blanks.length;
  };
  ClavesBlanks.prototype.getAnswerGiven = function () {
    return this.score !== null;
  };

  return ClavesBlanks;
})(H5P.jQuery, H5P.ClavesKit);
