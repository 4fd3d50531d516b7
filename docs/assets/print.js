// Before printing, open every <details> element, so that the worked analyses, the facilitator notes
// and the answers of the self-checks print; after printing, close again the ones that were closed.
// The browser fires beforeprint when a reader prints; `handbook pdf` fires it before page.pdf.
(function () {
  var opened = [];
  function openAll() {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  }
  function restore() {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  }
  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", restore);
  if (window.matchMedia) {
    var print = window.matchMedia("print");
    var changed = function (event) { (event.matches ? openAll : restore)(); };
    if (print.addEventListener) print.addEventListener("change", changed);
    else if (print.addListener) print.addListener(changed);
  }
})();
