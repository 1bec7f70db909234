/* Runs inside the activity frame, on the activity origin (never on the site's): plays
   the package with the self-hosted H5P player and tells the module page, by
   postMessage and only the module page, what happened: its height, xAPI statements
   and the state to resume from. It can reach nothing of the site. */
(function () {
  "use strict";
  // Nothing an activity writes is kept on the device (a shared phone): H5P's storage
  // lives in memory for as long as the frame is open. Browsers that refuse storage to
  // frames of another site would otherwise stop the player.
  function memoryStorage() {
    var items = {};
    return {
      getItem: function (key) {
        return Object.prototype.hasOwnProperty.call(items, key) ? items[key] : null;
      },
      setItem: function (key, value) {
        items[key] = String(value);
      },
      removeItem: function (key) {
        delete items[key];
      },
      clear: function () {
        items = {};
      },
      key: function (index) {
        return Object.keys(items)[index] || null;
      },
      get length() {
        return Object.keys(items).length;
      },
    };
  }
  ["localStorage", "sessionStorage"].forEach(function (name) {
    Object.defineProperty(window, name, { value: memoryStorage(), configurable: true });
  });

  var container = document.getElementById("h5p-container");
  var parentOrigin = container.getAttribute("data-parent-origin");
  var started = false;
  var lastHeight = 0;
  var lastState = null;

  function send(message) {
    if (window.parent !== window) window.parent.postMessage(message, parentOrigin);
  }

  function reportHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      send({ type: "claves:height", height: height });
    }
  }

  function reportState() {
    var contents = window.H5PIntegration && window.H5PIntegration.contents;
    var content = contents && contents["cid-h5p-container"];
    var data = content && content.contentUserData && content.contentUserData[0];
    var state = data && data.state;
    if (typeof state === "string" && state !== lastState) {
      lastState = state;
      send({ type: "claves:state", state: state });
    }
  }

  function start(saved) {
    if (started || !window.H5PStandalone) return;
    started = true;
    var options = {
      h5pJsonPath: container.getAttribute("data-package-path"),
      frameJs: container.getAttribute("data-frame-js"),
      frameCss: container.getAttribute("data-frame-css"),
      embedType: "div",
      frame: false,
      copyright: false,
      export: false,
      embed: false,
      icon: false,
    };
    if (saved.signedIn) options.saveFreq = 15;
    if (typeof saved.state === "string" && saved.state) {
      lastState = saved.state;
      options.contentUserData = [{ state: saved.state }];
    }
    new window.H5PStandalone.H5P(container, options).then(function () {
      window.H5P.externalDispatcher.on("xAPI", function (event) {
        var statement = event.data && event.data.statement;
        if (statement) send({ type: "claves:xapi", statement: statement });
        reportState();
      });
      reportHeight();
    });
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== parentOrigin || event.source !== window.parent) return;
    var data = event.data;
    if (data && data.type === "claves:start") start(data);
  });
  if (window.ResizeObserver) new window.ResizeObserver(reportHeight).observe(document.body);
  window.addEventListener("load", reportHeight);
  window.setInterval(reportHeight, 1000);
  window.setInterval(reportState, 15000);
  // Ready once the player's script, which comes after this one, has run: a start
  // asked for before it is there would be lost (a slow phone, a reader not signed in,
  // whose start comes back at once).
  function ready() {
    send({ type: "claves:ready" });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
