/* Claves: small enhancements; every page works without them. */
(function () {
  "use strict";

  /* Quick exit: the button, or Shift pressed three times on its own (as GOV.UK's
     "Exit this page"). The page is hidden at once, then replaced, so Back does not
     return to it. */
  var exitLink = document.querySelector("[data-quick-exit]");
  function quickExit(event) {
    if (event) event.preventDefault();
    document.documentElement.classList.add("quick-exit-active");
    document.title = "…";
    var leave = function () { window.location.replace(exitLink ? exitLink.href : "/exit/"); };
    forgetOfflineCopies().then(leave, leave);
  }
  if (exitLink) exitLink.addEventListener("click", quickExit);

  var shiftPresses = 0;
  var shiftAlone = false;
  var resetTimer = null;
  function resetShift() { shiftPresses = 0; shiftAlone = false; }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftAlone = true;
      return;
    }
    // Shift together with any other key (typing a capital letter) does not count.
    resetShift();
  });
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) return;
    shiftAlone = false;
    shiftPresses += 1;
    window.clearTimeout(resetTimer);
    resetTimer = window.setTimeout(resetShift, 5000);
    if (shiftPresses >= 3) { resetShift(); quickExit(); }
  });

  /* offline: what "Save to read offline" kept (caches, the service worker) and any
     storage of the origin go before leaving, for browsers that ignore Clear-Site-Data.
     The exit waits at most half a second for it: the page is already hidden. */
  function forgetOfflineCopies() {
    var work = [];
    try { window.localStorage.clear(); window.sessionStorage.clear(); } catch (e) { /* blocked */ }
    if (window.caches) {
      work.push(caches.keys().then(function (names) {
        return Promise.all(names.map(function (name) { return caches.delete(name); }));
      }));
    }
    if (navigator.serviceWorker) {
      work.push(navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (r) { return r.unregister(); }));
      }));
    }
    var done = Promise.all(work).catch(function () {});
    return Promise.race([done, new Promise(function (resolve) { window.setTimeout(resolve, 500); })]);
  }

  /* offline: signing out removes the saved copies too; offline, a form says it needs a
     connection instead of sending, and what was typed stays on the page. */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var signingOut = /\/(logout|sign-out-everywhere)\/$/.test(form.getAttribute("action") || "");
    if (navigator.onLine === false) {
      event.preventDefault();
      if (signingOut) forgetOfflineCopies();
      var note = form.querySelector(".needs-connection") || document.createElement("p");
      note.className = "needs-connection";
      note.setAttribute("role", "alert");
      note.textContent = document.body.getAttribute("data-needs-connection");
      form.insertBefore(note, form.firstChild);
      return;
    }
    if (signingOut && !form.hasAttribute("data-forgotten")) {
      event.preventDefault();
      form.setAttribute("data-forgotten", "");
      var send = function () { form.submit(); };
      forgetOfflineCopies().then(send, send);
    }
  });
  window.addEventListener("online", function () {
    document.querySelectorAll(".needs-connection").forEach(function (note) { note.remove(); });
  });

  /* Pause blocks: a calm guided timer. One button starts and stops it, so focus stays
     where it was; the counting is for the eye only (aria-hidden), and a polite status
     speaks twice, at the start and at the end, never every second. */
  document.querySelectorAll(".pause[data-seconds]").forEach(function (pause) {
    var seconds = parseInt(pause.getAttribute("data-seconds"), 10) || 60;
    var startLabel = pause.getAttribute("data-start-label") || "Start";
    var stopLabel = pause.getAttribute("data-stop-label") || "Stop";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pause__start";
    button.textContent = startLabel;
    var timerText = document.createElement("p");
    timerText.className = "pause__timer";
    timerText.setAttribute("aria-hidden", "true");
    var status = document.createElement("p");
    status.className = "pause__status visually-hidden";
    status.setAttribute("role", "status");
    pause.appendChild(button);
    pause.appendChild(timerText);
    pause.appendChild(status);
    var breathe = [pause.getAttribute("data-in-label") || "Breathe in",
                   pause.getAttribute("data-out-label") || "Breathe out"];
    var timer = null;

    function finish() {
      window.clearInterval(timer); timer = null;
      pause.classList.remove("pause--running");
      button.textContent = startLabel;
      button.className = "pause__start";
      timerText.textContent = "";
      status.textContent = pause.getAttribute("data-done-label") || "";
    }

    button.addEventListener("click", function () {
      if (timer) { finish(); return; }
      var left = seconds;
      pause.classList.add("pause--running");
      button.textContent = stopLabel;
      button.className = "pause__stop";
      status.textContent = pause.getAttribute("data-started-label") || "";
      function tick() {
        if (left <= 0) { finish(); return; }
        // Four seconds in, four out: the rhythm the pause's text describes.
        timerText.textContent = breathe[Math.floor((seconds - left) / 4) % 2] + " · " + left;
        left -= 1;
      }
      tick();
      timer = window.setInterval(tick, 1000);
    });
  });
})();
