/* Plays H5P activities with the self-hosted h5p-standalone player, sends the player's
   xAPI statements to our server and keeps its state so a person can resume. */
(function () {
  "use strict";
  if (!window.H5PStandalone) return;

  function post(url, csrf, payload) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
    });
  }

  function start(element) {
    var statementUrl = element.getAttribute("data-statement-url");
    var stateUrl = element.getAttribute("data-state-url");
    var csrf = element.getAttribute("data-csrf");
    var options = {
      id: element.id,
      h5pJsonPath: element.getAttribute("data-h5p-path").replace(/\/h5p\.json$/, ""),
      frameJs: element.getAttribute("data-frame-js"),
      frameCss: element.getAttribute("data-frame-css"),
      frame: false,
      copyright: false,
      icon: false,
    };
    var ready = stateUrl
      ? fetch(stateUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); })
      : Promise.resolve({});
    ready.then(function (saved) {
      if (stateUrl) {
        options.saveFreq = 30;
        if (saved.state) {
          options.contentUserData = [{ dataType: "state", previousState: saved.state, subContentId: "*" }];
        }
      }
      return new window.H5PStandalone.H5P(element, options);
    }).then(function () {
      if (!statementUrl) return;
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        var statement = event.data && event.data.statement;
        if (!statement) return;
        if (!statement.id && window.crypto && window.crypto.randomUUID) {
          statement.id = window.crypto.randomUUID();
        }
        post(statementUrl, csrf, statement);
      });
      window.setInterval(function () {
        var content = window.H5PIntegration && window.H5PIntegration.contents["cid-" + element.id];
        var data = content && content.contentUserData && content.contentUserData[0];
        if (data && data.state) post(stateUrl, csrf, { state: data.state });
      }, 30000);
    });
  }

  document.querySelectorAll(".h5p-activity[data-h5p-path]").forEach(start);
})();
