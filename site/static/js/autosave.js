/* Autosave for text people write: to the server (never localStorage) every 10 seconds
   of typing and when the field loses focus. The plain Save button still works. */
(function () {
  "use strict";
  var form = document.querySelector("[data-autosave-form]");
  if (!form || !window.fetch) return;
  var field = form.querySelector("[data-autosave]");
  var status = form.querySelector("[data-autosave-status]");
  if (!field) return;
  // What the server has: text typed before this script loaded still counts as unsaved.
  var lastSaved = field.defaultValue;
  var timer = null;
  var saving = false;

  function save() {
    window.clearTimeout(timer); timer = null;
    if (saving || field.value === lastSaved) return;
    saving = true;
    var value = field.value;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { "Accept": "application/json" },
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    }).then(function (result) {
      saving = false;
      if (!result.ok) {
        if (status) status.textContent = form.getAttribute("data-error-label") || "Not saved";
        return;
      }
      lastSaved = value;
      if (status) status.textContent = result.data.saved;
      if (result.data.url && form.action.indexOf(result.data.url) === -1) {
        form.action = result.data.url;
        window.history.replaceState(null, "", result.data.url);
      }
      if (field.value !== lastSaved) schedule();
    }).catch(function () {
      saving = false;
      if (status) status.textContent = form.getAttribute("data-error-label") || "Not saved";
    });
  }
  function schedule() { if (!timer) timer = window.setTimeout(save, 10000); }
  field.addEventListener("input", schedule);
  if (field.value !== lastSaved) schedule();
  field.addEventListener("blur", save);
  window.addEventListener("beforeunload", function () { if (field.value !== lastSaved) save(); });
})();
