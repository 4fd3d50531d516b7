// "Save for offline": the page side of the opt-in offline copy (the worker is sw.js at the site root).
//
// Nothing is stored and no service worker is registered until the reader presses "Save for offline".
// Then, in this order:
//   1. every file listed in offline/manifest.json is downloaded from this site and stored in the cache
//      "handbook-offline <site path> <version>", each checked against the size the manifest gives
//      (a retry continues an unfinished save: files already stored in that cache are kept);
//   2. the service worker sw.js is registered;
//   3. only then is the one record written ("handbook-offline <site path>", key offline/saved.json:
//      version, edition, bytes, number of files) that tells the worker which cache is complete;
//      older copies are deleted.
// A save that fails at any step leaves no record for its cache, so the worker never uses it.
// "Remove the offline copy" unregisters the worker and deletes every cache named above.
// Updates are offered, not done quietly: when the reader is online and the site's manifest has
// another version than the saved copy, the page says so and offers "Save the new edition"
// (on the home and About pages in their box, elsewhere in a note at the top of the page).
// Every address is relative to the site root, so the handbook works from a sub-path. Every text the
// box shows is worded through hbT, in the page's language (window.hbT, docs/assets/handbook.js).
(function () {
  "use strict";

  // The page's words: window.hbT translates them; without it, the English, with its {values} filled in.
  function hbT(text, values) {
    if (window.hbT) return window.hbT(text, values);
    return String(text).replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  var SAVE_MARK = "hb-offline-save"; // sw.js sends requests marked with it straight to the network
  var PARALLEL = 8; // a browser opens 6 connections to a host; the other two store while those download

  var supported =
    "serviceWorker" in navigator && "caches" in window && window.isSecureContext && /^https?:$/.test(location.protocol);

  // --- where things are ------------------------------------------------------------------------

  function siteRoot(box) {
    if (box && box.dataset.worker) return new URL(".", new URL(box.dataset.worker, location.href));
    if (window.__md_scope) return new URL(".", window.__md_scope);
    return new URL(".", location.href);
  }

  function Place(box) {
    this.root = siteRoot(box);
    this.worker = new URL(box && box.dataset.worker ? box.dataset.worker : "sw.js", box ? location.href : this.root);
    this.manifest = new URL(box && box.dataset.manifest ? box.dataset.manifest : "offline/manifest.json", box ? location.href : this.root);
    this.prefix = "handbook-offline " + this.root.pathname; // also in sw.js
    this.record = new URL("offline/saved.json", this.root).href;
  }

  Place.prototype.cacheName = function (version) {
    return this.prefix + " " + version;
  };

  Place.prototype.fileUrl = function (path) {
    return new URL(path.replace(/%/g, "%25").replace(/#/g, "%23").replace(/\?/g, "%3F"), this.root).href;
  };

  // --- what is stored --------------------------------------------------------------------------

  Place.prototype.readRecord = function () {
    var place = this;
    return caches.has(place.prefix).then(function (has) {
      if (!has) return null; // caches.open() would create the cache: only open what exists
      return caches.open(place.prefix).then(function (cache) {
        return cache.match(place.record).then(function (response) {
          return response ? response.json() : null;
        });
      });
    }).catch(function () { return null; });
  };

  Place.prototype.ourCaches = function () {
    var place = this;
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name === place.prefix || name.indexOf(place.prefix + " ") === 0; });
    });
  };

  Place.prototype.registration = function () {
    var root = this.root.href;
    return navigator.serviceWorker.getRegistration(root).then(function (reg) {
      return reg && reg.scope === root ? reg : null;
    }).catch(function () { return null; });
  };

  Place.prototype.fetchManifest = function (fresh) {
    var url = new URL(this.manifest.href);
    if (fresh) url.searchParams.set(SAVE_MARK, "manifest");
    return fetch(url.href, { cache: fresh ? "no-cache" : "default", credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(hbT("the list of files could not be downloaded (HTTP {status})", { status: response.status }));
      return response.json();
    }).then(function (manifest) {
      if (!manifest || typeof manifest.version !== "string" || !Array.isArray(manifest.files) || typeof manifest.bytes !== "number") {
        throw new Error(hbT("the list of files is not readable"));
      }
      return manifest;
    });
  };

  // --- saving ----------------------------------------------------------------------------------

  function SaveError(message, stored) {
    this.message = message;
    this.stored = stored;
  }

  // Store every file of the manifest in the cache of its version; onProgress(files, bytes) after each.
  Place.prototype.storeFiles = function (manifest, onProgress) {
    var place = this;
    var name = place.cacheName(manifest.version);
    var done = 0;
    var bytes = 0;
    var failed = null;
    return caches.open(name).then(function (cache) {
      return cache.keys().then(function (requests) {
        var have = new Set(requests.map(function (r) { return r.url; }));
        var queue = manifest.files.slice();

        function one(path, size, attempt) {
          var key = place.fileUrl(path);
          if (have.has(key)) return Promise.resolve();
          var url = new URL(key);
          url.searchParams.set(SAVE_MARK, manifest.version);
          return fetch(url.href, { cache: "no-cache", credentials: "same-origin", redirect: "error" }).then(function (response) {
            if (!response.ok) throw new SaveError(hbT("{path} could not be downloaded (HTTP {status})", { path: path, status: response.status }));
            var type = response.headers.get("Content-Type");
            return response.blob().then(function (body) {
              if (body.size !== size) {
                throw new SaveError(hbT("{path} is not the size the list gives: the site has changed while saving", { path: path }));
              }
              var headers = { "Content-Length": String(body.size) };
              if (type) headers["Content-Type"] = type;
              return cache.put(key, new Response(body, { status: 200, headers: headers }));
            });
          }).catch(function (error) {
            if (error instanceof SaveError) throw error;
            if (error && error.name === "QuotaExceededError") {
              throw new SaveError(hbT("this browser did not allow enough storage space for it"));
            }
            if (attempt < 2) return one(path, size, attempt + 1); // one more try after a network error
            throw new SaveError(navigator.onLine
              ? hbT("{path} could not be downloaded (a network error)", { path: path })
              : hbT("{path} could not be downloaded (no connection)", { path: path }));
          });
        }

        function worker() {
          if (failed || !queue.length) return Promise.resolve();
          var file = queue.shift();
          return one(file[0], file[1], 1).then(function () {
            done += 1;
            bytes += file[1];
            onProgress(done, bytes);
            return worker();
          }, function (error) {
            failed = failed || error;
          });
        }

        var workers = [];
        for (var i = 0; i < PARALLEL; i++) workers.push(worker());
        return Promise.all(workers).then(function () {
          if (failed) {
            failed.stored = done;
            throw failed;
          }
        });
      });
    });
  };

  // Fail early, before downloading, when the browser says the space it allows is too small.
  function roomFor(bytes) {
    if (!navigator.storage || !navigator.storage.estimate) return Promise.resolve();
    return navigator.storage.estimate().then(function (estimate) {
      var free = (estimate.quota || 0) - (estimate.usage || 0);
      if (estimate.quota && free < bytes) {
        throw new SaveError(hbT("this browser allows this site {free} of storage, and the handbook needs {needed}", { free: size(Math.max(free, 0)), needed: size(bytes) }), 0);
      }
    }, function () {});
  }

  function whenActive(reg) {
    return new Promise(function (resolve, reject) {
      if (reg.active) return resolve(reg);
      var worker = reg.installing || reg.waiting;
      if (!worker) return reject(new SaveError(hbT("the offline helper of this browser did not start")));
      var timer = setTimeout(function () { reject(new SaveError(hbT("the offline helper of this browser did not start"))); }, 15000);
      worker.addEventListener("statechange", function () {
        if (worker.state === "activated") {
          clearTimeout(timer);
          resolve(reg);
        } else if (worker.state === "redundant") {
          clearTimeout(timer);
          reject(new SaveError(hbT("the offline helper of this browser stopped")));
        }
      });
    });
  }

  // The whole save: files, then the worker, then the record; older copies go last.
  Place.prototype.save = function (manifest, onProgress) {
    var place = this;
    return roomFor(manifest.bytes).then(function () {
      return place.storeFiles(manifest, onProgress);
    }).then(function () {
      return navigator.serviceWorker.register(place.worker.href, { scope: place.root.href }).catch(function (error) {
        throw new SaveError(hbT("this browser did not allow the offline helper ({error})", { error: error.message }), manifest.files.length);
      });
    }).then(whenActive).then(function (reg) {
      var saved = { version: manifest.version, edition: manifest.edition || "", bytes: manifest.bytes, files: manifest.files.length };
      return caches.open(place.prefix).then(function (cache) {
        var body = JSON.stringify(saved);
        return cache.put(place.record, new Response(body, { headers: { "Content-Type": "application/json" } }));
      }).then(function () {
        return place.ourCaches();
      }).then(function (names) {
        var keep = [place.prefix, place.cacheName(manifest.version)];
        return Promise.all(names.filter(function (n) { return keep.indexOf(n) < 0; }).map(function (n) { return caches.delete(n); }));
      }).then(function () {
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
        reg.update().catch(function () {});
        return saved;
      });
    });
  };

  Place.prototype.remove = function () {
    var place = this;
    return place.registration().then(function (reg) {
      return reg ? reg.unregister() : true;
    }).then(function () {
      return place.ourCaches();
    }).then(function (names) {
      return Promise.all(names.map(function (n) { return caches.delete(n); }));
    }).then(function () {
      return place.ourCaches();
    }).then(function (left) {
      if (left.length) throw new Error(hbT("some of it could not be deleted"));
    });
  };

  // --- words -----------------------------------------------------------------------------------

  function size(bytes) {
    if (bytes < 1e6) return Math.max(1, Math.round(bytes / 1e3)) + " kB";
    return (bytes / 1e6).toFixed(1) + " MB";
  }

  function count(n) {
    return Number(n).toLocaleString("en");
  }

  function edition(thing) {
    return thing && thing.edition ? hbT("edition {edition}", { edition: thing.edition }) : hbT("this edition");
  }

  // --- the box on the page ---------------------------------------------------------------------

  function Control(box, place) {
    this.box = box;
    this.place = place;
    this.manifest = null;
    this.saved = null;
    this.busy = false;
    this.note = false; // true: the short note at the top of a page without the box
    this.status = box.querySelector(".hb-offline-status");
    if (!this.status) {
      this.status = document.createElement("p");
      this.status.className = "hb-offline-status";
      this.status.setAttribute("role", "status");
      box.appendChild(this.status);
    }
    this.status.setAttribute("tabindex", "-1");
    // The status region holds two lines: what happened, and what it means now (both are announced).
    this.main = document.createElement("span");
    this.main.className = "hb-offline-main";
    this.detail = document.createElement("span");
    this.detail.className = "hb-offline-detail";
    this.detail.hidden = true;
    this.status.replaceChildren(this.main, this.detail);
    this.progress = document.createElement("progress");
    this.progress.className = "hb-offline-progress";
    this.progress.setAttribute("aria-label", hbT("Saving for offline"));
    this.progress.hidden = true;
    this.status.after(this.progress);
    var actions = document.createElement("p");
    actions.className = "hb-offline-actions";
    this.progress.after(actions);
    var control = this;
    function button(label, primary, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "md-button" + (primary ? " md-button--primary" : "");
      b.textContent = label;
      b.hidden = true;
      b.addEventListener("click", function () { action.call(control); });
      actions.appendChild(b);
      return b;
    }
    this.saveButton = button(hbT("Save for offline"), true, this.onSave);
    this.removeButton = button(hbT("Remove the offline copy"), false, this.onRemove);
    box.classList.add("hb-offline--ready");
  }

  // Show a state: the status line, an optional detail line, which buttons, and the save button's label.
  Control.prototype.show = function (text, options) {
    options = options || {};
    var focused = this.box.contains(document.activeElement) && document.activeElement.tagName === "BUTTON";
    this.main.textContent = text;
    this.detail.textContent = options.detail || "";
    this.detail.hidden = !options.detail;
    this.saveButton.hidden = !options.save;
    if (options.save) this.saveButton.textContent = options.save;
    this.removeButton.hidden = !options.remove;
    this.progress.hidden = !options.progress;
    this.box.dataset.state = options.state || "";
    if (focused && document.activeElement && document.activeElement.hidden) {
      var next = [this.saveButton, this.removeButton].filter(function (b) { return !b.hidden; })[0];
      (next || this.status).focus();
    } else if (focused && !this.box.contains(document.activeElement)) {
      this.status.focus();
    }
  };

  Control.prototype.refresh = function () {
    var control = this;
    var place = this.place;
    var stored = place.ourCaches().catch(function () { return []; });
    return Promise.all([place.readRecord(), stored, place.registration()]).then(function (found) {
      control.saved = found[0];
      var anything = found[1].length > 0 || !!found[2];
      control.showSaved(anything);
      return place.fetchManifest(false).then(function (manifest) {
        control.manifest = manifest;
        control.showSaved(anything);
      }, function () {
        control.manifest = null;
        control.showSaved(anything, true);
      });
    }).catch(function () {
      control.show(hbT("This browser does not allow this site to store the handbook (it may be in private mode)."), { state: "unsupported" });
    });
  };

  Control.prototype.showSaved = function (anything, noManifest) {
    var saved = this.saved;
    var manifest = this.manifest;
    if (saved) {
      var text = hbT("Saved on this device: {edition}, {size} in {files} files. The whole handbook works here with no connection, search included.",
        { edition: edition(saved), size: size(saved.bytes), files: count(saved.files) });
      var newEdition = manifest && manifest.edition && manifest.edition !== saved.edition;
      if (manifest && manifest.version !== saved.version && this.note) { // a page without the box: short
        return this.show(newEdition
          ? hbT("A new edition ({edition}) of the handbook is available.", { edition: manifest.edition })
          : hbT("A new version of the handbook is available."), {
          state: "update",
          detail: hbT("The copy saved on this device is {edition}. Saving the new one downloads {size} and replaces it.",
            { edition: edition(saved), size: size(manifest.bytes) }),
          save: hbT("Save the new edition"),
        });
      }
      if (manifest && manifest.version !== saved.version) {
        return this.show(text, {
          state: "update",
          detail: newEdition
            ? hbT("A new edition ({edition}) of the handbook is available. Saving it downloads {size} and then replaces the copy on this device.",
              { edition: manifest.edition, size: size(manifest.bytes) })
            : hbT("A new version of the handbook is available. Saving it downloads {size} and then replaces the copy on this device.",
              { size: size(manifest.bytes) }),
          save: hbT("Save the new edition"),
          remove: true,
        });
      }
      return this.show(text, { state: "saved", remove: true });
    }
    var partial = anything
      ? hbT("A save that did not finish is on this device. It is not used; saving again continues it.")
      : "";
    if (manifest) {
      return this.show(hbT("Saving downloads {size} ({files} files) from this site, {edition}.",
        { size: size(manifest.bytes), files: count(manifest.files.length), edition: edition(manifest) }),
        { state: anything ? "partial" : "idle", detail: partial, save: hbT("Save for offline"), remove: anything });
    }
    if (noManifest) {
      return this.show(hbT("Saving for offline needs a connection to this site. Try again when you are online."),
        { state: "no-connection", detail: partial, save: hbT("Save for offline"), remove: anything });
    }
    this.show(hbT("Checking the size of the offline copy…"), { state: "checking" });
  };

  Control.prototype.onSave = function () {
    if (this.busy) return;
    this.busy = true;
    var control = this;
    var place = this.place;
    var before = this.saved;
    this.show(hbT("Preparing to save…"), { state: "saving", progress: true });
    this.progress.removeAttribute("value");
    place.fetchManifest(true).catch(function (error) {
      throw new SaveError(error.message, 0);
    }).then(function (manifest) {
      control.manifest = manifest;
      var total = manifest.files.length;
      var announced = -1;
      control.progress.max = manifest.bytes || 1;
      control.progress.value = 0;
      control.show(hbT("Saving for offline: 0 of {total}.", { total: size(manifest.bytes) }), { state: "saving", progress: true });
      return place.save(manifest, function (files, bytes) {
        control.progress.value = bytes;
        var tenth = Math.floor((10 * files) / total);
        if (tenth !== announced) { // the status line changes every tenth, so that a screen reader is not flooded
          announced = tenth;
          control.main.textContent = hbT("Saving for offline: {size} of {total} ({files} of {count} files).",
            { size: size(bytes), total: size(manifest.bytes), files: count(files), count: count(total) });
        }
      });
    }).then(function (saved) {
      control.busy = false;
      control.saved = saved;
      control.showSaved(true);
      document.dispatchEvent(new CustomEvent("hb-offline-saved", { detail: saved }));
    }, function (error) {
      control.busy = false;
      var message = error instanceof SaveError ? error.message
        : hbT("this browser did not allow storing it ({error})", { error: error && error.message ? error.message : String(error) });
      var stored = error && typeof error.stored === "number" && control.manifest
        ? " " + hbT("{stored} of {total} files were stored before it stopped.", { stored: count(error.stored), total: count(control.manifest.files.length) })
        : "";
      var now = before
        ? hbT("Your offline copy of {edition} is still the one in use.", { edition: edition(before) })
        : hbT("The handbook is not saved for offline use: the files stored so far are not used until a save finishes.");
      control.show(hbT("Saving for offline failed: {reason}.", { reason: message }) + stored, {
        state: "failed",
        detail: now,
        save: hbT("Try again"),
        remove: true,
      });
    });
  };

  Control.prototype.onRemove = function () {
    if (this.busy) return;
    this.busy = true;
    var control = this;
    this.show(hbT("Removing the offline copy…"), { state: "removing" });
    this.place.remove().then(function () {
      control.busy = false;
      control.saved = null;
      control.show(hbT("The offline copy is removed: nothing of it is left on this device."), {
        state: "removed",
        detail: control.manifest ? hbT("Saving again downloads {size}.", { size: size(control.manifest.bytes) }) : "",
        save: hbT("Save for offline"),
      });
    }, function (error) {
      control.busy = false;
      control.show(hbT("The offline copy could not be removed: {reason}.", { reason: error.message }), {
        state: "failed",
        detail: hbT("You can also remove it in your browser's settings for this site (site data)."),
        remove: true,
      });
    });
  };

  // --- set up ----------------------------------------------------------------------------------

  function unsupported(box) {
    var status = box.querySelector(".hb-offline-status");
    if (status) {
      status.textContent = /^https?:$/.test(location.protocol)
        ? hbT("This browser cannot save the handbook for offline use.")
        : hbT("This browser cannot save the handbook for offline use from this copy.");
    }
  }

  // A page without the box: if a saved copy is out of date, a note at the top of the page offers the new edition.
  function noteIfOutdated() {
    if (!navigator.serviceWorker.controller || navigator.onLine === false) return;
    var place = new Place(null);
    place.readRecord().then(function (saved) {
      if (!saved) return;
      return place.fetchManifest(false).then(function (manifest) {
        if (manifest.version === saved.version) return;
        var article = document.querySelector("article.md-content__inner") || document.querySelector("main");
        if (!article) return;
        var note = document.createElement("div");
        note.className = "hb-offline hb-offline--note";
        note.dataset.hbOffline = "";
        note.dataset.worker = place.worker.href;
        note.dataset.manifest = place.manifest.href;
        var heading = article.querySelector("h1");
        if (heading) heading.after(note); else article.prepend(note);
        var control = new Control(note, place);
        control.note = true;
        control.saved = saved;
        control.manifest = manifest;
        control.showSaved(true);
      });
    }).catch(function () {});
  }

  // After the page has loaded: the size check never competes with the page itself.
  function later(run) {
    var go = function () { (window.requestIdleCallback || setTimeout)(run, { timeout: 2000 }); };
    if (document.readyState === "complete") go(); else window.addEventListener("load", go, { once: true });
  }

  function setUp() {
    var boxes = document.querySelectorAll("[data-hb-offline]");
    if (!supported) {
      boxes.forEach(unsupported);
      return;
    }
    if (!boxes.length) return later(noteIfOutdated);
    boxes.forEach(function (box) {
      if (box.dataset.hbOfflineReady) return;
      box.dataset.hbOfflineReady = "1";
      var control = new Control(box, new Place(box));
      control.showSaved(false);
      later(function () { control.refresh(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
