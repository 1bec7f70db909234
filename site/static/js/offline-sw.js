/* Claves: the service worker for reading a booklet offline. It is registered only when
   a reader presses "Save to read offline" (offline.js), and it only ever stores what a
   booklet's offline manifest lists, fetched without cookies: pages as anyone signed out
   sees them. Online, every request goes to the network as usual; the saved copy answers
   only when the network cannot. The quick exit deletes the caches and this worker. */
"use strict";

var PREFIX = "claves-offline|";
var CHECK_EVERY_MS = 10 * 60 * 1000;
var lastChecked = {};

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

/* A cache per booklet and version: "claves-offline|<manifest path>|<version>". A new
   version is saved beside the old one, which is deleted only once the new one is whole. */
function cacheName(manifestPath, version) { return PREFIX + manifestPath + "|" + version; }
function savedNames() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
  });
}
function manifestOf(name) { return name.split("|")[1]; }

function anonymous(url) {
  // No cookie travels: no personal data and no facilitator-only content in a copy.
  return fetch(url, { credentials: "omit", cache: "no-cache", redirect: "follow" });
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

/* A response stored as a plain 200 (a followed redirect cannot answer a navigation). */
function storable(response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    return { size: body.size, response: new Response(body, { status: 200, headers: headers }) };
  });
}

function save(manifestPath) {
  return anonymous(manifestPath).then(function (answer) {
    if (!answer.ok) throw new Error("manifest " + answer.status);
    return answer.json();
  }).then(function (manifest) {
    var name = cacheName(manifestPath, manifest.version);
    var bytes = 0;
    var assets = {};
    return caches.open(name).then(function (cache) {
      function keep(url, response) {
        return storable(response).then(function (stored) {
          bytes += stored.size;
          return cache.put(url, stored.response);
        });
      }
      var pages = manifest.pages.map(function (page) {
        return anonymous(page.url).then(function (response) {
          if (!response.ok) throw new Error(page.url + " " + response.status);
          return response.clone().text().then(function (html) {
            assetsOf(html).forEach(function (url) { assets[url] = true; });
            return keep(page.url, response);
          });
        });
      });
      return Promise.all(pages).then(function () {
        return Promise.all(Object.keys(assets).map(function (url) {
          return anonymous(url).then(function (response) {
            return response.ok ? keep(url, response) : null;
          });
        }));
      }).then(function () {
        // What the page shows about this copy, kept beside it.
        var about = Object.assign({}, manifest, { bytes: bytes, saved_at: Date.now() });
        return cache.put(manifestPath, new Response(JSON.stringify(about), {
          headers: { "Content-Type": "application/json" }
        })).then(function () { return about; });
      });
    }).then(function (about) {
      return dropOtherVersions(manifestPath, name).then(function () { return about; });
    }, function (error) {
      return caches.delete(name).then(function () { throw error; });
    });
  });
}

function dropOtherVersions(manifestPath, keep) {
  return savedNames().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return manifestOf(name) === manifestPath && name !== keep;
    }).map(function (name) { return caches.delete(name); }));
  });
}

/* The next online visit notices a new live revision or edition and saves it again. */
function refresh(manifestPath) {
  return savedNames().then(function (names) {
    var current = names.filter(function (name) { return manifestOf(name) === manifestPath; })[0];
    if (!current) return { saved: false };
    return anonymous(manifestPath).then(function (answer) { return answer.json(); }).then(function (manifest) {
      if (current === cacheName(manifestPath, manifest.version)) return { saved: true, updated: false };
      return save(manifestPath).then(function (about) { return { saved: true, updated: true, about: about }; });
    });
  });
}

function refreshWhatHolds(url) {
  return savedNames().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.match(url, { ignoreVary: true }); })
        .then(function (hit) {
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
      return caches.open(name).then(function (cache) {
        return cache.match(name.split("|")[1]).then(function (about) { return about.json(); }).then(function (manifest) {
          // "/" opens the saved home page, as online it goes to the home in a language.
          return cache.match(url.pathname === "/" ? manifest.pages[0].url : manifest.offline_page);
        });
      });
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
