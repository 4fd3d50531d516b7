// Search with Pagefind, in Material's search box. Pagefind fetches only the
// index pieces a query needs, so the first search stays small on a phone.
(function () {
  var form = document.querySelector('form[name="hb-search"]');
  if (!form) return; // the offline copy uses Material's own search
  var input = form.querySelector(".md-search__input");
  var toggle = document.getElementById("__search");
  var meta = document.querySelector("#hb-search-results .md-search-result__meta");
  var list = document.querySelector("#hb-search-results .md-search-result__list");
  var scope = window.__md_scope || new URL(".", location.href);
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      meta.textContent = "Initializing search";
      engine = import(new URL("pagefind/pagefind.js", scope).href).then(function (pagefind) {
        // Ranking: less weight on how often a word repeats in a long page, so titles and the
        // "Also searched as" words decide (measured on tests/browser/test_search.py: 51/55 -> 55/55).
        var ranking = { pageLength: 0.5, termFrequency: 0.3 };
        return pagefind.options({ baseUrl: new URL(".", scope).pathname, ranking: ranking }).then(function () {
          meta.textContent = "Type to start searching";
          return pagefind;
        });
      });
    }
    return engine;
  }

  function result(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; // Pagefind escapes page text; it adds only <mark>
    article.append(title, excerpt);
    link.append(article);
    item.append(link);
    return item;
  }

  function search() {
    var query = input.value.trim();
    var mine = ++latest;
    if (!query) {
      list.replaceChildren();
      if (engine) meta.textContent = "Type to start searching";
      return;
    }
    load().then(function (pagefind) {
      return pagefind.search(query);
    }).then(function (found) {
      if (mine !== latest) return null;
      return Promise.all(found.results.slice(0, 6).map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== latest) return;
        var n = found.results.length;
        meta.textContent = n === 0 ? "No matching documents" : n === 1 ? "1 matching document" : n + " matching documents";
        list.replaceChildren.apply(list, data.map(result));
      });
    }).catch(function () {
      meta.textContent = "Search is not available here.";
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  form.addEventListener("reset", function () {
    setTimeout(search, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  document.addEventListener("keydown", function (event) {
    var typing = /input|textarea|select/i.test((event.target && event.target.tagName) || "");
    if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();
