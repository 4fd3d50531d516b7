// The "Save for offline" service worker. docs/assets/offline.js registers it only after the
// reader has pressed "Save for offline" and every file of the handbook is stored; it is never
// registered otherwise. It lives at the site root, so its scope is the whole handbook.
//
// It stores nothing itself: offline.js saves the files listed in offline/manifest.json into
// a cache named by the manifest's version, and only when every file is stored writes the
// one record that names that cache as the saved copy. This worker answers from the cache
// the record names, and from nothing else: an unfinished save is never used.
//
// - Same origin only: a request to any other origin is left alone (the handbook makes none).
// - A directory address (.../principles/x/) is answered by its index.html; .../principles/x
//   is redirected to .../principles/x/ when that page is saved.
// - Anything not in the saved copy goes to the network. A page that is neither saved nor
//   reachable gets the saved "Page not found" page.
// - Requests that offline.js makes while saving (marked ?hb-offline-save) go to the network.
"use strict";

var SCOPE = new URL(self.registration.scope);
var PREFIX = "handbook-offline " + SCOPE.pathname; // shared with offline.js; one handbook per scope
var RECORD_CACHE = PREFIX;
var RECORD_KEY = new URL("offline/saved.json", SCOPE).href;
var SAVE_MARK = "hb-offline-save";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

// The saved copy: {version, edition, bytes, files} from the record, or null.
function savedCopy() {
  return caches.has(RECORD_CACHE).then(function (has) {
    if (!has) return null;
    return caches.open(RECORD_CACHE).then(function (cache) {
      return cache.match(RECORD_KEY).then(function (response) {
        return response ? response.json() : null;
      });
    });
  }).catch(function () { return null; });
}

function cacheName(version) {
  return PREFIX + " " + version;
}

// The stored file that answers a URL: the address without query or fragment, index.html for a directory.
function keyOf(url) {
  var key = new URL(url.href);
  key.search = "";
  key.hash = "";
  if (key.pathname.endsWith("/")) key.pathname += "index.html";
  return key.href;
}

function answer(request, url) {
  return savedCopy().then(function (saved) {
    if (!saved) return fetch(request);
    var name = cacheName(saved.version);
    return caches.has(name).then(function (has) {
      if (!has) return fetch(request); // removed in another tab: the network, as before saving
      return caches.open(name).then(function (cache) {
        return cache.match(keyOf(url)).then(function (hit) {
          if (hit) return hit;
          if (request.mode === "navigate" && !url.pathname.endsWith("/")) {
            var dir = new URL(url.href);
            dir.pathname += "/";
            return cache.match(keyOf(dir)).then(function (page) {
              if (page) return Response.redirect(dir.href, 301);
              return network(request, cache);
            });
          }
          return network(request, cache);
        });
      });
    });
  });
}

function network(request, cache) {
  return fetch(request).catch(function (error) {
    if (request.mode !== "navigate") throw error;
    return cache.match(new URL("404.html", SCOPE).href).then(function (page) {
      if (!page) throw error;
      return page.blob().then(function (body) {
        return new Response(body, { status: 404, statusText: "Not Found", headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  if (url.searchParams.has(SAVE_MARK)) return; // offline.js is saving: straight to the network
  if (request.cache === "only-if-cached" && request.mode !== "same-origin") return;
  event.respondWith(answer(request, url));
});
