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
    window.location.replace(exitLink ? exitLink.href : "/exit/");
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

  /* Pause blocks: a calm guided timer. */
  document.querySelectorAll(".pause[data-seconds]").forEach(function (pause) {
    var seconds = parseInt(pause.getAttribute("data-seconds"), 10) || 60;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pause__start";
    button.textContent = pause.getAttribute("data-start-label") || "Start";
    var status = document.createElement("p");
    status.className = "pause__timer";
    status.setAttribute("role", "timer");
    status.setAttribute("aria-live", "polite");
    pause.appendChild(button);
    pause.appendChild(status);
    var timer = null;
    button.addEventListener("click", function () {
      if (timer) return;
      var left = seconds;
      var breathe = [pause.getAttribute("data-in-label") || "Breathe in",
                     pause.getAttribute("data-out-label") || "Breathe out"];
      pause.classList.add("pause--running");
      button.hidden = true;
      function tick() {
        status.textContent = breathe[Math.floor((seconds - left) / 4) % 2] + " · " + left;
        if (left <= 0) {
          window.clearInterval(timer); timer = null;
          pause.classList.remove("pause--running");
          status.textContent = pause.getAttribute("data-done-label") || "";
          button.hidden = false;
        }
        left -= 1;
      }
      tick();
      timer = window.setInterval(tick, 1000);
    });
  });
})();
