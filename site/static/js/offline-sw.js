/* Claves: the service worker for reading a booklet offline. It is registered only when
   a reader presses "Save to read offline" (offline.js), and it only ever stores what a
   booklet's offline manifest lists, fetched without cookies: pages as anyone signed out
   sees them. Online, every request goes to the network as usual; the saved copy answers
   only when the network cannot. The quick exit deletes the caches and this worker. */
"use strict";

var PREFIX = "claves-offline|";
var CHECK_EVERY_MS = 10 * 60 * 1000;
var lastChecked = {};
var saving = {};

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

/* One cache per booklet, "claves-offline|<manifest path>", with the manifest itself
   (plus size and version) stored under its own address. */
function cacheName(manifestPath) { return PREFIX + manifestPath; }
function manifestOf(name) { return name.slice(PREFIX.length); }
function savedNames() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
  });
}
function aboutCopy(name) {
  return caches.has(name).then(function (exists) {
    if (!exists) return null;  // open() would make an empty one
    return caches.open(name).then(function (cache) { return cache.match(manifestOf(name)); })
      .then(function (hit) { return hit ? hit.json() : null; });
  });
}

function anonymous(url) {
  // No cookie travels: no personal data and no facilitator-only content in a copy.
  // "reload": what the server has now, never a copy the browser kept for a minute.
  return fetch(url, { credentials: "omit", cache: "reload", redirect: "follow" });
}

/* The static files a page uses: its stylesheets, scripts and images on our origin. */
function assetsOf(html) {
  var found = [];
  var tag = /<(link|script|img)\b[^>]*>/gi;
  var match;
  while ((match = tag.exec(html))) {
    var element = match[0];
    var kind = match[1].toLowerCase();
    if (kind === "link" && !/rel="stylesheet"/.test(element)) continue;
    var address = /\s(?:src|href)="([^"]+)"/.exec(element);
    if (address && address[1].charAt(0) === "/" && address[1].charAt(1) !== "/") {
      found.push(address[1].replace(/&amp;/g, "&"));
    }
  }
  return found;
}

/* A response held in memory as a plain 200 (a followed redirect cannot answer a
   navigation), with its size. */
function fetched(url, required) {
  return anonymous(url).then(function (response) {
    if (!response.ok) {
      if (required) throw new Error(url + " " + response.status);
      return null;
    }
    return response.blob().then(function (body) {
      return { url: url, body: body, headers: new Headers(response.headers) };
    });
  });
}

/* One save per booklet at a time: the page and a navigation may both ask at once. */
function save(manifestPath) {
  if (!saving[manifestPath]) {
    var done = function () { delete saving[manifestPath]; };
    saving[manifestPath] = saveNow(manifestPath);
    saving[manifestPath].then(done, done);
  }
  return saving[manifestPath];
}

/* Everything is fetched first; only then is the copy replaced, so a save that fails
   halfway leaves the earlier copy whole. */
function saveNow(manifestPath) {
  var manifest;
  return anonymous(manifestPath).then(function (answer) {
    if (!answer.ok) throw new Error("manifest " + answer.status);
    return answer.json();
  }).then(function (listed) {
    manifest = listed;
    return Promise.all(manifest.pages.map(function (page) { return fetched(page.url, true); }));
  }).then(function (pages) {
    return Promise.all(pages.map(function (page) { return page.body.text(); })).then(function (texts) {
      var assets = {};
      texts.forEach(function (html) { assetsOf(html).forEach(function (url) { assets[url] = true; }); });
      return Promise.all(Object.keys(assets).map(function (url) { return fetched(url, false); }));
    }).then(function (assets) { return pages.concat(assets.filter(Boolean)); });
  }).then(function (entries) {
    var bytes = entries.reduce(function (sum, entry) { return sum + entry.body.size; }, 0);
    var about = Object.assign({}, manifest, { bytes: bytes, saved_at: Date.now() });
    var kept = {};
    kept[new URL(manifestPath, self.location.href).href] = true;
    entries.forEach(function (entry) { kept[new URL(entry.url, self.location.href).href] = true; });
    return caches.open(cacheName(manifestPath)).then(function (cache) {
      return Promise.all(entries.map(function (entry) {
        return cache.put(entry.url, new Response(entry.body, { status: 200, headers: entry.headers }));
      })).then(function () {
        return cache.put(manifestPath, new Response(JSON.stringify(about), {
          headers: { "Content-Type": "application/json" }
        }));
      }).then(function () {
        // What the new version no longer lists goes (a module taken off the site).
        return cache.keys().then(function (requests) {
          return Promise.all(requests.filter(function (request) { return !kept[request.url]; })
            .map(function (request) { return cache.delete(request); }));
        });
      });
    }).then(function () { return about; });
  });
}

/* The next online visit notices a new live revision or edition and saves it again. */
function refresh(manifestPath) {
  return aboutCopy(cacheName(manifestPath)).then(function (saved) {
    if (!saved) return { saved: false };
    return anonymous(manifestPath).then(function (answer) { return answer.json(); }).then(function (manifest) {
      if (manifest.version === saved.version) return { saved: true, updated: false };
      return save(manifestPath).then(function (about) { return { saved: true, updated: true, about: about }; });
    });
  });
}

function refreshWhatHolds(url) {
  return savedNames().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.match(url, { cacheName: name, ignoreVary: true }).then(function (hit) {
        var manifestPath = manifestOf(name);
        var now = Date.now();
        if (!hit || now - (lastChecked[manifestPath] || 0) < CHECK_EVERY_MS) return null;
        lastChecked[manifestPath] = now;
        return refresh(manifestPath);
      });
    }));
  }).catch(function () { /* checked again on a later visit */ });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  var work = data.type === "save" ? save(data.manifest)
    : data.type === "refresh" ? refresh(data.manifest)
    : Promise.reject(new Error("unknown message"));
  event.waitUntil(work.then(function (result) {
    if (reply) reply.postMessage({ ok: true, result: result });
  }, function (error) {
    if (reply) reply.postMessage({ ok: false, error: String(error) });
  }));
});

/* Offline: the saved copy of the page, else the calm offline page in the page's
   language (saved with every booklet), else a short plain answer. */
function offlineAnswer(request) {
  var url = new URL(request.url);
  var options = { ignoreVary: true, ignoreSearch: request.mode === "navigate" };
  return caches.match(url.pathname, options).then(function (hit) {
    if (hit || request.mode !== "navigate") return hit || Response.error();
    return savedNames().then(function (names) {
      var language = url.pathname.split("/")[1];
      var sameLanguage = names.filter(function (name) { return manifestOf(name).split("/")[1] === language; });
      var name = (sameLanguage.length ? sameLanguage : names)[0];
      if (!name) return Response.error();
      return aboutCopy(name).then(function (manifest) {
        if (!manifest) return Response.error();
        // "/" opens the saved home page, as online it goes to the home in a language.
        var page = url.pathname === "/" ? manifest.pages[0].url : manifest.offline_page;
        return caches.match(page, { cacheName: name, ignoreVary: true });
      }).then(function (page) { return page || Response.error(); });
    });
  });
}

function neverStored(url) {
  return url.origin !== self.location.origin || /^\/(admin|exit|sw\.js|documents)(\/|$)/.test(url.pathname);
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || neverStored(url)) return;  // the browser's own way
  event.respondWith(fetch(request).then(function (response) {
    if (request.mode === "navigate" && response.ok) event.waitUntil(refreshWhatHolds(url.pathname));
    return response;
  }, function () {
    return offlineAnswer(request);
  }));
});
