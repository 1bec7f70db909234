/* Interactive activities on a module page. Nothing loads until the reader opens one:
   then a sandboxed frame from the activity origin plays it. Messages from that frame
   are believed only when they come from that very frame and that origin and have the
   expected shape; results are posted to our own endpoints with our own CSRF token. */
(function () {
  "use strict";
  // One script tag per activity block: the first to run does the work for all.
  if (window.clavesActivities) return;
  window.clavesActivities = true;
  var MAX_MESSAGE_CHARS = 64 * 1024;
  var MAX_HEIGHT = 20000;

  function post(url, csrf, payload) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload),
    });
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function small(value) {
    try {
      return JSON.stringify(value).length <= MAX_MESSAGE_CHARS;
    } catch (error) {
      return false;
    }
  }

  // A statement's id makes a repeated post count once. randomUUID exists only in secure
  // contexts; getRandomValues everywhere.
  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (b) {
        return (b + 0x100).toString(16).slice(1);
      })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function open(section) {
    if (section.getAttribute("data-opened")) return;
    section.setAttribute("data-opened", "true");
    var origin = section.getAttribute("data-activity-origin");
    var statementUrl = section.getAttribute("data-statement-url");
    var stateUrl = section.getAttribute("data-state-url");
    var csrf = section.getAttribute("data-csrf");
    var frame = document.createElement("iframe");
    frame.className = "activity__frame";
    frame.title = section.getAttribute("data-frame-title");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin");
    frame.setAttribute("referrerpolicy", "no-referrer");
    frame.src = section.getAttribute("data-frame-src");

    window.addEventListener("message", function (event) {
      if (event.source !== frame.contentWindow || event.origin !== origin) return;
      var data = event.data;
      if (!isPlainObject(data) || typeof data.type !== "string" || !small(data)) return;
      if (data.type === "claves:ready") {
        var saved = stateUrl
          ? fetch(stateUrl, { credentials: "same-origin" }).then(function (r) {
              return r.ok ? r.json() : {};
            })
          : Promise.resolve({});
        saved
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            var state = typeof answer.state === "string" ? answer.state : "";
            frame.contentWindow.postMessage(
              { type: "claves:start", state: state, signedIn: Boolean(stateUrl) },
              origin
            );
          });
      } else if (data.type === "claves:height") {
        var height = Number(data.height);
        if (isFinite(height) && height > 0) {
          frame.style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + "px";
        }
      } else if (data.type === "claves:xapi" && statementUrl && isPlainObject(data.statement)) {
        var statement = data.statement;
        if (typeof statement.id !== "string") statement.id = newId();
        post(statementUrl, csrf, statement);
      } else if (data.type === "claves:state" && stateUrl && typeof data.state === "string") {
        post(stateUrl, csrf, { state: data.state });
      }
    });

    section.querySelector("[data-activity-placeholder]").hidden = true;
    section.querySelector("[data-activity-stage]").appendChild(frame);
    frame.focus();
  }

  document.querySelectorAll("[data-activity-origin]").forEach(function (section) {
    var button = section.querySelector("[data-activity-open]");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      open(section);
    });
  });
})();
