// Search with Pagefind, in Material's search box, for people who type the way they talk.
//
// Pagefind fetches only the index pieces a query needs, but it returns only pages that hold every
// word, knows no typos and no slang. So this box does the understanding itself, in general steps
// (never entries for particular queries):
//
//  1. words: lowercase, apostrophes out, at most MAX_WORDS of them; stop words set aside;
//  2. everyday words: phrases and words of search/words.json (data/search-words.yml) add the
//     handbook's words for them (slang, brands, abbreviations);
//  3. typos: a word the index does not know is corrected against the index's own vocabulary
//     (search/vocabulary-<letter>.json: [word, pages it is on]): edit distance 1, 2 for long
//     words, the most frequent word wins; the meta line says "Showing results for ...";
//  4. one Pagefind search per word (and per word it may mean), merged: pages matching more of
//     the words first, then by score, so a word the index lacks never empties the list;
//  5. FAQ questions and glossary terms are results of their own (Pagefind's sub_results: the
//     section under each question's heading), linking to their anchor with a preview from that
//     entry only; the whole page is then not listed again;
//  6. weak results (few, or none with all the words) add suggestions: Get help now, the
//     decision model, the principles and the boundaries.
//
// Every text but Pagefind's own excerpt is set with textContent, and the excerpt is rebuilt from
// its text and <mark> elements only, so a query or a page can never inject markup. Every text this
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
  var root = document.querySelector("[data-hb-search]");
  if (!root) return; // the offline copy (file://) keeps Material's own search
  var input = root.querySelector("input.md-search__input");
  var toggle = document.getElementById("__search");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var suggest = root.querySelector(".hb-search-suggest");
  var clear = root.querySelector(".hb-search-clear");
  var scope = window.__md_scope || new URL(".", location.href);
  var site = new URL(".", scope);
  // The page's language: Pagefind searches that language's pages (it reads <html lang>), and the
  // everyday words, vocabulary and suggestions are that language's (es/search/..., es/crisis/...).
  var LANG = (document.documentElement.getAttribute("lang") || "en").slice(0, 2).toLowerCase();
  var home = LANG === "en" ? site : new URL(LANG + "/", site);

  var T = window.__hbTune || {}; // DEV
  var MAX_CHARS = 200; // a longer query is read up to here (a pasted page gets a calm answer)
  var MAX_WORDS = 8;
  var SHOWN = T.SHOWN || 6; // results shown (each one fetches its page's text for the preview)
  var EXPAND = T.EXPAND || 4;
  var SPARE = T.SPARE === undefined ? 4 : T.SPARE; // ... and FAQ or glossary pages this far below, if one entry could rank among them // FAQ and glossary pages among the first EXPAND are split into their entries
  var SYNONYM = T.SYNONYM || 0.8; // a page found through a word's meaning counts a little less than the word
  var ENTRY_BOOST = T.ENTRY_BOOST || 1.6; // an entry is scored as its share of its (long) page's score, times this
  var SHARE = T.SHARE || 0.35; // ... as its share of the page's matches to this power (a word on many entries still counts for each)
  var COMMON = T.COMMON || 1.01; // a word on more than this share of pages is not searched if others are
  var MATCHED = T.MATCHED || 0.5; // a page matches a word in full at this share of the best page's score
  var DEFINITION = T.DEFINITION || 2; // a glossary term counts this much more when the reader asks what something means
  var GLOSSARY = /\/glossary(\/|\.html)/;
  var PREFIX = T.PREFIX || 0.3; // a page holding a word only as the start of a longer one counts this much
  var TITLE = T.TITLE === undefined ? 2 : T.TITLE; // a title holding every thing said scores 1 + TITLE times more
  var PHRASE = T.PHRASE || 1; // weight of a page holding a run of the words as typed, per two words in it
  var COVERAGE = T.COVERAGE || 2; // how much matching every thing said counts (see total())
  var STORE = "hb-search-query";
  var ENTRY_PAGES = /\/(faq|glossary)(\/|\/index\.html|\.html)$/; // pages whose h2 sections are results of their own
  function suggestions() { // [address, title, what it offers], worded when shown
    return [
      ["crisis/", hbT("Get help now"), hbT("Crisis lines to call or text, any time")],
      ["decision-model/", hbT("The decision model"), hbT("Steps to think a hard situation through")],
      ["principles/", hbT("Principles"), hbT("The code's principles, with examples")],
      ["boundaries/", hbT("Boundaries"), hbT("Everyday boundary questions by topic")],
    ];
  }
  // "what does X mean", "X meaning", "define X": the reader wants a definition (glossary terms rank higher)
  var DEFINE = new Set(
    ("mean means meaning meant define defined definition stand stands abbreviation acronym " +
      "significa significan significado definicion definición sigla siglas").split(" ")
  );
  // Words that say little on their own, per language (a query of only these still searches them).
  var STOP_ES = new Set(
    ("a al ante con contra de del desde el la las lo los un una unos unas y o u e ni que qué en entre hacia " +
      "hasta para por según sin sobre tras yo tú tu tus te ti mi mis me mí conmigo contigo él ella ellos ellas " +
      "le les se su sus nos nosotros usted ustedes es son era fue ser estar está están estoy estás soy eres " +
      "hay ha he has han había haber hacer hago hace tengo tiene tienes tener puedo puede puedes pueden " +
      "debo debe debes quiero quiere quieres si sí no muy más mas pero porque como cómo cuando cuándo donde dónde " +
      "cual cuál quien quién esto esta este eso esa ese aquí ahí ya también algo alguien nada nadie todo todos " +
      "cosa cosas pues entonces bueno ok oye qe xq pq").split(" ")
  );
  var STOP_EN = new Set(
    ("a an the i im ive id me my mine myself we us our ours you youre your yours he hes him his she shes her " +
      "hers they theyre them their theirs it its itself this that thats these those there theres here " +
      "is am are was were be been being do does did doing done dont doesnt didnt have has had having " +
      "can cant could couldnt should shouldnt would wouldnt will wont shall may might must " +
      "to of in on at by for with without from into onto about as and or but if so than then too very " +
      "just really also not no yes ok okay what whats when where which who whom whose why how " +
      "please want wants wanted need needs get gets got getting go going gonna wanna know some any " +
      "someone somebody anyone anybody everyone everybody something anything thing things stuff way like lot " +
      "actually really even still ever maybe kind sort basically literally honestly deal handle " +
      // the person a question is about: the handbook says "the person you support"
      "client clients participant participants patient patients consumer consumers guy guys girl lady dude").split(" ")
  );
  var STOP = LANG === "es" ? STOP_ES : STOP_EN;
  // Keys near each other on a phone keyboard: a first letter typed wrong is looked up there too.
  var NEAR = {
    q: "wa", w: "qeas", e: "wrds", r: "etdf", t: "ryfg", y: "tugh", u: "yihj", i: "uojk", o: "ipkl", p: "ol",
    a: "qwsz", s: "awedxz", d: "serfcx", f: "drtgvc", g: "ftyhbv", h: "gyujnb", j: "huikmn", k: "jiolm",
    l: "kop", z: "asx", x: "zsdc", c: "xdfv", v: "cfgb", b: "vghn", n: "bhjm", m: "njk",
  };

  var engine = null; // Promise of Pagefind
  var words = null; // Promise of Map(everyday phrase -> [handbook words])
  var entry = null; // Promise of pagefind-entry.json (the page count)
  var titles = null; // Promise of search/pages.json: result id -> [title, 1 if an FAQ or glossary page, address], or null
  var vocabularies = {}; // letter -> Promise of {map: Map(word -> pages), sorted: [words]}
  var latest = 0;

  // --- loading --------------------------------------------------------------------------------

  function getJSON(path, base) {
    return fetch(new URL(path, base || site).href).then(function (r) {
      if (!r.ok) throw new Error(path + ": HTTP " + r.status);
      return r.json();
    });
  }

  function load() {
    if (!engine) {
      setMeta(hbT("Initializing search"));
      entry = getJSON("pagefind/pagefind-entry.json").catch(function () { return {}; });
      // While Pagefind's script starts, ask for its engine files at once (the browser's cache then
      // hands them to Pagefind): on a slow connection this saves a round trip or two.
      entry.then(function (e) {
        engineFiles(e).forEach(function (p) { fetch(new URL(p, site).href).catch(function () {}); });
      });
      titles = getJSON("search/pages.json", home).catch(function () { return null; });
      words = getJSON("search/words.json", home).then(
        function (data) {
          var map = new Map();
          Object.keys(data.synonyms || {}).forEach(function (say) {
            var key = tokens(say).join(" ");
            var means = (data.synonyms[say] || []).filter(function (m) { return typeof m === "string"; });
            if (key) map.set(key, means);
            if (key && fold(key) !== key && !map.has(fold(key))) map.set(fold(key), means); // typed without accents
          });
          // a phrase with an ending on any of its words ("killed himself", "cutting herself"): by the stems of its words
          map.canon = new Map();
          map.forEach(function (means, key) {
            if (key.indexOf(" ") > 0 && !map.canon.has(canon(key))) map.canon.set(canon(key), key);
          });
          return map;
        },
        function () { return new Map(); }
      );
      engine = import(new URL("pagefind/pagefind.js", site).href).then(function (pagefind) {
        // Ranking: less weight on how often a word repeats in a long page, so titles and the
        // "Also searched as" words decide.
        var ranking = T.ranking || { pageLength: 0.5, termFrequency: 0.3 };
        return pagefind.options({ baseUrl: site.pathname, ranking: ranking }).then(function () {
          // Start Pagefind's worker and its index metadata now, while the query is read (everyday
          // words, typo correction), not at the first search.
          if (pagefind.init) pagefind.init().catch(function () {});
          return pagefind;
        });
      });
      engine.then(
        function () { if (!input.value.trim()) setMeta(hbT("Type to start searching")); },
        function () { setMeta(hbT("Search is not available here.")); }
      );
    }
    return engine;
  }

  // Once the page has loaded and the browser is idle, the search starts, as Material's own search
  // builds its index on every page: Pagefind's script, worker, WebAssembly and language meta (and
  // the fresh copy of its entry file it always asks for), the everyday words, the result table and
  // the typo vocabulary. On a slow connection the first search then fetches only what the query
  // needs (its index pieces, then its results' texts). Not when the reader asked to save data, on
  // a 2G connection, or when the search box has already started loading.
  // Pagefind's files for this page's language, from its pagefind-entry.json: its meta and WebAssembly.
  function engineFiles(e) {
    var lang = e && e.languages && (e.languages[LANG] || e.languages.en || e.languages[Object.keys(e.languages)[0]]);
    if (!lang) return [];
    return ["pagefind/pagefind." + lang.hash + ".pf_meta", "pagefind/wasm." + lang.wasm + ".pagefind"];
  }

  function prefetch() {
    var link = navigator.connection || {};
    if (engine || link.saveData || /(^|-)2g$/.test(link.effectiveType || "")) return;
    load();
    // the typo vocabulary too (about 22 KB in all, compressed): a first search then waits for none of it
    "abcdefghijklmnopqrstuvwxyz0".split("").forEach(function (letter) { vocabulary(letter); });
  }
  function whenIdle(run) {
    var go = function () { (window.requestIdleCallback || setTimeout)(run, { timeout: 3000 }); };
    if (document.readyState === "complete") go(); else window.addEventListener("load", go, { once: true });
  }

  function vocabulary(letter) {
    if (!/^[a-z0]$/.test(letter)) return Promise.resolve({ map: new Map(), sorted: [] });
    if (!vocabularies[letter]) {
      vocabularies[letter] = getJSON("search/vocabulary-" + letter + ".json", home).then(
        function (rows) {
          var map = new Map();
          var folded = new Map(); // the word without accents -> the word the pages use ("recaida" -> "recaída")
          rows.forEach(function (row) {
            var w = String(row[0]).replace(/'/g, "");
            map.set(w, Math.max(map.get(w) || 0, Number(row[1]) || 1));
            var f = fold(w);
            if (f !== w && (!folded.has(f) || map.get(folded.get(f)) < map.get(w))) folded.set(f, w);
          });
          return { map: map, folded: folded, sorted: Array.from(map.keys()).sort() };
        },
        function () { return { map: new Map(), folded: new Map(), sorted: [] }; }
      );
    }
    return vocabularies[letter];
  }

  function letterOf(word) {
    var c = fold(word.charAt(0));
    return /[a-z]/.test(c) ? c : /[0-9]/.test(c) ? "0" : "";
  }

  // --- understanding the query ----------------------------------------------------------------

  function tokens(text) {
    return String(text)
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
      .split(/[^\p{L}\p{N}']+/u)
      .map(function (w) { return w.replace(/^'+|'+$/g, "").replace(/'s$/, "").replace(/'/g, ""); })
      .filter(Boolean);
  }

  function fold(word) {
    return word.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Optimal string alignment distance (a swap of two letters counts one), stopping past max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) best = v;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  function isSwap(a, b) {
    for (var i = 0; i < a.length - 1; i++) {
      if (a.charAt(i) !== b.charAt(i)) {
        return a.charAt(i) === b.charAt(i + 1) && a.charAt(i + 1) === b.charAt(i) && a.slice(i + 2) === b.slice(i + 2);
      }
    }
    return false;
  }

  function hasPrefix(sorted, prefix) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo].indexOf(prefix) === 0;
  }

  var ENDINGS = LANG === "es"
    ? ["es", "s", "a", "o", "as", "os", "ción", "ciones", "mente", "ado", "ada", "ando", "iendo", "ar", "er", "ir"]
    : ["ies", "es", "s", "ed", "ing", "ly", "er", "ers", "ment", "ness"];

  // Does the index know this word? (as it is, as the start of a longer word, or without an ending)
  function known(word, voc) {
    if (voc.map.has(word) || /\d/.test(word)) return true;
    if (word.length >= 4 && hasPrefix(voc.sorted, word)) return true;
    return ENDINGS.some(function (end) {
      var stem = word.slice(0, -end.length);
      return word.length - end.length >= 3 && word.slice(-end.length) === end && (voc.map.has(stem) || hasPrefix(voc.sorted, stem));
    });
  }

  function bestCorrection(word, vocs, synonymWords) {
    var max = word.length >= 8 ? 2 : 1;
    var best = null;
    function consider(candidate, pages) {
      if (candidate === word || candidate.length < 3) return;
      var d = distance(word, candidate, max);
      if (d > max) return;
      // a short word keeps its first letter, unless its first two letters were swapped
      var swapped = candidate.charAt(0) === word.charAt(1) && candidate.charAt(1) === word.charAt(0);
      if (word.length <= 4 && candidate.charAt(0) !== word.charAt(0) && !swapped) return;
      // one letter for another turns a real word into another ("bugs", "begs") more often than it
      // mends a typo: in short words it is not tried, in middling words only towards a common word
      if (d === 1 && candidate.length === word.length && !isSwap(word, candidate)) {
        if (word.length <= 4 || (word.length <= 6 && pages < 3)) return;
      }
      var score = d * 100 - Math.log(1 + pages) * 8;
      if (!best || score < best.score) best = { word: candidate, score: score };
    }
    vocs.forEach(function (voc) {
      voc.map.forEach(function (pages, candidate) { consider(candidate, pages); });
    });
    synonymWords.forEach(function (candidate) { consider(candidate, 3); });
    return best && best.word;
  }

  // The everyday-words key a phrase is: as typed, without accents, or its last word without an ending
  // ("owes" -> "owe", "texted" -> "text", "hugging" -> "hug", "dating" -> "date", "parties" -> "party").
  function everyday(synonyms, phrase) {
    if (synonyms.has(phrase)) return phrase;
    var folded = fold(phrase);
    if (synonyms.has(folded)) return folded;
    var cut = folded.lastIndexOf(" ") + 1, head = folded.slice(0, cut), last = folded.slice(cut);
    for (var i = 0; i < ENDINGS.length; i++) {
      var end = ENDINGS[i];
      // a stem of three letters at least; of two for a plural ("ods", "pos"), if it is an everyday word
      if (last.length - end.length < (end === "s" ? 2 : 3) || last.slice(-end.length) !== end) continue;
      var stem = last.slice(0, -end.length);
      var tries = [stem, stem + "e", stem.replace(/(.)\1$/, "$1"), end === "ies" ? stem + "y" : null];
      for (var k = 0; k < tries.length; k++) {
        if (tries[k] && synonyms.has(head + tries[k])) return head + tries[k];
      }
    }
    if (cut && synonyms.canon) return synonyms.canon.get(canon(folded)) || null;
    return null;
  }

  // A phrase by the stems of its words (stemish), to find an everyday phrase said with other endings
  function canon(phrase) {
    return phrase.split(" ").map(stemish).join(" ");
  }

  // The query -> groups of terms: each group is one thing the reader said (a word, or an everyday
  // phrase), with the handbook's words for it; a page matching more groups ranks higher.
  function understand(query, typing) {
    var all = tokens(query.slice(0, MAX_CHARS)).slice(0, 3 * MAX_WORDS);
    return words.then(function (synonyms) {
      var groups = [], shown = [], i = 0, define = false;
      while (i < all.length) {
        var found = null;
        for (var n = Math.min(4, all.length - i); n >= 1 && !found; n--) {
          var phrase = all.slice(i, i + n).join(" ");
          var key = everyday(synonyms, phrase);
          if (key) found = { phrase: key, n: n };
        }
        if (found && (found.n > 1 || !STOP.has(found.phrase))) {
          groups.push({ said: found.phrase, terms: terms(found.phrase, synonyms.get(found.phrase)) });
          shown.push(all.slice(i, i + found.n).join(" "));
          i += found.n;
        } else {
          if (DEFINE.has(all[i])) define = true;
          groups.push({ said: all[i], stop: STOP.has(all[i]) || DEFINE.has(all[i]), word: all[i] });
          shown.push(all[i]);
          i += 1;
        }
      }
      if (typing && groups.length) groups[groups.length - 1].last = true; // perhaps not typed in full yet
      var content = groups.filter(function (g) { return !g.stop; });
      // "what is a safety plan", "whats CIT": a short question for what a thing is
      if (/^(what|whats|who|whos)$/.test(all[0] || "") && /^(is|are|s|a|an)$/.test(all[1] || "what") && content.length <= 3) define = true;
      if (/^(que|qué|quien|quién)$/.test(all[0] || "") && /^(es|son|significa|quiere)$/.test(all[1] || "") && content.length <= 3) define = true;
      if (!content.length) content = groups.filter(function (g) { return g.word && g.word.length > 1; }); // only stop words: search them
      content = content.slice(0, MAX_WORDS);
      var letters = new Set();
      content.forEach(function (g) {
        if (g.word) {
          letters.add(letterOf(g.word));
          if (NEAR[g.word.charAt(0)]) {
            g.near = (NEAR[g.word.charAt(0)] + g.word.charAt(1)).split("");
          }
        }
      });
      return Promise.all([entry, Promise.all(Array.from(letters).map(vocabulary))]).then(function (loaded) {
        var langs = loaded[0].languages || {};
        var pageCount = ((langs[LANG] || langs.en) && (langs[LANG] || langs.en).page_count) || 0;
        var synonymWords = Array.from(synonyms.keys()).filter(function (k) { return k.indexOf(" ") < 0; });
        var corrections = [];
        return Promise.all(
          content.map(function (g) {
            if (!g.word) return null;
            var letter = letterOf(g.word);
            return vocabulary(letter).then(function (voc) {
              g.pages = voc.map.get(g.word) || 0;
              // typed without its accents ("recaida", "dia"): the pages' own spelling, shown as a correction
              var accented = !voc.map.has(g.word) && voc.folded && voc.folded.get(fold(g.word));
              if (accented) return accented;
              if (known(g.word, voc) || g.word.length < 4 || !letter) return;
              var fix = bestCorrection(g.word, [voc], synonymWords);
              if (fix || g.word.length < 5 || !g.near) return fix;
              // not found under its first letter: the first letter may be the typo
              return Promise.all(g.near.map(vocabulary)).then(function (vocs) {
                return bestCorrection(g.word, vocs, []);
              });
            }).then(function (fix) {
              if (fix) {
                corrections.push([g.word, fix]);
                shown[shown.indexOf(g.word)] = fix;
                g.said = fix;
                g.word = fix;
                return vocabulary(letterOf(fix)).then(function (voc) { g.pages = voc.map.get(fix) || 0; });
              }
            });
          })
        ).then(function () {
          content.forEach(function (g) {
            if (g.word) g.terms = terms(g.word, synonyms.get(everyday(synonyms, g.word) || g.word), g.last && !g.pages);
            g.common = g.word && pageCount > 0 && g.pages > COMMON * pageCount;
          });
          var specific = content.filter(function (g) { return !g.common; });
          return {
            groups: specific.length ? specific : content,
            phrases: phrases(groups),
            define: define,
            corrected: corrections.length ? shown.join(" ") : null,
          };
        });
      });
    });
  }

  // A word typed in full is searched as it is (Pagefind's exact search, "quoted", finds the pages
  // holding that very word) and as Pagefind does, as the start of longer words ("trans" also finds
  // "transparency"): pages only found the second way count PREFIX times less.
  function terms(said, means, last) {
    var out = [{ q: said, weight: 1, exact: !last && said.indexOf(" ") < 0 ? '"' + said + '"' : null }];
    (means || []).forEach(function (m) {
      var q = tokens(m).join(" ");
      if (q && !out.some(function (t) { return t.q === q; })) out.push({ q: q, weight: SYNONYM });
    });
    return out;
  }

  // --- searching ------------------------------------------------------------------------------

  // Pagefind's data() hands back one shared object per page: read it one call at a time.
  var reading = Promise.resolve();
  function read(result) {
    var next = reading.then(function () {
      return result.data().then(function (d) {
        return {
          url: d.url,
          title: (d.meta && d.meta.title) || d.url,
          excerpt: d.excerpt || "",
          subs: (d.sub_results || []).map(function (s) {
            return { url: s.url, title: s.title, excerpt: s.excerpt || "", weight: weightOf(s.weighted_locations) };
          }),
        };
      });
    });
    reading = next.catch(function () {});
    return next;
  }

  // ... but the pages' texts are fetched all at once, before that (Pagefind keeps them)
  var warmed = new Set();
  function warm(results) {
    results.forEach(function (r) {
      if (r && !warmed.has(r.id)) {
        warmed.add(r.id);
        r.data().catch(function () {});
      }
    });
  }

  function weightOf(locations) {
    return (locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 0); }, 0);
  }

  // Whether a page's row in search/pages.json gives its entries' word positions (macros/search.py: _entries).
  function positioned(row) {
    return !!row && !!row[1] && Array.isArray(row[4]) && row[4].every(function (e) { return e.length >= 6; });
  }

  // An FAQ or glossary page's entries as Pagefind's sub-results would be, from one search result's word
  // positions and the entries' positions (pages.json), without the page's text: each position counts as
  // Pagefind weighs it (its weight squared: 6 in a question or term, 5 in its "Also searched as" words,
  // 1 in the answer); a position before the first entry is the page's own top, in no entry.
  // A word of several parts ("trauma-informed") is found by one of them at the word's weight divided among them.
  var HEADING = 6, ALIASES = 5;
  function sectionsOf(doc, result) {
    var rows = doc.known[4], base = early(doc).url;
    if (!doc.parts) {
      doc.parts = new Map();
      rows.forEach(function (e) { (e[6] || []).forEach(function (c) { doc.parts.set(c[0], c[1]); }); });
    }
    var subs = rows.map(function (e) { return { url: base + "#" + e[1], title: e[0], excerpt: "", weight: 0 }; });
    (result.words || []).forEach(function (at) {
      var lo = 0, hi = rows.length - 1, k = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (rows[mid][2] <= at) { k = mid; lo = mid + 1; } else hi = mid - 1;
      }
      if (k < 0 || at >= rows[k][5]) return;
      var w = (at < rows[k][3] ? HEADING : at >= rows[k][4] ? ALIASES : 1) / (doc.parts.get(at) || 1);
      subs[k].weight += w * w;
    });
    return subs;
  }

  // Runs of two to six things said, starting and ending with a word that is no stop word ("too
  // many clients" -> "many clients"): a page holding one as it is written (a title, an alias) ranks
  // higher. Pagefind finds them with its exact search ("quoted").
  function phrases(sequence) {
    var out = [];
    for (var i = 0; i < sequence.length; i++) {
      if (sequence[i].stop) continue;
      for (var j = Math.min(sequence.length - 1, i + 5); j > i; j--) {
        if (sequence[j].stop) continue;
        var words = sequence.slice(i, j + 1).map(function (g) { return g.said; });
        out.push({ q: '"' + words.join(" ") + '"', size: words.join(" ").split(" ").length });
      }
    }
    out.sort(function (a, b) { return b.size - a.size; });
    out = out.slice(0, 10);
    // two words typed apart that the handbook writes as one ("trauma informed", "self care")
    for (var k = 0; k + 1 < sequence.length; k++) {
      if (!sequence[k].stop && !sequence[k + 1].stop && sequence[k].word && sequence[k + 1].word) {
        out.push({ q: '"' + sequence[k].word + sequence[k + 1].word + '"', size: 2 });
      }
    }
    return out;
  }

  function run(query, typing) {
    return Promise.all([load(), understand(query, typing), titles]).then(function (both) {
      var pagefind = both[0], plan = both[1];
      // signals: each group (a thing said, with the words it may mean), then each phrase
      var signals = plan.groups.map(function (g) { return { terms: g.terms, group: true }; });
      plan.phrases.forEach(function (p) { signals.push({ terms: [{ q: p.q, weight: PHRASE * p.size / 2 }], group: false }); });
      var queries = [];
      signals.forEach(function (sig) {
        sig.terms.forEach(function (t) {
          if (queries.indexOf(t.q) < 0) queries.push(t.q);
          if (t.exact && queries.indexOf(t.exact) < 0) queries.push(t.exact);
        });
      });
      queries = queries.slice(0, 32);
      signals.urgent = urgent(signals);
      if (signals.urgent && queries.indexOf("crisis") < 0) queries.push("crisis"); // to find the crisis page
      return Promise.all(queries.map(function (q) {
        return pagefind.search(q).then(function (r) { return r.results; }, function () { return []; });
      })).then(function (found) {
        var byQuery = new Map();
        queries.forEach(function (q, i) { byQuery.set(q, found[i]); });
        if (window.__hbDebug) window.__hbPlan = signals.map(function (sig) { return sig.terms.map(function (t) { return t.q + ":" + (byQuery.get(t.q) || []).length; }).join(" | "); });
        signals.define = plan.define;
        signals.typed = tokens(query).join(" ");
        signals.known = both[2];
        return rank(signals, byQuery).then(function (docs) {
          return { docs: docs, groups: plan.groups, corrected: plan.corrected };
        });
      });
    });
  }

  // DEV: window.__hbTune.top(query, n) -> the first n addresses, for bench/search_quality.py --fast
  if (window.__hbTune) {
    window.__hbTune.top = function (query, n) {
      return run(query, false).then(function (r) {
        return r.docs.slice(0, n || 3).map(function (d) { return d.sub ? d.sub.url : d.data ? d.data.url : (early(d) || {}).url || d.key; });
      });
    };
  }

  function blank(signals) {
    return signals.map(function () { return 0; });
  }

  // docs: {key, scores: [best score per signal], best: [{r, s}] per signal, result, matched, score}
  function rank(signals, byQuery) {
    var pages = new Map();
    signals.forEach(function (sig, si) {
      sig.terms.forEach(function (t) {
        var exact = t.exact && new Set((byQuery.get(t.exact) || []).map(function (r) { return r.id; }));
        t.exactIds = exact;
        (byQuery.get(t.q) || []).forEach(function (r) {
          var doc = pages.get(r.id);
          if (!doc) pages.set(r.id, (doc = { key: r.id, scores: blank(signals), best: [], signals: signals }));
          var s = r.score * t.weight * (exact && !exact.has(r.id) ? PREFIX : 1);
          if (s > doc.scores[si]) {
            doc.scores[si] = s;
            doc.best[si] = { r: r, s: s };
          }
          if (sig.group && (!doc.result || s > doc.resultScore)) { doc.result = r; doc.resultScore = s; }
        });
      });
    });
    var table = signals.known;
    if (signals.urgent && table) { // the crisis page is a result, whether or not it holds the words said
      (byQuery.get("crisis") || []).forEach(function (r) {
        if (!pages.has(r.id) && isCrisis(table[r.id])) pages.set(r.id, { key: r.id, scores: blank(signals), best: [], signals: signals, result: r });
      });
    }
    var docs = Array.from(pages.values()).filter(function (d) { return d.result; });
    docs.forEach(function (doc) { doc.known = table && table[doc.key]; });
    signals.top = signals.map(function (sig, si) {
      return docs.reduce(function (m, d) { return Math.max(m, d.scores[si]); }, 0);
    });
    docs.forEach(total);
    docs.sort(order);
    // Read the first pages. FAQ and glossary pages among them (or that could be, if one entry took
    // most of their score) are split into their questions and terms, each a result of its own.
    var cut = docs.length > EXPAND ? docs[EXPAND - 1].score : 0;
    var top = docs.filter(function (d, i) { return i < EXPAND || (ENTRY_BOOST * d.score >= cut && i < EXPAND + SPARE); });
    // With search/pages.json, titles and which pages are FAQ or glossary pages are known at once: only
    // those pages' texts are read before ranking; the others' when they are shown.
    if (table) top = top.filter(function (doc) { return doc.known && doc.known[1]; });
    // An FAQ question or glossary term whose title says at least half of what was said: its page is
    // split into its entries wherever the page itself ranks (a long page scores low for any one entry).
    if (table) docs.forEach(function (doc) {
      var entries = doc.known && doc.known[4];
      if (!entries || top.indexOf(doc) >= 0) return;
      if (entries.some(function (e) { return cover(e[0], signals) >= (T.COVER || 0.5); })) top.push(doc);
    });
    // With the entries' word positions in search/pages.json, the pages are split from the positions the
    // search returned, at once; their texts (for the previews) are fetched once the results are listed.
    var quick = !T.READ && !!table && top.every(function (doc) { return positioned(doc.known); });
    if (!quick) warm(top.map(function (doc) { return doc.result; }));
    return Promise.all(top.map(function (doc) { return quick ? early(doc) : read(doc.result); })).then(function (data) {
      top.forEach(function (doc, i) {
        if (!quick) doc.data = data[i];
        doc.page = data[i];
        doc.entries = ENTRY_PAGES.test(new URL(data[i].url, location.href).pathname);
      });
      var extra = [];
      var expansions = top.filter(function (d) { return d.entries; }).map(function (doc) {
        var hits = [];
        signals.forEach(function (sig, si) {
          sig.terms.forEach(function (t) {
            (byQuery.get(t.q) || []).forEach(function (r) {
              if (r.id === doc.key) hits.push({ r: r, w: t.weight * (t.exactIds && !t.exactIds.has(r.id) ? PREFIX : 1), si: si });
            });
          });
        });
        return Promise.all(hits.map(function (h) { return quick ? { subs: sectionsOf(doc, h.r) } : read(h.r); })).then(function (readings) {
          var entries = new Map();
          readings.forEach(function (d, k) {
            var h = hits[k];
            var all = d.subs.reduce(function (sum, s) { return sum + s.weight; }, 0) || 1;
            d.subs.forEach(function (s) {
              if (s.url.indexOf("#") < 0 || !s.weight) return; // the top of the page is not an entry
              var e = entries.get(s.url);
              if (!e) {
                e = { key: s.url, scores: blank(signals), page: doc.page, signals: signals, glossary: GLOSSARY.test(doc.page.url) };
                entries.set(s.url, e);
              }
              var score = h.r.score * h.w * Math.pow(s.weight / all, SHARE) * ENTRY_BOOST;
              if (score > e.scores[h.si]) e.scores[h.si] = score;
              if (signals[h.si].group && (!e.sub || score > e.subScore)) { e.sub = s; e.subScore = score; e.result = h.r; }
            });
          });
          entries.forEach(function (e) {
            if (!e.sub) return;
            total(e);
            extra.push(e);
            doc.replaced = true;
          });
        });
      });
      return Promise.all(expansions).then(function () {
        var out = docs.filter(function (d) { return !d.replaced; }).concat(extra);
        out.forEach(function (d) { titled(d, signals); });
        // A title that says most of what was said (a question, a term, a page's title) is brought up to near
        // the best result, whatever its text scored: a short title holding the words is the strongest sign.
        var best = out.reduce(function (m, d) { return Math.max(m, d.score); }, 0);
        out.forEach(function (d) {
          var title = titleOf(d) || "", share = cover(title, signals);
          if (share === null || share < (T.COVER || 0.5)) return;
          // ... the more so the less else the title says ("Peer support" before "Is peer support effective?")
          var own = tokens(title).filter(function (w) { return !STOP.has(w) && !DEFINE.has(w); });
          var said = own.filter(function (w) { return saidIn(w, signals); }).length;
          var precision = own.length ? said / own.length : 1;
          var floor = best * (T.FLOOR || 0.5) * share * share * (0.5 + 0.5 * precision) * weightOfPage(d);
          if (d.glossary && signals.define) floor *= DEFINITION;
          if (floor > d.score) d.score = floor + 0.1 * d.score; // the text's own score still orders equals
        });
        // Said something about suicide, self-harm or an overdose: the crisis lines come first, one tap away,
        // whatever else the reader asked (the guidance they asked for follows).
        if (signals.urgent) {
          out.forEach(function (d) {
            if (!d.sub && isCrisis(d.known)) d.score = Math.max(d.score, best) * 3;
          });
        }
        // A title typed as it is written (a question, a term, a page's title; case and punctuation aside)
        // is the answer asked for: it comes first, before any page that only talks about the same things.
        var highest = out.reduce(function (m, d) { return Math.max(m, d.score); }, 0);
        out.forEach(function (d) {
          var title = titleOf(d);
          if (title && signals.typed.split(" ").length >= 2 && tokens(title).join(" ") === signals.typed) {
            d.score += highest * 2;
          }
        });
        out.sort(order);
        if (window.__hbDebug) {
          window.__hbDebug = out.slice(0, 10).map(function (d) {
            return [d.sub ? d.sub.url : d.data ? d.data.url : d.key, d.matched, Math.round(d.score * 100) / 100,
              d.scores.map(function (x) { return Math.round(x * 100) / 100; }).join(" ")];
          });
        }
        return out;
      });
    });
  }

  // A page's score: the sum of its best score for each thing said and each phrase, scaled by how
  // much of what was said it matches (to the power COVERAGE: a page with every word wins over one
  // that repeats one of them). A word counts as matched in full when the page scores at least
  // MATCHED times the best page's score for it, in part below that: a long page that mentions a
  // word once in passing does not count as matching it.
  function total(doc) {
    var groups = 0, matched = 0, strength = 0, sum = 0;
    var signals = doc.signals;
    signals.forEach(function (sig, i) {
      if (sig.group) {
        groups += 1;
        if (doc.scores[i] > 0) matched += 1;
        strength += signals.top[i] ? Math.min(1, doc.scores[i] / (MATCHED * signals.top[i])) : 0;
      }
      sum += doc.scores[i];
    });
    doc.matched = matched;
    doc.score = sum * Math.pow(strength / (groups || 1), COVERAGE);
    if (doc.glossary && signals.define) doc.score *= DEFINITION;
    doc.score *= weightOfPage(doc);
  }

  // How much a page counts, by what it is (search/pages.json; site.SEARCH_WEIGHTS in the engine): guidance
  // in full, case studies and training less, pages about the handbook least. An FAQ question or a glossary
  // term counts in full (their pages are guidance).
  function weightOfPage(doc) {
    var known = !doc.sub && doc.known;
    return known && typeof known[3] === "number" && known[3] > 0 ? known[3] : 1;
  }

  // A title (a page's, a question's, a term's) that holds what was said: the strongest sign there is.
  function titled(doc, signals) {
    var title = titleOf(doc);
    if (!title) return;
    var share = cover(title, signals);
    if (share !== null) doc.score *= 1 + TITLE * Math.pow(share, 2);
  }

  // How much of what was said a title holds (0 to 1; null when nothing was said): each thing said counts
  // by its best term (its word, or an everyday word's meaning) whose words are all in the title.
  function cover(title, signals) {
    var have = new Set(tokens(title).map(stemish));
    var groups = 0, found = 0;
    signals.forEach(function (sig) {
      if (!sig.group) return;
      groups += 1;
      var best = 0;
      sig.terms.forEach(function (t) {
        var words = t.q.split(" ").map(stemish);
        if (words.every(function (w) { return have.has(w); })) best = Math.max(best, t.weight);
      });
      found += best;
    });
    return groups ? found / groups : null;
  }

  // Words that say someone may be in danger now: typed, or the first meaning of an everyday word typed
  // ("kill myself", "pills"; not "narcan", whose first meaning is naloxone)
  var URGENT = new Set(LANG === "es" ? ["suicidio", "autolesiones", "sobredosis"] : ["suicide", "self-harm", "overdose"]);
  function isCrisis(row) {
    return !!row && row[2].replace(/^\/[a-z]{2}\//, "/") === "/crisis/";
  }
  function urgent(signals) {
    return signals.some(function (sig) {
      return sig.group && sig.terms.slice(0, 2).some(function (t) {
        return t.q.split(" ").some(function (w) { return URGENT.has(w); });
      });
    });
  }

  // Whether a title's word is one of the things said (or a word of their meanings)
  function saidIn(word, signals) {
    var stem = stemish(word);
    return signals.some(function (sig) {
      return sig.group && sig.terms.some(function (t) { return t.q.split(" ").map(stemish).indexOf(stem) >= 0; });
    });
  }

  function titleOf(doc) {
    if (doc.sub) return doc.sub.title;
    if (doc.data) return doc.data.title;
    return doc.known ? doc.known[0] : undefined;
  }

  function stemish(word) {
    return word.replace(/(ies|es|s|ing|ed|ly)$/, "").replace(/(.)\1$/, "$1") || word;
  }

  function order(a, b) {
    return b.score - a.score;
  }

  // --- showing --------------------------------------------------------------------------------

  function setMeta() {
    var parts = Array.prototype.slice.call(arguments);
    meta.replaceChildren.apply(meta, parts.map(function (p) { return typeof p === "string" ? document.createTextNode(p) : p; }));
  }

  // Pagefind's excerpt is page text it escaped, with <mark> around the words found: rebuild it from
  // its text and <mark> elements only.
  function excerpt(html) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.append(mark);
      } else {
        p.append(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(url, title, where, html) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    h.textContent = title;
    article.append(h);
    if (where) {
      var w = document.createElement("p");
      w.className = "hb-search-where";
      w.textContent = where;
      article.append(w);
    }
    article.append(excerpt(html));
    link.append(article);
    li.append(link);
    return li;
  }

  function showSuggestions(text) {
    if (!text) {
      suggest.hidden = true;
      suggest.replaceChildren();
      return;
    }
    var heading = document.createElement("p");
    heading.className = "hb-search-suggest__title";
    heading.textContent = text;
    var ul = document.createElement("ul");
    suggestions().forEach(function (s) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(s[0], home).href;
      var strong = document.createElement("strong");
      strong.textContent = s[1];
      var span = document.createElement("span");
      span.textContent = s[2];
      a.append(strong, span);
      li.append(a);
      ul.append(li);
    });
    suggest.replaceChildren(heading, ul);
    suggest.hidden = false;
  }

  function count(n) {
    return n === 0 ? hbT("No matching documents") : n === 1 ? hbT("1 matching document") : hbT("{n} matching documents", { n: n });
  }

  var focusFirst = false;

  function view(doc) {
    if (doc.sub && (doc.sub.excerpt || doc.filled)) return { url: doc.sub.url, title: doc.sub.title, where: doc.page.title, excerpt: doc.sub.excerpt };
    if (doc.sub) return null;
    if (doc.data) return { url: doc.data.url, title: doc.data.title, where: "", excerpt: doc.data.excerpt };
    return null;
  }

  // A result listed before its page's text has come: its title and address only.
  function early(doc) {
    if (doc.sub) return { url: doc.sub.url, title: doc.sub.title, where: doc.page.title, excerpt: "" };
    if (!doc.known || !doc.known[2]) return null;
    var url = site.pathname.replace(/\/$/, "") + "/" + String(doc.known[2]).replace(/^\//, "");
    return { url: url, title: doc.known[0], where: "", excerpt: "" };
  }

  function show(found, shown, raw, final) {
    var items = shown.map(function (s) { return item(s.url, s.title, s.where, s.excerpt); });
    list.replaceChildren.apply(list, items);
    var n = found.docs.length;
    var parts = [];
    if (found.corrected) {
      var em = document.createElement("em");
      em.textContent = found.corrected;
      var around = hbT("Showing results for {words}.").split("{words}");
      parts.push(around[0], em, (around[1] || "") + " ");
    }
    var partial = n > 0 && found.docs[0].matched < found.groups.length;
    parts.push(partial ? hbT("{count}, with most of your words", { count: count(n) }) : count(n));
    setMeta.apply(null, parts);
    if (!final) return;
    var weak = n < 3 || partial;
    showSuggestions(weak ? (n ? hbT("Not what you need? Start from one of these:") : hbT("Nothing matched. Start from one of these:")) : null);
    list.setAttribute("data-hb-query", raw);
    if (focusFirst && items.length) items[0].querySelector("a").focus();
    focusFirst = false;
  }

  function search() {
    var raw = input.value;
    var query = raw.trim();
    var mine = ++latest;
    remember(raw);
    if (!query) {
      list.replaceChildren();
      showSuggestions(null);
      list.removeAttribute("data-hb-query");
      if (engine) setMeta(hbT("Type to start searching"));
      return;
    }
    if (!tokens(query.slice(0, MAX_CHARS)).length) {
      load().then(function () {
        if (mine !== latest) return;
        list.replaceChildren();
        setMeta(hbT("Type a word or two, for example: gift, text after hours, money."));
        showSuggestions(hbT("Or start from one of these:"));
        list.setAttribute("data-hb-query", raw);
      });
      return;
    }
    // the vocabulary files for typo correction, at once, while the engine loads
    tokens(query.slice(0, MAX_CHARS)).forEach(function (w) { if (!STOP.has(w) && w.length > 3) vocabulary(letterOf(w)); });
    run(query, !/\s$/.test(raw)).then(function (found) {
      if (mine !== latest) return;
      var docs = found.docs.slice(0, SHOWN);
      // the results are listed at once (titles from search/pages.json); their previews when their texts come
      var ready = [];
      for (var i = 0; i < docs.length && (view(docs[i]) || early(docs[i])); i++) ready.push(view(docs[i]) || early(docs[i]));
      if (docs.some(function (doc) { return !view(doc); })) show(found, ready, raw, false);
      warm(docs.map(function (doc) { return !view(doc) && doc.result; }));
      return Promise.all(docs.map(function (doc) {
        if (view(doc)) return view(doc);
        return read(doc.result).then(function (d) {
          if (!doc.sub) return { url: d.url, title: d.title, where: "", excerpt: d.excerpt };
          // an entry split from the positions alone: its preview is Pagefind's own for that section
          var id = doc.sub.url.slice(doc.sub.url.indexOf("#"));
          var same = d.subs.filter(function (s) { return s.url.slice(s.url.indexOf("#")) === id; })[0];
          doc.sub.excerpt = same ? same.excerpt : "";
          doc.filled = true;
          return view(doc);
        });
      })).then(function (shown) {
        if (mine !== latest) return;
        show(found, shown, raw, true);
      });
    }).catch(function () {
      if (mine !== latest) return;
      list.replaceChildren();
      setMeta(hbT("Search is not available here."));
      showSuggestions(hbT("Start from one of these:"));
      list.setAttribute("data-hb-query", raw);
    });
  }

  // --- the box: typing, keys, Back, a query kept for the session ----------------------------

  function remember(value) {
    try {
      if (value) sessionStorage.setItem(STORE, value);
      else sessionStorage.removeItem(STORE);
    } catch (err) { /* storage off: the query is simply not kept */ }
  }

  function recalled() {
    try { return sessionStorage.getItem(STORE) || ""; } catch (err) { return ""; }
  }

  function setOpen(open) {
    if (toggle.checked !== open) toggle.click(); // as Material does: its scroll lock follows the change
  }

  // Back closes an open search: opening it adds a history entry, and leaving that entry closes it.
  var pushed = false;
  var leaving = null;
  function opened() {
    if (!pushed) {
      history.pushState({ hbSearch: true }, "");
      pushed = true;
    }
    load();
    if (!input.value && recalled()) input.value = recalled();
    if (input.value.trim() && !list.hasAttribute("data-hb-query")) search();
  }
  function closed() {
    if (pushed && history.state && history.state.hbSearch) {
      pushed = false;
      history.back();
    }
  }
  window.addEventListener("popstate", function () {
    if (!pushed) return;
    pushed = false;
    if (toggle.checked) {
      setOpen(false);
      input.blur();
    }
    if (leaving) {
      var go = leaving;
      leaving = null;
      location.href = go;
    }
  });
  if (history.state && history.state.hbSearch) history.replaceState(null, "");

  // A result opened from the search leaves no search entry behind in the history.
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link || event.defaultPrevented || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (pushed && history.state && history.state.hbSearch) {
      event.preventDefault();
      leaving = link.href; // popstate closes the search, then goes there
      history.back();
    }
  });
  suggest.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a");
    if (!link || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (pushed && history.state && history.state.hbSearch) {
      event.preventDefault();
      leaving = link.href;
      history.back();
    }
  });

  var saved = recalled();
  if (saved && !input.value) input.value = saved;

  var timer = null;
  var preloaded = new Set();
  input.addEventListener("input", function () {
    clearTimeout(timer);
    remember(input.value);
    // the typo-correction words of each word's first letter, as soon as it is typed
    var typed = tokens(input.value.slice(0, MAX_CHARS));
    typed.forEach(function (w) { if (w.length > 1 && !STOP.has(w)) vocabulary(letterOf(w)); });
    // ... and the index pieces of each word typed to its end, while the rest is typed (Pagefind's preload)
    var done = /\s$/.test(input.value) ? typed : typed.slice(0, -1);
    done.forEach(function (w) {
      if (w.length > 2 && !STOP.has(w) && !preloaded.has(w)) {
        preloaded.add(w);
        load().then(function (p) { return p.preload && p.preload(w); }).catch(function () {});
      }
    });
    timer = setTimeout(search, 150);
  });
  input.addEventListener("focus", function () {
    setOpen(true);
    load();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      focusFirst = true;
      search();
    } else if (event.key === "ArrowDown") {
      var first = list.querySelector("a");
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowUp" && at === 0) input.focus();
    else if (links[at + (event.key === "ArrowDown" ? 1 : -1)]) links[at + (event.key === "ArrowDown" ? 1 : -1)].focus();
  });
  clear.addEventListener("click", function () {
    input.value = "";
    remember("");
    search();
    input.focus();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      opened();
      if (document.activeElement !== input) input.focus();
    } else {
      closed();
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /input|textarea|select/i.test((event.target && event.target.tagName) || "") || (event.target && event.target.isContentEditable);
    if (event.key === "Escape" && toggle.checked) {
      setOpen(false);
      input.blur();
    } else if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      setOpen(true);
      input.focus();
    }
  });
  whenIdle(prefetch);
})();
