// Copy an item's permanent link. Works with mouse, touch and keyboard (it is a real button).
(function () {
  function setUp(root) {
    root.querySelectorAll(".hb-cite").forEach(function (box) {
      var link = box.querySelector("a.hb-permalink");
      var button = box.querySelector("button.hb-copy");
      if (!link || !button || button.dataset.ready) return;
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
        // The public address, as shown: in the offline copy the link itself leads to a file of the copy.
        var address = link.textContent.trim();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(address).then(
            function () { done(" Link copied."); },
            function () { select(link); done(" Press Ctrl+C to copy."); }
          );
        } else {
          select(link);
          done(" Press Ctrl+C to copy.");
        }
      });
    });
  }
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  if (window.document$) {
    window.document$.subscribe(function () { setUp(document); });
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document); });
  }
})();
