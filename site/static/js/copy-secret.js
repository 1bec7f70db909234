// The "Copy the key" button on the second factor's set-up: copies the key without the
// spaces that group it, and says so. Without JavaScript the key is plain selectable text.
(function () {
  "use strict";
  var button = document.querySelector("[data-copy-secret]");
  var secret = document.querySelector("[data-totp-secret]");
  var status = document.querySelector("[data-copy-status]");
  if (!button || !secret || !status || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(secret.textContent.replace(/\s+/g, "")).then(
      function () { status.textContent = status.dataset.copied; },
      function () { status.textContent = status.dataset.failed; }
    );
  });
})();
