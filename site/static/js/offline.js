/* Claves: "Save to read offline" on a booklet's contents page, and the list of saved
   booklets on the offline page. Nothing is stored and no service worker is registered
   until the reader presses the button; "Remove from this phone" deletes the copy, and
   the worker with the last one. The work itself is done by /sw.js (offline-sw.js). */
(function () {
  "use strict";

  var PREFIX = "claves-offline|";
  if (!("serviceWorker" in navigator) || !window.caches) return;

  function fill(template, about) {
    return template.replace("{edition}", about.edition)
      .replace("{size}", String(Math.max(1, Math.round(about.bytes / 1024))));
  }

  /* What is saved: one entry per booklet, read from the copy kept beside its pages. */
  function savedCopies() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0; })
        .map(function (name) {
          var manifest = name.split("|")[1];
          return caches.open(name).then(function (cache) { return cache.match(manifest); })
            .then(function (hit) { return hit ? hit.json() : null; })
            .then(function (about) { return about && { name: name, manifest: manifest, about: about }; });
        }));
    }).then(function (copies) { return copies.filter(Boolean); });
  }

  function askWorker(message) {
    return navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data.ok) resolve(event.data.result); else reject(new Error(event.data.error));
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  function forget(manifest) {
    return savedCopies().then(function (copies) {
      var mine = copies.filter(function (copy) { return copy.manifest === manifest; });
      return Promise.all(mine.map(function (copy) { return caches.delete(copy.name); }))
        .then(function () { return copies.length === mine.length; });
    }).then(function (noneLeft) {
      if (!noneLeft) return null;
      // The last copy gone: the worker goes too, so nothing of ours stays on the phone.
      return navigator.serviceWorker.getRegistrations().then(function (registrations) {
        return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
      });
    });
  }

  var panel = document.querySelector("[data-offline-panel]");
  if (panel) {
    var manifest = panel.getAttribute("data-manifest");
    var status = panel.querySelector("[data-offline-status]");
    var saveButton = panel.querySelector("[data-offline-save]");
    var removeButton = panel.querySelector("[data-offline-remove]");
    var show = function (saved, text) {
      status.textContent = text || "";
      saveButton.hidden = saved;
      removeButton.hidden = !saved;
    };
    panel.hidden = false;
    savedCopies().then(function (copies) {
      var mine = copies.filter(function (copy) { return copy.manifest === manifest; })[0];
      if (!mine) return;
      show(true, fill(panel.getAttribute("data-saved"), mine.about));
      if (!navigator.onLine) return;
      askWorker({ type: "refresh", manifest: manifest }).then(function (result) {
        if (result.updated) show(true, fill(panel.getAttribute("data-updated"), result.about));
      }).catch(function () { /* the saved copy stays as it was */ });
    });
    saveButton.addEventListener("click", function () {
      saveButton.disabled = true;
      status.textContent = panel.getAttribute("data-saving");
      askWorker({ type: "save", manifest: manifest }).then(function (about) {
        show(true, fill(panel.getAttribute("data-saved"), about));
      }, function () {
        show(false, panel.getAttribute("data-failed"));
      }).then(function () { saveButton.disabled = false; });
    });
    removeButton.addEventListener("click", function () {
      forget(manifest).then(function () { show(false, panel.getAttribute("data-removed")); });
    });
  }

  /* The offline page lists the saved booklets, each a link to its saved contents. */
  var list = document.querySelector("[data-offline-list]");
  if (list) {
    savedCopies().then(function (copies) {
      if (!copies.length) return;
      copies.forEach(function (copy) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = copy.about.url;
        link.textContent = copy.about.booklet;
        item.appendChild(link);
        item.appendChild(document.createTextNode(" · " + copy.about.edition));
        list.querySelector("ul").appendChild(item);
      });
      list.hidden = false;
    });
  }
})();
