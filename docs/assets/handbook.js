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
