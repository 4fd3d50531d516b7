// Copy permanent links. Every "Copy link" button copies a public address: the one in its
// data-copy attribute (sub-items), or the one shown in its box's permanent link (items and pages).
// In the offline copy the links themselves lead to files of the copy, so the address is never read
// from an href. Works with mouse, touch and keyboard (they are real buttons).
(function () {
  function setUp(root) {
    root.querySelectorAll("button.hb-copy").forEach(function (button) {
      if (button.dataset.ready) return;
      var box = button.closest(".hb-cite");
      var shown = box && box.querySelector("a.hb-permalink");
      var address = button.dataset.copy || (shown && shown.textContent.trim());
      if (!address) return;
      button.dataset.ready = "1";
      var status = document.createElement("span");
      status.className = "hb-copy-status";
      status.setAttribute("role", "status");
      button.after(status);
      button.addEventListener("click", function () {
        var done = function (text) {
          status.textContent = text;
          setTimeout(function () { status.textContent = ""; }, 3000);
        };
        var fallback = function () {
          window.prompt("Copy this permanent link:", address);
          done("");
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(address).then(function () { done(" Link copied."); }, fallback);
        } else {
          fallback();
        }
      });
    });
  }
  if (window.document$) {
    window.document$.subscribe(function () { setUp(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();

// Back closes the navigation drawer (the menu on a phone) instead of leaving the page. Opening
// it adds one history entry for the same address (history.pushState, marked {hbDrawer: true});
// Back pops that entry and the popstate closes the drawer. Closed any other way (the menu button,
// the overlay, Escape), the drawer takes its own entry off again (history.back()), unless that
// entry is no longer the current one: a link in the drawer has moved on (a section of the page
// adds its own entry; another page replaces this one). Only #__drawer is handled here: the search
// overlay (#__search) has its own Back handling in search.js, and each ignores the other's entries.
(function () {
  var drawer = document.getElementById("__drawer");
  if (!drawer || !window.history || !history.pushState) return;
  var ours = function (state) { return !!(state && state.hbDrawer); };
  var popping = false; // closing because Back popped our entry
  var leaving = false; // a link was followed: never call history.back() then
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && !event.defaultPrevented) leaving = true;
    setTimeout(function () { leaving = false; }, 0);
  }, true);
  // Back onto an entry of ours with the drawer shut (the page came back from elsewhere): it is stale.
  if (ours(history.state) && !drawer.checked) history.replaceState(null, "");
  drawer.addEventListener("change", function () {
    if (drawer.checked) {
      if (!ours(history.state)) history.pushState({ hbDrawer: true }, "");
    } else if (!popping && !leaving && ours(history.state)) {
      history.back();
    }
  });
  window.addEventListener("popstate", function (event) {
    if (drawer.checked && !ours(event.state)) {
      popping = true;
      drawer.click(); // as Material toggles it: its change listeners run
      popping = false;
    }
  });
})();

// A table wider than the screen scrolls sideways inside Material's .md-typeset__scrollwrap. A
// keyboard can scroll it only if it can take focus (WCAG 2.1.1; axe: scrollable-region-focusable),
// so a wrapper that overflows becomes a focusable, named region; one that fits is left alone, so
// it adds no Tab stop. Checked again whenever its size changes (a phone turned sideways).
(function () {
  function mark(root) {
    root.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("caption");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "Table, scrolls sideways");
        wrap.dataset.hbScroll = "1";
      } else if (!scrolls && wrap.dataset.hbScroll) {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        delete wrap.dataset.hbScroll;
      }
    });
  }
  // Each wrapper is watched (ResizeObserver): its size changes with the window's, and it is marked
  // again in the same frame, before anyone can try to scroll it.
  var watched = window.ResizeObserver && new ResizeObserver(function () { mark(document); });
  var setUp = function () {
    mark(document);
    if (watched) document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) { watched.observe(wrap); });
  };
  if (window.document$) window.document$.subscribe(function () { window.requestAnimationFrame(setUp); });
  else document.addEventListener("DOMContentLoaded", setUp);
  window.addEventListener("load", setUp);
  if (!watched) window.addEventListener("resize", function () { mark(document); });
})();
