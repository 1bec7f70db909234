/* Autosave for text people write: to the server (never localStorage) every 10 seconds
   of typing and when the field loses focus. The plain Save button still works.
   Only a reply that says {"saved": true} counts: a redirect (the sign-in page), a
   refusal or no reply at all says "not saved" and why, and the text stays in the box. */
(function () {
  "use strict";
  var form = document.querySelector("[data-autosave-form]");
  if (!form || !window.fetch) return;
  var field = form.querySelector("[data-autosave]");
  var status = form.querySelector("[data-autosave-status]");
  if (!field) return;
  // The page says "press Save" (true without this script); now it also saves by itself.
  var hint = form.querySelector("[data-autosave-hint]");
  if (hint && form.getAttribute("data-autosave-hint")) {
    hint.textContent = form.getAttribute("data-autosave-hint");
  }
  // What the server has: text typed before this script loaded still counts as unsaved.
  var lastSaved = field.defaultValue;
  var timer = null;
  var saving = false;

  function say(text, saved) {
    if (status) status.textContent = text || form.getAttribute("data-error-label");
    form.setAttribute("data-autosave-state", saved ? "saved" : "not-saved");
  }

  function save(leaving) {
    window.clearTimeout(timer); timer = null;
    if (saving || field.value === lastSaved) return;
    saving = true;
    var value = field.value;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
      redirect: "manual",  // only the sign-in page redirects a save: never follow it
      keepalive: leaving === true,
    }).then(function (response) {
      if (response.type === "opaqueredirect") {
        return { message: form.getAttribute("data-signed-out-label") };
      }
      return response.json().then(function (data) {
        return response.ok ? data : { message: data.message };
      }, function () { return {}; });
    }).then(function (data) {
      saving = false;
      if (data.saved !== true) { say(data.message, false); return; }
      lastSaved = value;
      var version = form.querySelector("input[name=version]");
      if (version && data.version) version.value = data.version;
      say(data.message, true);
      if (data.url && form.action.indexOf(data.url) === -1) {
        form.action = data.url;
        window.history.replaceState(null, "", data.url);
      }
      if (field.value !== lastSaved) schedule();
    }).catch(function () {
      saving = false;
      say(null, false);
    });
  }
  function schedule() { if (!timer) timer = window.setTimeout(save, 10000); }
  field.addEventListener("input", schedule);
  if (field.value !== lastSaved) schedule();
  field.addEventListener("blur", save);
  var submitted = false;  // the Save button's own POST carries the text
  form.addEventListener("submit", function () { submitted = true; });
  // No "leave this page?" prompt: it would hold back the quick exit.
  window.addEventListener("pagehide", function () { if (!submitted) save(true); });
})();
